"""The catalogue figures this register computes for a unit subtree and a data window.

Precedence per unit × window × form: a form the unit uploaded for the window wins over its
own book and records; the two are never mixed for one unit (issue 16). Forms are matched
when their window lies within the requested one extended by FORM_SLACK days on each side
(a state window 15/12–14/6 answers a Party half-year 1/1–30/6); overlapping forms of one
unit are not added twice (the longest is kept)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from danvan.orgs.models import OrgUnit
from danvan.registers import ComputedFigure

from . import compute, formspec
from .models import FormReport, Petition, ReceptionSession

FORM_SLACK = dt.timedelta(days=31)

# indicator key → (form, [columns summed])
FROM_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "tcd_luot": ("01/TCD", ("tong_luot",)),
    "tcd_nguoi": ("01/TCD", ("tong_nguoi",)),
    "tcd_vu_viec": ("01/TCD", ("tong_vv",)),
    "tcd_doan_dong_nguoi": ("01/TCD", ("tx_doan", "tt_doan", "uq_doan")),
    "tcd_lanh_dao_luot": ("01/TCD", ("tt_luot", "uq_luot")),
    "tcd_lanh_dao_nguoi": ("01/TCD", ("tt_nguoi", "uq_nguoi")),
    "tcd_don_tiep_nhan": ("01/XLD", ("tong",)),
    "tcd_don_tiep_nhan:khieu_nai": ("01/XLD", ("kn",)),
    "tcd_don_tiep_nhan:to_cao": ("01/XLD", ("tc",)),
    "tcd_don_tiep_nhan:kien_nghi": ("01/XLD", ("knpa",)),
    "tcd_don_thuoc_tham_quyen:khieu_nai": ("01/KQGQ", ("phai_gq",)),
    "tcd_don_thuoc_tham_quyen:to_cao": ("03/KQGQ", ("phai_gq",)),
    "tcd_kn_da_giai_quyet": ("01/KQGQ", ("da_gq",)),
    "tcd_kn_da_giai_quyet:dung": ("01/KQGQ", ("dung",)),
    "tcd_kn_da_giai_quyet:sai": ("01/KQGQ", ("sai",)),
    "tcd_kn_da_giai_quyet:dung_mot_phan": ("01/KQGQ", ("dung_mot_phan",)),
    "tcd_kn_da_giai_quyet:rut_don": ("01/KQGQ", ("rut_don",)),
    "tcd_tc_da_giai_quyet": ("03/KQGQ", ("da_gq",)),
    "tcd_tc_da_giai_quyet:dung": ("03/KQGQ", ("dung",)),
    "tcd_tc_da_giai_quyet:sai": ("03/KQGQ", ("sai",)),
    "tcd_tc_da_giai_quyet:co_dung_co_sai": ("03/KQGQ", ("co_dung_co_sai",)),
    "tcd_tc_da_giai_quyet:rut_don": ("03/KQGQ", ("rut_don",)),
}
SUMS = {"tcd_don_thuoc_tham_quyen": ("01/KQGQ", "03/KQGQ")}  # total = complaints + denunciations
ON_TIME = (("01/KQGQ", "dung_han"), ("03/KQGQ", "dung_han"))
BOOK_ONLY = ("tcd_ky_tiep_bi_thu", "tcd_vu_viec_phuc_tap")

OWN_KEYS = [*FROM_FORMS, "tcd_don_thuoc_tham_quyen", "tcd_giai_quyet_dung_han", *BOOK_ONLY]

# The seed catalogue's indicators that the report templates already use (the two sample
# reports' figures), computed as the same values as this register's own: seed key → own key.
_SEED_OPTIONS = {"khieu-nai": "khieu_nai", "to-cao": "to_cao", "kien-nghi": "kien_nghi"}
SEED_KEYS: dict[str, str] = {
    "tiep-cong-dan-luot": "tcd_luot",
    "tiep-cong-dan-nguoi": "tcd_nguoi",
    "lanh-dao-tiep-luot": "tcd_lanh_dao_luot",
    "lanh-dao-tiep-nguoi": "tcd_lanh_dao_nguoi",
    "don-tiep-nhan": "tcd_don_tiep_nhan",
    **{f"don-tiep-nhan:{s}": f"tcd_don_tiep_nhan:{o}" for s, o in _SEED_OPTIONS.items()},
    "don-thuoc-tham-quyen": "tcd_don_thuoc_tham_quyen",
    "don-thuoc-tham-quyen:khieu-nai": "tcd_don_thuoc_tham_quyen:khieu_nai",
    "don-thuoc-tham-quyen:to-cao": "tcd_don_thuoc_tham_quyen:to_cao",
    **{
        f"khieu-nai-da-giai-quyet{s}": f"tcd_kn_da_giai_quyet{o}"
        for s, o in (
            ("", ""),
            (":dung", ":dung"),
            (":sai", ":sai"),
            (":dung-mot-phan", ":dung_mot_phan"),
            (":rut-don", ":rut_don"),
        )
    },
    **{
        f"to-cao-da-giai-quyet{s}": f"tcd_tc_da_giai_quyet{o}"
        for s, o in (
            ("", ""),
            (":dung", ":dung"),
            (":sai", ":sai"),
            (":co-dung-co-sai", ":co_dung_co_sai"),
            (":rut-don", ":rut_don"),
        )
    },
}
KEYS = [*OWN_KEYS, *SEED_KEYS]


def indicator_pairs() -> list[tuple[str, str | None]]:
    return [tuple(k.split(":")) if ":" in k else (k, None) for k in KEYS]


def _forms_for(unit_ids, date_from: dt.date, date_to: dt.date):
    """{form code: {unit id: [FormReport]}} of the forms matched to the window."""
    found: dict[str, dict[int, list[FormReport]]] = {}
    reports = FormReport.objects.filter(
        unit_id__in=unit_ids,
        date_from__gte=date_from - FORM_SLACK,
        date_to__lte=date_to + FORM_SLACK,
    ).order_by("date_from")
    for report in sorted(reports, key=lambda r: r.date_from - r.date_to):  # longest first
        kept = found.setdefault(report.form, {}).setdefault(report.unit_id, [])
        if all(report.date_to < k.date_from or report.date_from > k.date_to for k in kept):
            kept.append(report)
    return found


def form_totals(unit, date_from: dt.date, date_to: dt.date):
    """Each form's values for the subtree, and what they came from (for provenance)."""
    unit_ids = list(OrgUnit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))
    forms = _forms_for(unit_ids, date_from, date_to)
    totals, sources = {}, {}
    for code, spec in formspec.FORMS.items():
        by_unit = forms.get(code, {})
        computer = compute.COMPUTERS.get(code)  # None: a form units only upload
        book_units = [u for u in unit_ids if u not in by_unit] if computer else []
        values = computer(book_units, date_from, date_to) if computer else formspec.empty(spec)
        for reports in by_unit.values():
            for report in reports:
                for key, number in formspec.numbers(spec, report.values).items():
                    values[key] += number
        totals[code] = values
        sources[code] = (len(by_unit), len(book_units))
    return totals, sources


def _provenance(code: str, sources, date_from: dt.date, date_to: dt.date) -> str:
    uploaded, book = sources[code]
    window = f"{date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}"
    parts = []
    if uploaded:
        parts.append(f"biểu {code} đã nhập của {uploaded} đơn vị")
    if book:
        parts.append(f"sổ tiếp công dân và hồ sơ đơn của {book} đơn vị")
    return f"Tính từ {' và '.join(parts)}, số liệu từ {window} (biểu {code}, TT 02/2021/TT-TTCP)."


def compute_figures(unit, date_from: dt.date, date_to: dt.date, wanted=None):
    """This register's figures, the seed catalogue's keys given the values of their own."""
    wanted = set(KEYS) if wanted is None else set(wanted) & set(KEYS)
    seeds = {key: SEED_KEYS[key] for key in wanted if key in SEED_KEYS}
    own = _own_figures(unit, date_from, date_to, (wanted - set(seeds)) | set(seeds.values()))
    by_key = {figure.key: figure for figure in own}
    aliases = [
        replace(
            by_key[source], indicator=seed.partition(":")[0], option=seed.partition(":")[2] or None
        )
        for seed, source in seeds.items()
        if source in by_key
    ]
    return [f for f in own if f.key in wanted] + aliases


def _own_figures(unit, date_from: dt.date, date_to: dt.date, wanted: set[str]):
    if not wanted:
        return []
    totals, sources = form_totals(unit, date_from, date_to)
    url = (
        f"/tiep-dan-don-thu/bieu/?don-vi={unit.code}&tu={date_from:%d/%m/%Y}&den={date_to:%d/%m/%Y}"
    )
    figures = []

    def add(key: str, value: int, provenance: str):
        if key in wanted:
            code, _, option = key.partition(":")
            figures.append(ComputedFigure(code, option or None, Decimal(value), provenance, url))

    for key, (form, columns) in FROM_FORMS.items():
        value = sum(totals[form][c] for c in columns)
        add(key, value, _provenance(form, sources, date_from, date_to))
    for key, forms in SUMS.items():
        value = sum(totals[f]["phai_gq"] for f in forms)
        add(key, value, _provenance(forms[0], sources, date_from, date_to))
    on_time = sum(totals[f][c] for f, c in ON_TIME)
    add("tcd_giai_quyet_dung_han", on_time, _provenance("01/KQGQ", sources, date_from, date_to))
    window = f"{date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}"
    if "tcd_ky_tiep_bi_thu" in wanted:
        count = ReceptionSession.objects.filter(
            unit__path__startswith=unit.path, date__range=(date_from, date_to), party_rule=True
        ).count()
        add(
            "tcd_ky_tiep_bi_thu",
            count,
            f"Đếm {count} kỳ tiếp dân của bí thư cấp ủy ghi trong sổ tiếp công dân, {window}.",
        )
    if "tcd_vu_viec_phuc_tap" in wanted:
        open_cases = [
            p
            for p in Petition.objects.filter(
                unit__path__startswith=unit.path, received_on__lte=date_to
            ).exclude(closed_on__lte=date_to)
            if p.complex or p.mass
        ]
        add(
            "tcd_vu_viec_phuc_tap",
            len(open_cases),
            f"Đếm {len(open_cases)} vụ việc đông người hoặc phức tạp chưa giải quyết xong "
            f"đến {date_to:%d/%m/%Y} trong hồ sơ đơn.",
        )
    return figures
