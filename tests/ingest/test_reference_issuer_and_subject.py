"""Who issued a cited document and what it is about, read from the citing sentence of the real
seeds ("… ngày 22/8/2017 của Ban Thường vụ Thành ủy Về nâng cao hiệu quả …")."""

from pathlib import Path

import pytest

from danvan.ingest import parse_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"


@pytest.fixture(scope="module")
def cantho():
    return parse_file(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").to_dict()["references"]


@pytest.fixture(scope="module")
def danang():
    return parse_file(SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt").to_dict()["references"]


def find(references, symbol, date):
    return next(r for r in references if r["symbol"] == symbol and r["date"] == date)


def test_a_capitalised_ve_ends_the_issuer_and_starts_the_subject(cantho):
    directive = find(cantho, "17-CT/TU", "2017-08-22")
    assert directive["issued_by"] == "Ban Thường vụ Thành ủy"
    assert directive["subject"] == (
        "về nâng cao hiệu quả công tác dân vận của Đảng, chính quyền góp phần ngăn chặn, đẩy lùi "
        "sự suy thoái, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ"
    )


def test_the_subject_follows_the_issuer_up_to_the_end_of_the_clause(cantho):
    guide = find(cantho, "290-QĐ/TW", "2010-02-25")
    assert (guide["issued_by"], guide["subject"]) == (
        "Bộ Chính trị",
        "về việc ban hành Quy chế công tác dân vận của hệ thống chính trị",
    )


def test_a_document_named_inside_the_subject_stays_in_it(danang):
    plan = find(danang, "45-KH/TU", "2022-01-28")
    assert plan["issued_by"] == "Thành ủy Đà Nẵng"
    assert plan["subject"].startswith("về thực hiện Kết luận số 21-KL/TW ngày 25/10/2021")


def test_no_issuer_holds_a_subject(cantho, danang):
    for reference in cantho + danang:
        issuer = (reference["issued_by"] or "").casefold()
        assert " về " not in f" {issuer} ", reference
