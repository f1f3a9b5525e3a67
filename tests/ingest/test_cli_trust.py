"""`danvan parse --trust-anchors`: the signature check against the administrator's CA.

Synthetic: a CA made in the test signs a small text PDF (the real files' CAs cannot be
fetched here)."""

import json
import subprocess
import sys

import pytest

from danvan.ingest.signatures import PROBLEM_NO_ANCHOR

from .builders import text_pdf
from .signing import make_ca, make_signer, sign


@pytest.fixture(scope="module")
def signed_file(tmp_path_factory):
    ca = make_ca()
    folder = tmp_path_factory.mktemp("trust")
    who = make_signer(ca, "Trần Văn A", "SỞ NỘI VỤ TỈNH LÂM ĐỒNG", "VĂN PHÒNG")
    pdf = folder / "cong-van.pdf"
    pdf.write_bytes(sign(text_pdf(["So: 12/SNV-TCBC", "Noi dung van ban."]), who, "Signature1"))
    return pdf, ca.write(folder / "ca.pem")


def _parse(*args):
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", "parse", *map(str, args)],
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_with_the_anchor_the_certificate_is_valid(signed_file):
    pdf, anchor = signed_file
    done = _parse(pdf, "--trust-anchors", anchor)
    assert done.returncode == 0, done.stderr.decode()
    [signature] = json.loads(done.stdout)["signatures"]
    assert signature["signer"] == "Trần Văn A"
    assert signature["certificate_valid_at_signing"] is True
    assert PROBLEM_NO_ANCHOR not in signature["problems"]


def test_a_folder_of_anchors_and_a_folder_of_files(signed_file):
    pdf, anchor = signed_file
    done = _parse(pdf.parent, "--trust-anchors", anchor.parent)
    assert done.returncode == 0, done.stderr.decode()
    [line] = done.stdout.decode().splitlines()
    assert json.loads(line)["signatures"][0]["certificate_valid_at_signing"] is True


def test_without_anchors_validity_is_unknown(signed_file):
    pdf, _ = signed_file
    done = _parse(pdf)
    [signature] = json.loads(done.stdout)["signatures"]
    assert signature["certificate_valid_at_signing"] is None
    assert PROBLEM_NO_ANCHOR in signature["problems"]


def test_a_missing_or_unreadable_anchor_exits_2_with_one_line(signed_file, tmp_path):
    pdf, _ = signed_file
    done = _parse(pdf, "--trust-anchors", tmp_path / "khong-co.pem")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        f"Lỗi: không tìm thấy chứng thư CA {tmp_path / 'khong-co.pem'}."
    )
    junk = tmp_path / "rac.pem"
    junk.write_text("không phải chứng thư")
    done = _parse(pdf, "--trust-anchors", junk)
    assert done.returncode == 2
    assert "không đọc được chứng thư CA" in done.stderr.decode()
    assert done.stdout == b""
