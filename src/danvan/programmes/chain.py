"""The rules of the instrument chain, as functions returning Vietnamese messages (empty when
the rule holds). Services refuse a change that breaks one; the instrument page lists the
warnings (things a person should look at that do not block).

- the joint số ký hiệu is read by the project's symbol rules (danvan.vn.symbols);
- a plan lies inside its parent's validity, and a plan is never a parent;
- states move along TRANSITIONS only; signing needs a number, a date and valid parties;
- a replaced instrument names its successor, signed no earlier than itself.
"""

from __future__ import annotations

import datetime as dt

from danvan.vn.symbols import Symbol, parse_symbol

from .models import PLAN_KINDS, Instrument, InstrumentKind, InstrumentState

S = InstrumentState

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DU_THAO: frozenset({S.TRINH_XIN_CHU_TRUONG, S.DA_KY}),
    S.TRINH_XIN_CHU_TRUONG: frozenset({S.DU_THAO, S.DA_KY}),
    S.DA_KY: frozenset({S.HIEU_LUC, S.HET_HIEU_LUC, S.THAY_THE, S.CHAM_DUT_SAP_XEP}),
    S.HIEU_LUC: frozenset({S.HET_HIEU_LUC, S.THAY_THE, S.CHAM_DUT_SAP_XEP}),
    S.HET_HIEU_LUC: frozenset(),
    S.THAY_THE: frozenset(),
    S.CHAM_DUT_SAP_XEP: frozenset(),
}

# The type codes a kind's symbol is expected to carry (a warning, not a refusal: a programme
# may be issued under a joint resolution's code).
EXPECTED_TYPES = {
    InstrumentKind.QUY_CHE: {"QC", "QCPH", "QĐ", "QCLT"},
    InstrumentKind.CHUONG_TRINH: {"CTR"},
    InstrumentKind.KE_HOACH_NAM: {"KH"},
    InstrumentKind.KE_HOACH_6_THANG: {"KH"},
    InstrumentKind.KE_HOACH_CHUYEN_DE: {"KH"},
}


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "không thời hạn"


def read_symbol(text: str) -> tuple[Symbol | None, list[str]]:
    """The parsed joint symbol, or the message saying why it cannot be read."""
    text = (text or "").strip()
    if not text:
        return None, []
    symbol = parse_symbol(text)
    if symbol is None or symbol.number is None:
        return None, [
            f"Số ký hiệu “{text[:120]}” không đúng dạng: cần số và ký hiệu như "
            "02-CTr/BDVTU-BCHQST-CAT-BCHBPT (văn bản Đảng) hoặc 01/QCPH/UBND-UBMTTQ."
        ]
    return symbol, []


def issuer_codes(symbol_text: str) -> list[str]:
    """The codes of the bodies that signed jointly ("BDVTU-BCHQST-CAT" → three codes)."""
    symbol = parse_symbol(symbol_text or "")
    if symbol is None or not symbol.issuer_code:
        return []
    return [code for code in symbol.issuer_code.replace("/", "-").split("-") if code]


def dates_problems(
    *, signed_on: dt.date | None, valid_from: dt.date | None, valid_to: dt.date | None
) -> list[str]:
    problems = []
    if valid_from and valid_to and valid_to < valid_from:
        problems.append(
            f"Ngày hết hiệu lực ({_d(valid_to)}) không được trước ngày bắt đầu hiệu lực "
            f"({_d(valid_from)})."
        )
    if signed_on and valid_to and valid_to < signed_on:
        problems.append(
            f"Ngày hết hiệu lực ({_d(valid_to)}) không được trước ngày ký ({_d(signed_on)})."
        )
    return problems


def span_problems(kind: str, valid_from: dt.date | None, valid_to: dt.date | None) -> list[str]:
    """A yearly plan stays within one year, a half-year plan within one half of it, so that
    its commitments line up with the reporting cycle's periods."""
    if not (valid_from and valid_to):
        return []
    if kind == InstrumentKind.KE_HOACH_NAM and valid_from.year != valid_to.year:
        return ["Kế hoạch năm phải có hiệu lực trong cùng một năm."]
    if kind == InstrumentKind.KE_HOACH_6_THANG and (
        valid_from.year != valid_to.year or (valid_from.month <= 6) != (valid_to.month <= 6)
    ):
        return ["Kế hoạch 6 tháng phải có hiệu lực trong cùng một nửa năm (tháng 1–6 hoặc 7–12)."]
    return []


def parent_problems(
    *,
    kind: str,
    valid_from: dt.date | None,
    valid_to: dt.date | None,
    parent: Instrument | None,
    instrument: Instrument | None = None,
) -> list[str]:
    """A plan lies inside its programme's validity; a plan is never a parent; no cycles."""
    if parent is None:
        return []
    problems = []
    if parent.kind in PLAN_KINDS:
        problems.append("Văn bản cấp trên phải là quy chế hoặc chương trình, không phải kế hoạch.")
    if kind == InstrumentKind.QUY_CHE and parent.kind != InstrumentKind.QUY_CHE:
        problems.append("Quy chế phối hợp chỉ có thể thuộc một quy chế khác.")
    if instrument is not None and instrument.pk:
        seen, step = set(), parent
        while step is not None and step.pk not in seen:
            if step.pk == instrument.pk:
                problems.append("Văn bản không thể là cấp trên của chính nó (vòng lặp).")
                break
            seen.add(step.pk)
            step = step.parent
    if parent.state in (S.THAY_THE, S.CHAM_DUT_SAP_XEP, S.HET_HIEU_LUC) and (
        instrument is None or instrument.state in (S.DU_THAO, S.TRINH_XIN_CHU_TRUONG)
    ):
        problems.append(
            f"Văn bản cấp trên {parent} đã {parent.get_state_display().lower()}; hãy chọn văn "
            "bản đang có hiệu lực (hoặc văn bản thay thế nó)."
        )
    inside = (
        parent.valid_from is None or (valid_from is not None and valid_from >= parent.valid_from)
    ) and (parent.valid_to is None or (valid_to is not None and valid_to <= parent.valid_to))
    if not inside:
        problems.append(
            f"Thời gian hiệu lực ({_d(valid_from)} – {_d(valid_to)}) phải nằm trong thời gian "
            f"hiệu lực của {parent} ({_d(parent.valid_from)} – {_d(parent.valid_to)})."
        )
    return problems


def children_problems(instrument: Instrument, valid_from, valid_to) -> list[str]:
    """Narrowing a programme's validity must keep its plans inside it."""
    problems = []
    for child in instrument.children.all():
        outside = (valid_from and child.valid_from and child.valid_from < valid_from) or (
            valid_to and (child.valid_to is None or child.valid_to > valid_to)
        )
        if outside:
            problems.append(
                f"{child} ({_d(child.valid_from)} – {_d(child.valid_to)}) sẽ nằm ngoài thời "
                "gian hiệu lực mới; hãy sửa kế hoạch đó trước."
            )
    return problems


def transition_problems(instrument: Instrument, target: str, today: dt.date) -> list[str]:
    """Why `instrument` cannot move to `target` now (its parties are checked by the caller)."""
    if target not in TRANSITIONS:
        return ["Trạng thái không hợp lệ."]
    if target not in TRANSITIONS[instrument.state]:
        return [
            f"Không thể chuyển từ “{instrument.get_state_display()}” sang "
            f"“{InstrumentState(target).label}”."
        ]
    problems = []
    if target in (S.DA_KY, S.HIEU_LUC):
        if not instrument.symbol:
            problems.append("Cần ghi số ký hiệu của văn bản đã ký.")
        if not instrument.signed_on:
            problems.append("Cần ghi ngày ký.")
        elif instrument.signed_on > today:
            problems.append("Ngày ký không được sau ngày hôm nay.")
        if not instrument.valid_from:
            problems.append("Cần ghi ngày bắt đầu hiệu lực.")
    if target == S.THAY_THE:
        successor = instrument.successor
        if successor is None:
            problems.append("Cần chọn văn bản thay thế trước khi chuyển sang “Đã được thay thế”.")
        elif successor.state not in (S.DA_KY, S.HIEU_LUC):
            problems.append(f"Văn bản thay thế {successor} chưa được ký.")
    return problems


def successor_problems(instrument: Instrument, successor: Instrument | None) -> list[str]:
    if successor is None:
        return []
    if successor.pk == instrument.pk:
        return ["Văn bản không thể thay thế chính nó."]
    problems = []
    if (successor.kind in PLAN_KINDS) != (instrument.kind in PLAN_KINDS):
        problems.append("Văn bản thay thế phải cùng loại (chương trình, quy chế hay kế hoạch).")
    if instrument.signed_on and successor.signed_on and successor.signed_on < instrument.signed_on:
        problems.append(
            f"Văn bản thay thế ký ngày {_d(successor.signed_on)}, trước văn bản bị thay thế "
            f"({_d(instrument.signed_on)})."
        )
    step, seen = successor.successor, set()
    while step is not None and step.pk not in seen:
        if step.pk == instrument.pk:
            problems.append("Chuỗi văn bản thay thế không được quay vòng.")
            break
        seen.add(step.pk)
        step = step.successor
    return problems


def symbol_warnings(instrument: Instrument) -> list[str]:
    symbol = parse_symbol(instrument.symbol or "")
    if symbol is None or not symbol.type_code:
        return []
    expected = EXPECTED_TYPES.get(instrument.kind, set())
    if symbol.type_code.upper() not in expected:
        return [
            f"Mã loại “{symbol.type_code}” trong số ký hiệu không khớp với loại văn bản "
            f"({instrument.get_kind_display()})."
        ]
    return []


def unit_problems(instrument: Instrument, day: dt.date) -> list[str]:
    """Party units that did not exist on `day` (the signing date)."""
    return [
        f"{party.unit} không tồn tại vào ngày ký {_d(day)} (hoạt động "
        f"{_d(party.unit.valid_from)} – {_d(party.unit.valid_to) if party.unit.valid_to else 'nay'})."
        for party in instrument.parties.select_related("unit").filter(replaced_by__isnull=True)
        if not party.unit.is_valid_on(day)
    ]


def signing_problems(instrument: Instrument) -> list[str]:
    """What keeps the instrument from being signed, as to its parties."""
    parties = list(instrument.parties.filter(replaced_by__isnull=True))
    problems = []
    if len({p.unit_id for p in parties}) < 2:
        problems.append("Văn bản phối hợp cần ít nhất hai bên tham gia (hai đơn vị khác nhau).")
    if instrument.signed_on:
        problems += unit_problems(instrument, instrument.signed_on)
    return problems
