"""Input checking: a wrong shape is one PublishError with a Vietnamese message, never another
exception, and the minimal documents a user can export still come out."""

import io

import pytest
from docx_probe import Probe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_documents import danang_report

from danvan.publish import PublishError, render_docx, render_docx_bytes


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ([], "cần một đối tượng JSON"),
        ({"form": "other"}, "'form'"),
        ({"header": {"date": "05/11/2025"}}, "YYYY-MM-DD"),
        ({"header": {"issuer": 5}}, "header.issuer"),
        ({"outline": [{"title": "A", "level": 0}]}, "outline[0].level"),
        ({"outline": "I. A"}, "'outline' phải là danh sách"),
        ({"preamble": [{"text": "x", "footnotes": ["1"]}]}, "preamble[0].footnotes"),
        ({"footnotes": [{"id": 0, "text": "x"}]}, "footnotes[0].id"),
        ({"closing": {"signature": {"authority": "K/T"}}}, "closing.signature.authority"),
    ],
)
def test_wrong_shapes_are_refused_with_the_place(doc, words):
    with pytest.raises(PublishError) as info:
        render_docx(doc, io.BytesIO())
    assert words in str(info.value)


def test_unknown_layout_is_refused():
    with pytest.raises(PublishError, match="Không có thể thức 'hd99'"):
        render_docx(danang_report(), io.BytesIO(), "hd99")


def test_an_empty_document_still_writes_a_header(tmp_path):
    path = tmp_path / "empty.docx"
    assert render_docx({}, path).name == "party"
    probe = Probe(path)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in probe.body_texts()
    assert probe.footnote_texts() == {}


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 12) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(["form", "header", "preamble", "outline", "tables", "footnotes", "closing"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _json, max_size=4))
def test_any_json_either_renders_or_raises_publish_error(doc):
    try:
        data = render_docx_bytes(doc)
    except PublishError:
        return
    assert data.startswith(b"PK")


def test_characters_xml_cannot_hold_become_spaces(tmp_path):
    doc = danang_report()
    doc["preamble"][0]["text"] = "Trang 1\x0cTrang 2\x00và\ud800hết."
    doc["footnotes"][0]["text"] = "Ghi\x0bchú"
    doc["tables"] = [{"rows": [["ô\x07một"]], "after_paragraph": None}]
    path = tmp_path / "x.docx"
    render_docx(doc, path)
    probe = Probe(path)
    assert "Trang 1 Trang 2 và hết." in probe.body_texts()
    assert probe.footnote_texts()[1] == "Ghi chú"
    assert "ô một" in probe.body_texts()
