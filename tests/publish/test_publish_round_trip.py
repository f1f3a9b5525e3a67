"""Round trip: parse a sample, write it, parse the DOCX again; the reader must find the same
document. Compared field by field: header, outline titles, footnote texts, references,
figures, recipients and signature. The seeds are written in all three layouts."""

from pathlib import Path

import pytest

from danvan.publish import render_docx

ingest = pytest.importorskip("danvan.ingest", reason="the reader (danvan.ingest) is not there yet")

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
DANANG = SAMPLES / "seeds" / "danang-bdvtu-phoi-hop-6t-2022.txt"
CANTHO = SAMPLES / "seeds" / "cantho-dukhoi-dan-van-6t-2019.txt"
CORPUS_WORD = [
    SAMPLES / "corpus" / "ubnd-lam-dong-bc-cchc-quy-i-2026-draft.docx",
    SAMPLES / "corpus" / "bcd-de-an-06-lam-dong-bc-10-2025-draft.doc",
    SAMPLES / "corpus" / "vptw-hd-36-the-thuc-van-ban-dang-2018.doc",
]

_parsed: dict[Path, dict] = {}


def _parse(path: Path) -> dict:
    if path not in _parsed:
        _parsed[path] = ingest.parse_file(path).to_dict()
    return _parsed[path]


def _round_trip(source: Path, layout: str | None, tmp_path: Path) -> tuple[dict, dict]:
    before = _parse(source)
    out = tmp_path / (source.stem + ".docx")
    render_docx(before, out, layout)
    return before, ingest.parse_file(out).to_dict()


def _titles(sections):
    for s in sections:
        yield (s["label"], s["title"], s["level"])
        yield from _titles(s["children"])


_REFERENCE_FIELDS = (
    "raw",
    "kind",
    "system",
    "number",
    "year",
    "type_code",
    "issuer_code",
    "symbol",
    "date",
    "issued_by",
    "in",
)
_FIGURE_FIELDS = ("text", "value", "unit", "total", "approx", "in")


def _assert_same_document(before: dict, after: dict, authority: list[str] | None = None) -> None:
    """`authority`: the signing authority expected after the writer spelled it for the layout
    (T/M, K/T for Party; TM., KT. for State); by default the one read before."""
    if before["form"] is not None:
        assert after["form"] == before["form"]
    for key, value in before["header"].items():
        assert after["header"][key] == value, key
    assert list(_titles(after["outline"])) == list(_titles(before["outline"]))
    assert after["footnotes"] == before["footnotes"]
    assert [{k: r[k] for k in _REFERENCE_FIELDS} for r in after["references"]] == [
        {k: r[k] for k in _REFERENCE_FIELDS} for r in before["references"]
    ]
    assert [{k: f[k] for k in _FIGURE_FIELDS} for f in after["figures"]] == [
        {k: f[k] for k in _FIGURE_FIELDS} for f in before["figures"]
    ]
    assert after["closing"]["recipients"] == before["closing"]["recipients"]
    expected_signature = dict(before["closing"]["signature"])
    if authority is not None:
        expected_signature["authority"] = authority
    assert after["closing"]["signature"] == expected_signature


@pytest.mark.parametrize("layout", [None, "party-2018", "state"])
def test_danang_seed(tmp_path, layout):
    before, after = _round_trip(DANANG, layout, tmp_path)
    # Written as a State document, the Party "K/T" becomes NĐ 30's "KT.".
    authority = ["KT. TRƯỞNG BAN"] if layout == "state" else ["K/T TRƯỞNG BAN"]
    _assert_same_document(before, after, authority)
    # What the document says, read by a person (samples/README.md and the text itself).
    assert len(after["footnotes"]) == 15
    assert after["closing"]["signature"] == {
        "authority": authority,
        "title": "PHÓ TRƯỞNG BAN",
        "name": "Mai Thị Thu",
    }
    assert after["closing"]["recipients"][0] == "Ban Dân vận Trung ương (b/c)"
    assert after["closing"]["recipients"][-1] == "Lưu VT, P.DVNN-DT-TG"
    assert after["header"]["type_name"] == "BÁO CÁO"


@pytest.mark.parametrize("layout", [None, "party-2018", "state"])
def test_cantho_seed(tmp_path, layout):
    before, after = _round_trip(CANTHO, layout, tmp_path)
    authority = ["TM. BAN THƯỜNG VỤ"] if layout == "state" else ["T/M BAN THƯỜNG VỤ"]
    _assert_same_document(before, after, authority)
    assert len(after["footnotes"]) == 1
    signature = after["closing"]["signature"]
    assert signature["authority"] == authority
    assert signature["title"] == "PHÓ BÍ THƯ"
    assert signature["name"] is None


@pytest.mark.parametrize("source", CORPUS_WORD, ids=lambda p: p.name)
def test_corpus_word_files(tmp_path, source):
    before, after = _round_trip(source, None, tmp_path)
    _assert_same_document(before, after)


def test_corpus_cong_van_pdf(tmp_path):
    before, after = _round_trip(
        SAMPLES / "corpus" / "ubnd-quang-ngai-cv-507-2025.pdf", None, tmp_path
    )
    _assert_same_document(before, after)
    # The signed PDF carries its number and date in the e-signature stamp, not in the text.
    assert after["header"]["issuer"] == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert after["header"]["type_code"] == "CV"
    assert after["header"]["addressees"] == ["Sở Thông tin và Truyền thông"]


def test_corpus_report_pdf(tmp_path):
    source = SAMPLES / "corpus" / "ubnd-lam-dong-bc-329-cchc-2025.pdf"
    before, after = _round_trip(source, None, tmp_path)
    _assert_same_document(before, after)
    # Read from the PDF by hand: 17 footnotes, signed KT. Chủ tịch by Phó Chủ tịch Nguyễn Ngọc
    # Phúc; its number and date are in the e-signature stamp, not the text.
    assert len(after["footnotes"]) == 17
    assert after["closing"]["signature"] == {
        "authority": ["KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Nguyễn Ngọc Phúc",
    }
    assert after["header"]["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
