"""Figures of the seed reports proposed for the catalogue's indicators; expected values are
read from the documents (shared/samples/seeds)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.imports.figures import (
    THRESHOLD,
    IndicatorSpec,
    Proposal,
    propose_values,
    specs_from_catalogue,
)


def _by_text(proposals: list[Proposal], text: str, where: str = "body") -> list[Proposal]:
    return [p for p in proposals if p.source["text"] == text and p.source["in"] == where]


def _one(proposals, text, where="body") -> Proposal:
    found = _by_text(proposals, text, where)
    assert len(found) == 1, [p.to_dict() for p in found]
    return found[0]


def test_specs_come_from_the_catalogue(specs):
    by_code = {s.code: s for s in specs}
    petitions = by_code["don-tiep-nhan"]
    assert petitions.unit_of_measure == "đơn" and petitions.category == "petition-kind"
    assert [code for code, _ in petitions.options] == ["khieu-nai", "to-cao", "kien-nghi"]
    assert "tccs-dang-tong-so" in by_code["dvk-tccs-duy-tri-mo-hinh"].totals
    assert "tuyen-quan-chi-tieu" in by_code["tuyen-quan-dat"].totals
    assert by_code["chi-so-hai-long"].options == ()


def test_the_petition_total_and_its_three_options_from_footnote_4(danang, specs):
    proposals = propose_values(danang, specs)
    total = _one(proposals, "2.403 đơn")
    assert (total.indicator.code, total.options, total.value) == ("don-tiep-nhan", {}, 2403)
    assert total.confidence >= THRESHOLD
    assert "Tiếp nhận 2.403 đơn" in total.source["context"]
    paragraph = total.source["paragraph"]
    found = {}
    for text in ("123 đơn", "107 đơn", "2.173 đơn"):
        p = _one(proposals, text, "footnote")
        assert p.source["footnote"] == 4
        assert p.indicator.code == "don-tiep-nhan" and p.confidence >= THRESHOLD
        found[p.options["petition-kind"]] = p.value
    assert found == {"khieu-nai": 123, "to-cao": 107, "kien-nghi": 2173}
    # footnote 4 hangs on the paragraph the total stands in
    assert 4 in next(
        para["footnotes"]
        for node in danang["outline"]
        for child in node["children"]
        for para in child["paragraphs"]
        if "Tiếp nhận 2.403" in para["text"]
    )
    assert paragraph == "II›1/2"


def test_within_jurisdiction_43_with_31_complaints_and_12_denunciations(danang, specs):
    proposals = propose_values(danang, specs)
    assert _one(proposals, "43 đơn").indicator.code == "don-thuoc-tham-quyen"
    body = {p.source["text"]: p for p in proposals if p.source["in"] == "body"}
    assert (body["31 đơn"].indicator.code, body["31 đơn"].options) == (
        "don-thuoc-tham-quyen",
        {"petition-kind": "khieu-nai"},
    )
    assert (body["12 đơn"].indicator.code, body["12 đơn"].options) == (
        "don-thuoc-tham-quyen",
        {"petition-kind": "to-cao"},
    )
    assert _one(proposals, "187 đơn").indicator.code == "don-khong-thu-ly"


def test_complaints_settled_with_their_outcomes_from_footnote_5(danang, specs):
    proposals = [p for p in propose_values(danang, specs) if p.source.get("footnote") == 5]
    got = {
        (p.indicator.code, tuple(p.options.items()), p.value)
        for p in proposals
        if p.confidence >= THRESHOLD
    }
    assert got >= {
        ("khieu-nai-da-giai-quyet", (), 20),
        ("khieu-nai-da-giai-quyet", (("complaint-outcome", "rut-don"),), 9),
        ("khieu-nai-da-giai-quyet", (("complaint-outcome", "dung"),), 3),
        ("khieu-nai-da-giai-quyet", (("complaint-outcome", "sai"),), 6),
        ("khieu-nai-da-giai-quyet", (("complaint-outcome", "dung-mot-phan"),), 2),
        ("to-cao-da-giai-quyet", (), 9),
        ("to-cao-da-giai-quyet", (("denunciation-outcome", "rut-don"),), 3),
        ("to-cao-da-giai-quyet", (("denunciation-outcome", "sai"),), 4),
        ("to-cao-da-giai-quyet", (("denunciation-outcome", "co-dung-co-sai"),), 2),
    }
    # "16 vụ khiếu nại thuộc thẩm quyền kỳ trước chuyển sang" is carried over, not settled
    carried = _one(proposals, "16 vụ", "footnote")
    assert carried.confidence < THRESHOLD


def test_visits_and_persons_written_as_a_pair(danang, specs):
    proposals = propose_values(danang, specs)
    pairs = {
        "1.868 lượt": ("tiep-cong-dan-luot", 1868),
        "1.817 người": ("tiep-cong-dan-nguoi", 1817),
        "347 lượt": ("lanh-dao-tiep-luot", 347),
        "359 người": ("lanh-dao-tiep-nguoi", 359),
    }
    for text, (code, value) in pairs.items():
        p = _one(proposals, text)
        assert (p.indicator.code, p.value) == (code, value), text
        assert p.confidence >= THRESHOLD
        assert p.source["context"].startswith("Trong 6 tháng đầu năm 2022, các cơ quan hành chính")


def test_count_and_total(cantho, danang, specs):
    dvk = _one(propose_values(cantho, specs), "97/97 tổ chức").to_dict()
    assert dvk["indicator"]["code"] == "dvk-tccs-duy-tri-mo-hinh"
    assert (dvk["value"], dvk["total"]) == (97, 97)
    assert dvk["total_indicator"]["code"] == "tccs-dang-tong-so"
    assert dvk["confidence"] >= THRESHOLD
    assert dvk["source"]["in"] == "body" and dvk["source"]["paragraph"] == "II›2›2.2/1"
    recruits = _one(propose_values(danang, specs), "1.275/1275 thanh niên").to_dict()
    assert (recruits["indicator"]["code"], recruits["value"]) == ("tuyen-quan-dat", 1275)
    assert (recruits["total_indicator"]["code"], recruits["total"]) == ("tuyen-quan-chi-tieu", 1275)


def test_percent_money_and_unitless_figures(danang, specs):
    proposals = propose_values(danang, specs)
    satisfaction = _one(proposals, "99%")
    assert (satisfaction.indicator.code, satisfaction.value) == ("chi-so-hai-long", 99)
    assert satisfaction.confidence >= THRESHOLD
    charity = _one(proposals, "hơn 1,821 tỷ đồng", "footnote")
    assert (charity.indicator.code, charity.value) == ("tu-thien-so-tien", 1821000000)
    assert charity.source["footnote"] == 10 and charity.confidence >= THRESHOLD
    tet = _one(proposals, "hơn 26 tỷ đồng")
    assert (tet.indicator.code, tet.value) == ("ho-tro-tet-kinh-phi", 26000000000)
    # "Tổng số dịch vụ công trực tuyến mức độ 3, 4: 1.736; trong đó mức độ 4: 1.704."
    assert (_one(proposals, "1.736").indicator.code, _one(proposals, "1.704").indicator.code) == (
        "dvc-muc-3-4",
        "dvc-muc-4",
    )


def test_figures_that_report_no_indicator_stay_below_the_threshold(danang, cantho, specs):
    proposals = propose_values(danang, specs)
    # "Báo cáo 1.107 thông tin liên quan đến ANTT" is not the hotline (4.433 is)
    assert all(p.confidence < THRESHOLD for p in _by_text(proposals, "1.107 thông tin", "footnote"))
    assert _one(proposals, "4.433 thông tin", "footnote").indicator.code == "duong-day-nong"
    # "hoàn thành 100% chỉ tiêu công tác tuyển chọn" is no satisfaction index
    assert all(p.confidence < THRESHOLD for p in _by_text(proposals, "100%"))
    # parts of the Tết support detailed in footnote 8 are not the total again
    for text in ("2.230 đối tượng", "hơn 5 tỷ đồng", "hơn 20 tỷ đồng", "3.000.000 đồng"):
        assert all(p.confidence < THRESHOLD for p in _by_text(proposals, text, "footnote")), text
    for p in propose_values(cantho, specs):
        if p.source["text"] != "97/97 tổ chức":
            assert p.confidence < THRESHOLD, p.to_dict()
    # nothing for a figure no indicator is about
    only_flags = [
        IndicatorSpec("co-to-quoc", "Cờ Tổ quốc tặng ngư dân", "lá cờ", cues=("cờ tổ quốc",))
    ]
    flags = propose_values(danang, only_flags)
    assert [(p.source["text"], p.value) for p in flags if p.confidence >= THRESHOLD] == [
        ("750 lá cờ", 750)
    ]


def test_one_proposal_per_figure_and_the_dry_run_shape(danang, specs):
    proposals = [p.to_dict() for p in propose_values(danang, specs)]
    spans = [
        (
            p["source"]["in"],
            p["source"].get("paragraph", p["source"].get("footnote")),
            tuple(p["source"]["span"]),
        )
        for p in proposals
    ]
    assert len(spans) == len(set(spans))
    for p in proposals:
        assert set(p) >= {"indicator", "options", "value", "total", "confidence", "source"}
        assert set(p["indicator"]) == {"code", "name", "unit"}
        assert 0.0 <= p["confidence"] <= 1.0
        assert p["source"]["in"] in ("body", "footnote") and p["source"]["text"]
    json.dumps(proposals, ensure_ascii=False)


def test_deterministic(danang, specs):
    first = json.dumps([p.to_dict() for p in propose_values(danang, specs)], ensure_ascii=False)
    again = json.dumps(
        [
            p.to_dict()
            for p in propose_values(json.loads(json.dumps(danang)), list(specs_from_catalogue()))
        ],
        ensure_ascii=False,
    )
    assert first == again


_text = st.text(
    alphabet=st.sampled_from(list("0123456789 .,;:/()%đơnlượtngườikhiếu nạitố cáo")), max_size=80
)
_number = st.one_of(st.integers(-(10**6), 10**12), st.floats(allow_nan=False, allow_infinity=False))
_figure = st.fixed_dictionaries(
    {
        "text": _text,
        "value": _number,
        "unit": st.one_of(
            st.none(), st.sampled_from(["đơn", "lượt", "%", "đồng", "vụ", "tổ chức", "x"])
        ),
        "total": st.one_of(st.none(), _number),
        "approx": st.none(),
        "context": _text,
        "in": st.sampled_from(["body", "footnote", "elsewhere"]),
    }
)
_paragraph = st.fixed_dictionaries(
    {"text": _text, "footnotes": st.lists(st.integers(0, 5), max_size=3)}
)
_node = st.recursive(
    st.fixed_dictionaries(
        {
            "label": st.one_of(st.none(), st.text(max_size=4)),
            "title": _text,
            "level": st.integers(1, 4),
            "paragraphs": st.lists(_paragraph, max_size=3),
            "children": st.just([]),
        }
    ),
    lambda children: st.fixed_dictionaries(
        {
            "label": st.text(max_size=4),
            "title": _text,
            "level": st.integers(1, 4),
            "paragraphs": st.lists(_paragraph, max_size=3),
            "children": st.lists(children, max_size=3),
        }
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    outline=st.lists(_node, max_size=4),
    figures=st.lists(_figure, max_size=8),
    footnotes=st.lists(st.fixed_dictionaries({"id": st.integers(0, 5), "text": _text}), max_size=4),
)
def test_random_documents_do_not_crash(outline, figures, footnotes, specs):
    from danvan.demo.cycles import CAN_THO_SECTIONS
    from danvan.imports.sections import match_sections

    parsed = {"outline": outline, "figures": figures, "footnotes": footnotes, "preamble": []}
    proposals = propose_values(parsed, specs)
    located = [
        (
            p.source["in"],
            p.source.get("paragraph", p.source.get("footnote")),
            tuple(p.source["span"]),
        )
        for p in proposals
        if "span" in p.source
    ]
    assert len(located) == len(set(located))  # one proposal per figure
    assert len(proposals) - len(located) <= len(figures)
    for p in proposals:
        assert 0.0 <= p.confidence <= 1.0
        p.to_dict()
    match_sections(outline, CAN_THO_SECTIONS)
    assert propose_values({}, specs) == [] and propose_values(parsed, []) == []


PARAPHRASE = """BÁO CÁO
kết quả công tác dân vận quý I năm 2026

I. KẾT QUẢ THỰC HIỆN

Trong quý, các cơ quan đã tiếp 420 lượt/398 người; lãnh đạo tiếp công dân định kỳ 35 lượt/33 người. \
Toàn tỉnh tiếp nhận 1.250 đơn (trong đó 200 đơn khiếu nại, 50 đơn tố cáo, 1.000 đơn kiến nghị, phản ánh). \
Đã thụ lý giải quyết 30 đơn thuộc thẩm quyền. Chỉ số hài lòng đạt 92,5%. Tổ chức 12 buổi tuyên truyền với \
3.400 lượt người tham gia. Có 45/52 tổ chức cơ sở đảng duy trì xây dựng mô hình "Dân vận khéo". Hỗ trợ Tết \
cho 2.300 đối tượng với tổng kinh phí 1,5 tỷ đồng. Tặng 30 suất quà trị giá 15 triệu đồng.

II. NHIỆM VỤ QUÝ II

Tiếp tục thực hiện.
"""


def test_other_wording_than_the_seeds(specs):
    from danvan.ingest import parse_bytes

    parsed = parse_bytes(PARAPHRASE.encode(), "quy-i.txt").to_dict()
    got = {
        (p.source["text"], p.indicator.code, tuple(p.options.values()), p.value)
        for p in propose_values(parsed, specs)
        if p.confidence >= THRESHOLD
    }
    assert got == {
        ("420 lượt", "tiep-cong-dan-luot", (), 420),
        ("398 người", "tiep-cong-dan-nguoi", (), 398),
        ("35 lượt", "lanh-dao-tiep-luot", (), 35),
        ("33 người", "lanh-dao-tiep-nguoi", (), 33),
        ("1.250 đơn", "don-tiep-nhan", (), 1250),
        ("200 đơn", "don-tiep-nhan", ("khieu-nai",), 200),
        ("50 đơn", "don-tiep-nhan", ("to-cao",), 50),
        ("1.000 đơn", "don-tiep-nhan", ("kien-nghi",), 1000),
        ("30 đơn", "don-thuoc-tham-quyen", (), 30),
        ("92,5%", "chi-so-hai-long", (), 92.5),
        ("12 buổi", "tuyen-truyen-buoi", (), 12),
        ("3.400 lượt người", "tuyen-truyen-luot-nguoi", (), 3400),
        ("45/52 tổ chức", "dvk-tccs-duy-tri-mo-hinh", (), 45),
        ("2.300 đối tượng", "ho-tro-tet-doi-tuong", (), 2300),
        ("1,5 tỷ đồng", "ho-tro-tet-kinh-phi", (), 1500000000),
    }  # the 30 gift packages worth 15 million are no indicator of the catalogue


_piece = st.sampled_from(
    [
        "Tiếp nhận",
        "đã thụ lý",
        "trong đó",
        "(",
        ")",
        ",",
        ";",
        ".",
        "/",
        "và",
        "với",
        "đơn khiếu nại",
        "đơn tố cáo",
        "kiến nghị, phản ánh",
        "vụ",
        "rút đơn",
        "khiếu nại đúng",
        "tổ chức cơ sở đảng",
        "lượt",
        "người",
        "tỷ đồng",
        "%",
        "Số vụ đã giải quyết:",
        "giao quân",
        "đã tiếp",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.one_of(_piece, st.integers(0, 3000).map(str)), min_size=1, max_size=30),
    note=st.lists(st.one_of(_piece, st.integers(0, 3000).map(str)), max_size=12),
)
def test_random_sentences_with_their_figures_do_not_crash(pieces, note, specs):
    import re

    body, foot = " ".join(pieces), " ".join(note)

    def figures_of(text, where):
        return [
            {
                "text": m.group(0),
                "value": int(m.group(1)),
                "unit": m.group(2),
                "total": None,
                "approx": None,
                "context": text,
                "in": where,
            }
            for m in re.finditer(r"(\d+) ?(đơn|vụ|lượt|người|%)?", text)
        ]

    parsed = {
        "outline": [
            {
                "label": "I",
                "title": "Kết quả",
                "level": 1,
                "paragraphs": [{"text": body, "footnotes": [1]}],
                "children": [],
            }
        ],
        "footnotes": [{"id": 1, "text": foot}],
        "figures": figures_of(body, "body") + figures_of(foot, "footnote"),
    }
    first = [p.to_dict() for p in propose_values(parsed, specs)]
    assert first == [p.to_dict() for p in propose_values(parsed, specs)]
    located = [(p["source"]["in"], tuple(p["source"].get("span", ()))) for p in first]
    assert len(located) == len(set(located))
    assert all(0.0 <= p["confidence"] <= 1.0 for p in first)


def test_specs_with_lists_are_accepted(danang, specs):
    as_lists = [
        IndicatorSpec(
            s.code,
            s.name,
            s.unit_of_measure,
            s.category,
            list(s.options),
            list(s.cues),
            list(s.totals),
        )
        for s in specs
    ]
    assert [p.to_dict() for p in propose_values(danang, as_lists)] == [
        p.to_dict() for p in propose_values(danang, specs)
    ]
