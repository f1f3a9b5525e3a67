"""Property tests: random bytes and random Vietnamese text never crash a reader or the
structure pass, never hang, and give the same output twice."""

import json
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.ingest import DocumentError, parse_bytes
from danvan.ingest.structure.figures import find_figures
from danvan.ingest.structure.references import find_references
from danvan.vn.dates import find_date
from danvan.vn.symbols import parse_symbol

from .builders import document_xml, docx_bytes, text_pdf

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
ALPHABET = VIET + VIET.upper() + "0123456789 .,;:/-–()“”%\n\t" + "ƣƢÐ"
WORDS = st.sampled_from(
    "Quyết định số 2806-QĐ/TU ngày 02/12/2021 I. II. 1. 2.1. a) Nơi nhận: - Lưu VT K/T TRƯỞNG BAN "
    "BÁO CÁO Kính gửi: Số: /BC-UBND 1.868 lượt hơn 1,821 tỷ đồng 97/97 tổ chức COVID-1911 ngày 13/5/216 "
    "Trung ương1, CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ĐẢNG CỘNG SẢN VIỆT NAM Phần thứ nhất".split(
        " "
    )
)
TEXT = st.one_of(
    st.text(alphabet=ALPHABET, max_size=400),
    st.lists(st.one_of(WORDS, st.text(alphabet=ALPHABET, max_size=12)), max_size=120).map(" ".join),
    st.lists(
        st.one_of(WORDS, st.just("\n"), st.just("\n\n"), st.just(" " * 40 + "\n"), st.just("3\n")),
        max_size=150,
    ).map(" ".join),
)


def _outcome(data: bytes, name: str) -> str:
    try:
        return json.dumps(parse_bytes(data, name).to_dict(), ensure_ascii=False, sort_keys=False)
    except DocumentError as error:
        assert "\n" not in str(error)
        return f"error:{error.reason}:{error}"


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    assert _outcome(data, "ngau-nhien.bin") == _outcome(data, "ngau-nhien.bin")


@SETTINGS
@given(
    st.sampled_from(
        [b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
    ),
    st.binary(max_size=3000),
)
def test_random_bytes_behind_real_magic(magic, data):
    assert _outcome(magic + data, "x") == _outcome(magic + data, "x")


@SETTINGS
@given(TEXT)
def test_random_vietnamese_text_file(text):
    data = text.encode("utf-8")
    first = _outcome(data, "van-ban.txt")
    assert first == _outcome(data, "van-ban.txt")
    assert "ƣ" not in first and "\ue000" not in first


@SETTINGS
@given(st.lists(TEXT, max_size=8))
def test_random_docx_paragraphs(paragraphs):
    data = docx_bytes(document_xml(*(escape(p.replace("\n", " ")) for p in paragraphs)))
    assert _outcome(data, "van-ban.docx") == _outcome(data, "van-ban.docx")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;:/-", max_size=70),
        min_size=1,
        max_size=12,
    )
)
def test_random_pdf_text_layer(lines):
    data = text_pdf([line.replace("(", "").replace(")", "").replace("\\", "") for line in lines])
    assert _outcome(data, "van-ban.pdf") == _outcome(data, "van-ban.pdf")


@SETTINGS
@given(TEXT)
def test_structure_helpers_never_crash(text):
    find_figures(text, "body")
    find_references(text, "body")
    find_date(text)
    parse_symbol(text)


def test_a_huge_single_paragraph_is_read_in_one_pass():
    # Joining and figure contexts look at bounded windows; a quadratic rule would make this
    # take minutes instead of well under a second.
    sentence = "Đã tiếp 1.868 lượt/1.817 người theo Quyết định số 2806-QĐ/TU ngày 02/12/2021, "
    text = "\n".join([sentence] * 3000)
    doc = parse_bytes(text.encode(), "dai.txt")
    assert len(doc.paragraphs()) == 1
    assert len(doc.references) == 3000
    assert len(doc.figures) == 6000


RUN = st.tuples(
    st.sampled_from([6.0, 7.0, 8.0, 10.0, 12.0, 14.0]),
    st.floats(min_value=20, max_value=560),
    st.floats(min_value=20, max_value=820),
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:/-",
        min_size=1,
        max_size=60,
    ),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(RUN, max_size=25), min_size=1, max_size=3))
def test_random_pdf_layouts(pages):
    from .builders import layout_pdf

    data = layout_pdf([[(s, x, y, t.strip() or "x") for s, x, y, t in page] for page in pages])
    assert _outcome(data, "bo-cuc.pdf") == _outcome(data, "bo-cuc.pdf")
