"""Scored criteria sets: each criterion has a maximum, an assessment gives each a score from 0
to that maximum, and the total proposes the conclusion from the set's pass threshold. The
assessor may conclude otherwise; the proposal is kept beside the conclusion."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

CHECKLIST = "checklist"
SCORES = "scores"
EFFECTIVE = "hieu_qua"
INEFFECTIVE = "chua_hieu_qua"
LIMIT = Decimal(10000)
CENT = Decimal("0.01")


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None or len(str(value)) > 20:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
        if not number.is_finite() or abs(number) >= LIMIT or number.quantize(CENT) != number:
            return None
    except (InvalidOperation, ValueError):
        return None
    return number + 0  # "-0" is 0


def items(criteria_set) -> list[tuple[str, Decimal | None]]:
    """(text, maximum) per criterion; the maximum is None in a checklist set."""
    rows = []
    for item in criteria_set.criteria or []:
        if isinstance(item, dict):
            rows.append((str(item.get("text", "")), _decimal(item.get("max"))))
        else:
            rows.append((str(item), None))
    return rows


def max_total(criteria_set) -> Decimal:
    return sum((top or 0 for _, top in items(criteria_set)), Decimal(0))


def check_criteria_set(criteria_set) -> None:
    """The set's own rules (the admin form calls them through the model's clean())."""
    errors: dict[str, str] = {}
    raw = criteria_set.criteria
    if not isinstance(raw, list) or not raw:
        errors["criteria"] = "Cần ít nhất một tiêu chí."
    elif criteria_set.scoring == SCORES:
        for n, item in enumerate(raw, start=1):
            top = _decimal(item.get("max")) if isinstance(item, dict) else None
            text = item.get("text") if isinstance(item, dict) else None
            if not isinstance(text, str) or not text.strip():
                errors["criteria"] = f"Tiêu chí {n}: cần nội dung (“text”)."
                break
            if top is None or not 0 < top < LIMIT:
                errors["criteria"] = f"Tiêu chí {n}: điểm tối đa (“max”) phải là số dương."
                break
        if "criteria" not in errors:
            top = max_total(criteria_set)
            threshold = criteria_set.pass_score
            if threshold is None or not 0 < threshold <= top:
                errors["pass_score"] = (
                    f"Điểm đạt phải lớn hơn 0 và không quá tổng điểm tối đa ({top.normalize():f})."
                )
    elif any(not isinstance(item, str) or not item.strip() for item in raw):
        errors["criteria"] = "Bộ tiêu chí đánh dấu là danh sách các câu tiêu chí."
    if criteria_set.valid_to and criteria_set.valid_to < criteria_set.valid_from:
        errors["valid_to"] = "Ngày hết hiệu lực phải sau ngày áp dụng."
    if errors:
        raise ValidationError(errors)


def check_scores(criteria_set, scores) -> tuple[list[Decimal], dict[str, str]]:
    """The scores as numbers, and an error per criterion (key "score_<i>") that is missing,
    not a number with at most two decimals, or outside 0..max."""
    rows = items(criteria_set)
    errors: dict[str, str] = {}
    values: list[Decimal] = []
    scores = list(scores or [])
    if len(scores) != len(rows):
        return [], {"scores": f"Cần chấm đủ {len(rows)} tiêu chí của bộ tiêu chí đang áp dụng."}
    for n, ((text, top), raw) in enumerate(zip(rows, scores, strict=True)):
        value = _decimal(raw)
        label = f"Tiêu chí {n + 1} ({text[:60]})"
        if value is None:
            errors[f"score_{n}"] = f"{label}: điểm phải là số, tối đa hai chữ số thập phân."
        elif top is None or not 0 <= value <= top:
            errors[f"score_{n}"] = f"{label}: điểm từ 0 đến {(top or 0).normalize():f}."
        else:
            values.append(value)
    return values, errors


def proposed(criteria_set, total: Decimal) -> str:
    return EFFECTIVE if total >= criteria_set.pass_score else INEFFECTIVE


def as_text(value) -> str:
    """A score as people write it: 7,5 and 18 (not 7.50 and 18.00); "" for none."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def score_rows(assessment) -> list[tuple[str, str, str]]:
    """(criterion, score, maximum) of a scored assessment, in the set's order."""
    rows = zip(items(assessment.criteria_set), assessment.scores or [], strict=False)
    return [(text, as_text(score), as_text(top or 0)) for (text, top), score in rows]


def score_summary(assessment) -> str:
    """ "85/100" for a scored assessment; "" for a checklist."""
    if assessment.total is None:
        return ""
    return f"{as_text(assessment.total)}/{as_text(max_total(assessment.criteria_set))}"
