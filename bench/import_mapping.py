"""Accuracy of the figure proposals against a clerk's mapping, and time from bytes to proposals.

    .venv/bin/python bench/import_mapping.py [--threshold 0.5] [--repeat 5] [--verbose]

The mapping below was written by hand from reading the two seed reports: for each figure a
careful clerk would enter, the indicator (and option) of the seed catalogue it reports. A
figure is named by the phrase it starts in its sentence ("03 vụ rút đơn tố cáo"), where it
stands (body, or the footnote number) and the value. "97/97" and "1.275/1275" give two
entries, the count and the total. Figures listed in AMBIGUOUS are left out of both counts
(a clerk could file them either way: the newspaper items of footnote 11, the soldiers and
participants of footnotes 13–14). Every other figure is a negative: proposing it at or
above the threshold is a false positive.

Precision: correct proposals (indicator, options and value right) / proposals at or above
the threshold, ambiguous figures left out. Recall: mapping entries proposed right at or
above the threshold / mapping entries. Timing: best of N runs of parse_bytes → to_dict →
match_sections → propose_values, per file. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from danvan.imports.figures import THRESHOLD, propose_values, specs_from_catalogue
from danvan.imports.sections import match_sections
from danvan.ingest import parse_bytes

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
DANANG = SAMPLES / "seeds" / "danang-bdvtu-phoi-hop-6t-2022.txt"
CANTHO = SAMPLES / "seeds" / "cantho-dukhoi-dan-van-6t-2019.txt"
PDF = SAMPLES / "corpus" / "ubnd-lam-dong-bc-329-cchc-2025.pdf"

B = None  # body
# (where, phrase in the sentence, indicator, options, value)
MAPPING = {
    DANANG.name: [
        (B, "1.736", "dvc-muc-3-4", {}, 1736),
        (B, "1.704", "dvc-muc-4", {}, 1704),
        (B, "99%", "chi-so-hai-long", {}, 99),
        (B, "1.868 lượt/", "tiep-cong-dan-luot", {}, 1868),
        (B, "1.817 người, trong đó", "tiep-cong-dan-nguoi", {}, 1817),
        (B, "347 lượt/", "lanh-dao-tiep-luot", {}, 347),
        (B, "359 người", "lanh-dao-tiep-nguoi", {}, 359),
        (B, "2.403 đơn", "don-tiep-nhan", {}, 2403),
        (B, "43 đơn", "don-thuoc-tham-quyen", {}, 43),
        (B, "31 đơn khiếu nại, 12", "don-thuoc-tham-quyen", {"petition-kind": "khieu-nai"}, 31),
        (B, "12 đơn tố cáo)", "don-thuoc-tham-quyen", {"petition-kind": "to-cao"}, 12),
        (B, "187 đơn khiếu nại, tố cáo còn lại", "don-khong-thu-ly", {}, 187),
        (B, "51.919 đối tượng", "ho-tro-tet-doi-tuong", {}, 51919),
        (B, "hơn 26 tỷ đồng", "ho-tro-tet-kinh-phi", {}, 26_000_000_000),
        (B, "1.275/1275 thanh niên", "tuyen-quan-dat", {}, 1275),
        (B, "1.275/1275 thanh niên", "tuyen-quan-chi-tieu", {}, 1275),
        (B, "26 lượt đối thoại", "doi-thoai-dan-chu", {}, 26),
        (B, "141 tổ tàu thuyền", "to-tau-thuyen", {}, 141),
        (B, "67 thư tố giác", "thu-to-giac", {}, 67),
        (4, "123 đơn khiếu nại", "don-tiep-nhan", {"petition-kind": "khieu-nai"}, 123),
        (4, "107 đơn tố cáo", "don-tiep-nhan", {"petition-kind": "to-cao"}, 107),
        (4, "2.173 đơn kiến nghị", "don-tiep-nhan", {"petition-kind": "kien-nghi"}, 2173),
        (5, "31 đơn (trong đó", "don-thuoc-tham-quyen", {"petition-kind": "khieu-nai"}, 31),
        (5, "20 vụ", "khieu-nai-da-giai-quyet", {}, 20),
        (
            5,
            "09 vụ công dân rút đơn",
            "khieu-nai-da-giai-quyet",
            {"complaint-outcome": "rut-don"},
            9,
        ),
        (
            5,
            "03 vụ việc khiếu nại đúng",
            "khieu-nai-da-giai-quyet",
            {"complaint-outcome": "dung"},
            3,
        ),
        (5, "06 khiếu nại sai", "khieu-nai-da-giai-quyet", {"complaint-outcome": "sai"}, 6),
        (
            5,
            "02 khiếu nại đúng một phần",
            "khieu-nai-da-giai-quyet",
            {"complaint-outcome": "dung-mot-phan"},
            2,
        ),
        (5, "12 đơn (trong đó", "don-thuoc-tham-quyen", {"petition-kind": "to-cao"}, 12),
        (5, "09 vụ (03", "to-cao-da-giai-quyet", {}, 9),
        (5, "03 vụ rút đơn tố cáo", "to-cao-da-giai-quyet", {"denunciation-outcome": "rut-don"}, 3),
        (5, "04 vụ tố cáo sai", "to-cao-da-giai-quyet", {"denunciation-outcome": "sai"}, 4),
        (
            5,
            "02 vụ tố cáo có đúng có sai",
            "to-cao-da-giai-quyet",
            {"denunciation-outcome": "co-dung-co-sai"},
            2,
        ),
        (10, "hơn 1,821 tỷ đồng", "tu-thien-so-tien", {}, 1_821_000_000),
        (10, "6.205 kg", "hu-gao-tiet-kiem", {}, 6205),
        (11, "161 tin bài", "tin-bai", {}, 161),
        (12, "115 buổi", "tuyen-truyen-buoi", {}, 115),
        (12, "12.745 lượt người", "tuyen-truyen-luot-nguoi", {}, 12745),
        (14, "8.692 tin, bài", "tin-bai", {}, 8692),
        (15, "4.433 thông tin đường dây nóng", "duong-day-nong", {}, 4433),
    ],
    CANTHO.name: [
        (B, "97/97 tổ chức cơ sở đảng", "dvk-tccs-duy-tri-mo-hinh", {}, 97),
        (B, "97/97 tổ chức cơ sở đảng", "tccs-dang-tong-so", {}, 97),
    ],
}
# (where, phrase): figures a clerk could file either way; not counted.
AMBIGUOUS = {
    DANANG.name: [
        (11, "21 bài"),
        (11, "37 tin"),
        (11, "18 tin"),
        (11, "20 bài"),
        (11, "08 tin, bài"),
        (13, "1024 tổ"),
        (13, "3.890 lượt"),
        (14, "172 lượt"),
        (14, "18.531 người"),
    ],
    CANTHO.name: [],
}

TEMPLATE = [  # a small template, for the section step of the timing
    {"key": "ket-qua", "label": "I", "title": "Kết quả", "children": []},
    {"key": "danh-gia", "label": "II", "title": "Đánh giá chung", "children": []},
    {"key": "nhiem-vu", "label": "III", "title": "Nhiệm vụ 6 tháng cuối năm", "children": []},
]


def _where(source: dict):
    return source.get("footnote") if source.get("in") == "footnote" else B


def _names(source: dict, where, phrase: str) -> bool:
    if _where(source) != where:
        return False
    context = " ".join((source.get("context") or "").split())
    return context.find(phrase) >= 0 and phrase.startswith(source.get("text", "\0"))


def _predictions(proposals: list[dict], threshold: float):
    out = []
    for p in proposals:
        if p["confidence"] < threshold:
            continue
        out.append((p["source"], p["indicator"]["code"], p["options"], p["value"]))
        if p.get("total_indicator") and p.get("total") is not None:
            out.append((p["source"], p["total_indicator"]["code"], {}, p["total"]))
    return out


def evaluate(name: str, proposals: list[dict], threshold: float, verbose: bool = False):
    mapping, ambiguous = MAPPING[name], AMBIGUOUS[name]
    predictions = _predictions(proposals, threshold)
    counted, correct = 0, 0
    found = [False] * len(mapping)
    for source, code, options, value in predictions:
        if any(_names(source, w, ph) for w, ph in ambiguous):
            continue
        counted += 1
        hit = False
        for k, (w, ph, gcode, gopts, gvalue) in enumerate(mapping):
            if _names(source, w, ph) and (code, options, value) == (gcode, gopts, gvalue):
                hit = True
                found[k] = True
        correct += hit
        if verbose and not hit:
            print(
                f"    false positive: {source['text']!r} ({source['in']}) → {code} {options} {value}"
            )
    if verbose:
        for k, ok in enumerate(found):
            if not ok:
                print(f"    missed: {mapping[k]}")
    return correct, counted, sum(found), len(mapping)


def _timed(path: Path, specs, repeat: int):
    data = path.read_bytes()
    best, proposals, sections = float("inf"), [], []
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = parse_bytes(data, path.name).to_dict()
        sections = match_sections(parsed["outline"], TEMPLATE)
        proposals = [p.to_dict() for p in propose_values(parsed, specs)]
        best = min(best, time.perf_counter() - start)
    return best, proposals, sections


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    specs = specs_from_catalogue()
    print(f"threshold: confidence >= {args.threshold}")
    totals = [0, 0, 0, 0]
    for path in (DANANG, CANTHO):
        seconds, proposals, _sections = _timed(path, specs, args.repeat)
        correct, counted, found, expected = evaluate(
            path.name, proposals, args.threshold, args.verbose
        )
        totals = [a + b for a, b in zip(totals, (correct, counted, found, expected), strict=True)]
        precision = correct / counted if counted else 1.0
        recall = found / expected if expected else 1.0
        print(
            f"{path.name}: precision {precision:.1%} ({correct}/{counted}), "
            f"recall {recall:.1%} ({found}/{expected}), {len(proposals)} proposals in all, "
            f"bytes→proposals {seconds * 1000:.0f} ms"
        )
    correct, counted, found, expected = totals
    print(
        f"seeds together: precision {correct / max(counted, 1):.1%} ({correct}/{counted}), "
        f"recall {found / max(expected, 1):.1%} ({found}/{expected})"
    )
    print("by threshold (both seeds):", end="")
    runs = {path.name: _timed(path, specs, 1)[1] for path in (DANANG, CANTHO)}
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        c = n = f = e = 0
        for name, proposals in runs.items():
            c1, n1, f1, e1 = evaluate(name, proposals, threshold)
            c, n, f, e = c + c1, n + n1, f + f1, e + e1
        print(f"  {threshold:.1f}: P {c / max(n, 1):.0%} R {f / max(e, 1):.0%}", end="")
    print()
    if PDF.exists():
        seconds, proposals, sections = _timed(PDF, specs, args.repeat)
        above = sum(p["confidence"] >= args.threshold for p in proposals)
        print(
            f"{PDF.name}: bytes→proposals {seconds * 1000:.0f} ms (best of {args.repeat}), "
            f"{len(proposals)} proposals, {above} at or above the threshold, {len(sections)} sections"
        )
    else:
        print(f"{PDF.name}: not found beside the project")


if __name__ == "__main__":
    main()
