"""Figure matching is linear in the document's length: doubling a document doubles the work.

The work is counted, not timed: every line the matcher executes and every built-in it calls
(a text search, a bisection) while proposing the figures of a document made of a real
report's sentences repeated k times, then 2k times. A quadratic step (each figure looking
through all the others, an unclosed bracket scanned to the end for every figure) shows as a
ratio near 4. The searches inside built-ins are bounded by construction (a figure is looked
for within LOOKAROUND characters; occurrences are found by bisection)."""

import sys

import pytest

from danvan.imports import figure_scores, figure_text, figures
from danvan.imports.figures import propose_values
from danvan.ingest import parse_bytes

from .conftest import SEEDS

HEAD = "BAN DÂN VẬN\nI. KẾT QUẢ\n"
# Sentences of the Cần Thơ bloc committee's report (a breakdown in brackets, figures
# with units, a count out of a total).
SENTENCE = (
    "tiếp nhận 43 đơn (31 đơn khiếu nại, 12 đơn tố cáo), đã giải quyết 40 đơn; "
    "có 97/97 tổ chức cơ sở đảng duy trì xây dựng mô hình “Dân vận khéo”"
)


def one_paragraph(k: int) -> str:
    return HEAD + ", ".join([SENTENCE] * k) + ".\n"


def unclosed_brackets(k: int) -> str:
    return HEAD + "Tiếp nhận 43 đơn (31 đơn khiếu nại, 12 đơn tố cáo " * k + "\n"


def the_seed_report(k: int) -> str:
    return (SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").read_text() * k


def work(parsed: dict, specs) -> int:
    """Lines executed in the matcher's modules plus built-ins called from them."""
    count = 0
    here = {module.__file__ for module in (figures, figure_scores, figure_text)}

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    def trace(frame, event, arg):
        return local if frame.f_code.co_filename in here else None

    def profile(frame, event, arg):
        nonlocal count
        if event == "c_call" and frame.f_code.co_filename in here:
            count += 1

    # Put back whatever traced before (coverage's tracer under `make test`): leaving None
    # would stop coverage for every later test of this worker.
    before = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        proposals = propose_values(parsed, specs)
    finally:
        sys.settrace(before[0])
        sys.setprofile(before[1])
    assert proposals, "the document has figures to propose"
    return count


@pytest.mark.parametrize(
    "document, k",
    [(one_paragraph, 12), (unclosed_brackets, 25), (the_seed_report, 2)],
    ids=["one-paragraph", "unclosed-brackets", "seed-report"],
)
def test_twice_the_document_is_twice_the_work(document, k, specs):
    small, large = (parse_bytes(document(n).encode(), "bao-cao.txt").to_dict() for n in (k, 2 * k))
    assert len(large["figures"]) == 2 * len(small["figures"])
    ratio = work(large, specs) / work(small, specs)
    assert 1.8 <= ratio <= 2.25, ratio
