"""Tables read as tables: ruled PDF tables (from the page's rules and text positions), DOCX
tables with merged cells, figures in cells with their row and column headers, and table
figures proposed for indicators. Expectations read by hand from the shared files."""

import pytest

from danvan.imports.figures import IndicatorSpec, propose_values
from danvan.ingest import parse_file

from .conftest import CORPUS, SAMPLES

INCOMING = SAMPLES / "incoming"
HEAD = ["STT", "Đơn vị", "Điểm chuẩn tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Chỉ số"]


@pytest.fixture(scope="module")
def annex():
    return parse_file(INCOMING / "hdtd-lam-dong-phu-luc-i-chi-so-cchc-2025.pdf")


@pytest.fixture(scope="module")
def appraisal():
    return parse_file(INCOMING / "hdtd-lam-dong-bc-36-tham-dinh-chi-so-cchc-2025.pdf")


@pytest.fixture(scope="module")
def cchc_docx():
    return parse_file(CORPUS / "ubnd-lam-dong-bc-cchc-quy-i-2026-draft.docx")


def test_ruled_pdf_table_rows_cells_and_header(annex):
    departments, communes = annex.tables
    assert departments.page == 1 and departments.header_rows == 1
    assert departments.rows[0] == HEAD  # "Điểm chuẩn tối đa" wraps over three lines
    assert departments.rows[1] == ["1", "Sở Tư pháp", "14,50", "14,50", "13,50", "93,10%"]
    assert departments.rows[4] == [
        "4",
        "Sở Khoa học và Công nghệ",
        "12,50",
        "12,50",
        "9,50",
        "76,00%",
    ]
    assert departments.rows[15][:2] == ["15", "Sở Ngoại vụ"]
    assert departments.after_paragraph == "I. ĐỐI VỚI CẤP SỞ"
    # The shaded summary rows: one cell over the first five columns, then the index.
    assert departments.rows[16:] == [
        ["Chỉ số cao nhất", "93,10%"],
        ["Chỉ số trung bình", "61,69%"],
        ["Chỉ số thấp nhất", "16,00%"],
    ]
    assert departments.to_dict()["rows"][16][0] == {
        "text": "Chỉ số cao nhất",
        "rowspan": 1,
        "colspan": 5,
    }


def test_a_table_continued_over_pages_is_one_table_with_its_header_once(annex):
    communes = annex.tables[1]
    assert (communes.page, communes.rows[0]) == (2, HEAD)
    assert HEAD not in communes.rows[1:]  # repeated on pages 3 and 4, dropped
    numbers = [row[0] for row in communes.rows[1:125]]
    assert numbers == [str(n) for n in range(1, 125)]  # 124 communes, none lost at a page end
    assert communes.rows[82] == ["82", "UBND xã Tánh Linh", "17,00", "16,25", "6,50", "38,24%"]
    assert communes.rows[-1] == ["Chỉ số thấp nhất", "8,82%"]


def test_table_lines_leave_the_running_text(annex, appraisal):
    assert [s.title for s in annex.outline] == ["ĐỐI VỚI CẤP SỞ", "ĐỐI VỚI CẤP XÃ"]
    assert not any("14,50" in p.text for p in annex.paragraphs())
    texts = [p.text for p in appraisal.paragraphs()]
    assert not any(t.startswith(("1 Sở Tư pháp", "STT Đơn vị")) for t in texts)
    scores = next(t for t in appraisal.tables if t.rows[0] == HEAD)
    assert scores.rows[1] == ["1", "Sở Tư pháp", "74,00", "70,52", "70,50", "95,27%"]


def test_figures_in_a_table_carry_their_row_and_column_headers(annex):
    figure = next(f for f in annex.figures if f.context == "Sở Tư pháp | Chỉ số | 93,10%")
    assert (figure.value, figure.unit, figure.where) == (93.1, "%", "table")
    assert figure.table == {
        "index": 0,
        "row": 1,
        "column": 5,
        "row_header": "Sở Tư pháp",
        "column_header": "Chỉ số",
    }
    score = next(f for f in annex.figures if f.context == "Sở Nội vụ | Điểm thẩm định | 10,50")
    assert score.value == 10.5 and score.to_dict()["in"] == "table"
    # Row numbers (STT) are not figures.
    assert not any(f.table and f.table["column"] == 0 for f in annex.figures)


def test_docx_tables_keep_merged_cells_and_the_unit_column(cchc_docx):
    table = cchc_docx.tables[0]
    assert table.header_rows == 2
    first = table.to_dict()["rows"][0]
    assert first[0] == {"text": "STT", "rowspan": 2, "colspan": 1}
    assert first[2] == {"text": "Kết quả thống kê", "rowspan": 1, "colspan": 2}
    assert table.rows[1] == ["Đơn vị tính", "Số liệu"]
    figure = next(f for f in cchc_docx.figures if f.where == "table")
    assert (figure.value, figure.unit) == (29, "Văn bản")
    assert figure.table["row_header"].startswith("Số văn bản chỉ đạo CCHC đã ban hành")
    assert figure.table["column_header"] == "Kết quả thống kê Số liệu"


def test_table_figures_are_proposed_for_indicators_like_sentences(cchc_docx):
    spec = IndicatorSpec(
        code="vb-chi-dao-cchc",
        name="Số văn bản chỉ đạo cải cách hành chính",
        unit_of_measure="văn bản",
        cues=("văn bản chỉ đạo",),
    )
    parsed = cchc_docx.to_dict()
    proposal = next(p for p in propose_values(parsed, [spec]) if p.source["in"] == "table")
    assert proposal.value == 29 and proposal.confidence >= 0.8
    assert proposal.source["table"] == "1/3/4"  # table 1, row 3, column 4
    parsed["source"]["ocr"] = {
        "engine": "tesseract 5.3.0 vie",
        "pages": [1],
        "mean_confidence": 0.9,
    }
    scanned = next(p for p in propose_values(parsed, [spec]) if p.source["in"] == "table")
    assert scanned.confidence == round(proposal.confidence * 0.8, 2)
