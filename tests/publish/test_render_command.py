"""`danvan render` as a user runs it: a real process, its exit status and its one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx_probe import Probe, text_of
from sample_documents import danang_report, lam_dong_report


def _danvan(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", "render", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def state_json(tmp_path) -> Path:
    path = tmp_path / "329.json"
    path.write_text(json.dumps(lam_dong_report(), ensure_ascii=False), encoding="utf-8")
    return path


def test_renders_with_the_layout_the_document_calls_for(tmp_path, state_json):
    out = tmp_path / "329.docx"
    result = _danvan(state_json, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Nghị định 30/2020/NĐ-CP" in result.stdout
    assert text_of(Probe(out).paragraph("Số")) == "Số: 329/BC-UBND"


def test_layout_can_be_forced(tmp_path):
    source = tmp_path / "dn.json"
    source.write_text(json.dumps(danang_report()), encoding="utf-8")
    out = tmp_path / "dn.docx"
    result = _danvan(source, "-o", out, "--layout", "party")
    assert result.returncode == 0, result.stderr
    assert "05-HD/VPTW" in result.stdout
    assert text_of(Probe(out).paragraph("- Lưu")) == "- Lưu VT, P.DVNN-DT-TG."


def _assert_one_line_error(result, words):
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_missing_input(tmp_path):
    _assert_one_line_error(
        _danvan(tmp_path / "nope.json", "-o", tmp_path / "x.docx"), "Không tìm thấy tệp"
    )


def test_not_json(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text("{ not json", encoding="utf-8")
    _assert_one_line_error(_danvan(source, "-o", tmp_path / "x.docx"), "không phải JSON hợp lệ")


def test_wrong_shape(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(
        json.dumps({"form": "party", "header": {"date": "19/12/2025"}}), encoding="utf-8"
    )
    _assert_one_line_error(_danvan(source, "-o", tmp_path / "x.docx"), "YYYY-MM-DD")


def test_unwritable_output(tmp_path, state_json):
    _assert_one_line_error(
        _danvan(state_json, "-o", tmp_path / "no" / "dir" / "x.docx"), "không ghi được"
    )


def test_missing_libreoffice_is_said_in_vietnamese(tmp_path, state_json):
    # A PATH with no soffice on it: what a machine without LibreOffice looks like.
    empty = tmp_path / "bin"
    empty.mkdir()
    result = _danvan(
        state_json, "-o", tmp_path / "x.docx", "--pdf", tmp_path / "x.pdf", env={"PATH": str(empty)}
    )
    _assert_one_line_error(result, "Không tìm thấy LibreOffice")
    assert (tmp_path / "x.docx").is_file()
    assert not (tmp_path / "x.pdf").exists()
