"""`danvan parse` as a user runs it."""

import json
import shutil
import subprocess
import sys

from .conftest import SEEDS

SPEC_KEYS = [
    "schema",
    "source",
    "form",
    "header",
    "preamble",
    "outline",
    "tables",
    "footnotes",
    "references",
    "figures",
    "closing",
    "warnings",
    "signatures",  # version 2
    "mentions",  # version 2
]


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", "parse", *map(str, args)],
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_json_for_one_file_has_the_spec_keys_in_order():
    done = _run(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt", "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    assert list(data) == SPEC_KEYS
    assert data["schema"] == "danvan.parsed-document/2"
    assert list(data["header"]) == [
        "parent_issuer",
        "issuer",
        "number",
        "symbol",
        "type_code",
        "place",
        "date",
        "type_name",
        "title",
        "addressees",
    ]
    assert list(data["references"][0]) == [
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
        "subject",  # an addition: the cited document's "về …"
        "in",
    ]
    assert list(data["figures"][0]) == ["text", "value", "unit", "total", "approx", "context", "in"]
    assert list(data["closing"]["signature"]) == ["authority", "title", "name"]


def test_bad_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    done = _run(bad)
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and "hong.pdf" in lines[0] and "Traceback" not in lines[0]


def test_jsonl_over_a_folder_goes_on_after_a_bad_file(tmp_path):
    shutil.copy(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt", tmp_path / "a.txt")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04broken")
    shutil.copy(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt", tmp_path / "c.txt")
    (tmp_path / "ghi-chu.md").write_text("không phải văn bản cần đọc")
    done = _run(tmp_path, "--format", "jsonl")
    assert done.returncode == 2
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["source"]["name"] for r in rows] == ["a.txt", "b.docx", "c.txt"]
    assert "error" in rows[1] and "error" not in rows[0]
    assert len(rows[0]["footnotes"]) == 15


def test_limits_are_flags(tmp_path):
    done = _run(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt", "--max-mb", "0.001")
    assert done.returncode == 2
    assert "quá lớn" in done.stderr.decode("utf-8")


def test_output_is_byte_for_byte_stable():
    first = _run(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt")
    second = _run(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_doc_without_antiword_or_libreoffice_says_so(tmp_path):
    from .conftest import CORPUS

    # An empty PATH: neither converter can be found, as on a machine without them.
    done = subprocess.run(
        [sys.executable, "-m", "danvan.cli", "parse", str(CORPUS / "vptw-hd-36-the-thuc-van-ban-dang-2018.doc")],
        capture_output=True, timeout=120, check=False, env={"PATH": str(tmp_path), "HOME": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 2
    message = done.stderr.decode("utf-8").strip()
    assert "antiword" in message and "LibreOffice" in message and len(message.splitlines()) == 1
