"""Which rules apply: the form and the date choose (document-layout.md), or the caller forces."""

import datetime as dt
import zipfile

import pytest
from docx_probe import Probe
from sample_documents import danang_report, lam_dong_report

from danvan.publish import LAYOUTS, PublishError, choose_layout, get_layout, render_docx


@pytest.mark.parametrize(
    ("form", "date", "symbol", "expected"),
    [
        ("party", dt.date(2019, 7, 10), None, "party-2018"),
        ("party", dt.date(2026, 5, 26), None, "party-2018"),
        ("party", dt.date(2026, 5, 27), None, "party"),  # HD 05 signed 27/5/2026
        ("party", dt.date(2026, 11, 5), None, "party"),
        ("party", None, None, "party"),
        ("state", dt.date(2025, 12, 19), None, "state"),
        ("state", None, None, "state"),
        (None, dt.date(2025, 12, 19), "329/BC-UBND", "state"),
        (None, dt.date(2022, 7, 5), "138-BC/BDVTU", "party-2018"),
        (None, None, None, "party"),
    ],
)
def test_choose_layout(form, date, symbol, expected):
    assert choose_layout(form, date, symbol).name == expected


def test_the_three_rule_sets_and_their_sources():
    assert set(LAYOUTS) == {"party", "party-2018", "state"}
    assert "05-HD/VPTW" in get_layout("party").label
    assert "36-HD/VPTW" in get_layout("party-2018").label
    assert "30/2020/NĐ-CP" in get_layout("state").label
    with pytest.raises(PublishError):
        get_layout("hd-99")


def test_last_body_paragraph_ends_with_a_full_stop(tmp_path):
    doc = lam_dong_report()
    doc["outline"][0]["paragraphs"][0]["text"] = "Tiếp tục theo dõi, đôn đốc thực hiện"
    doc["tables"] = []
    path = tmp_path / "x.docx"
    render_docx(doc, path)
    assert "Tiếp tục theo dõi, đôn đốc thực hiện." in Probe(path).body_texts()


def test_file_dated_with_the_document_date(tmp_path):
    path = tmp_path / "x.docx"
    render_docx(danang_report(), path)
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    assert "2022-07-05T00:00:00Z" in core
