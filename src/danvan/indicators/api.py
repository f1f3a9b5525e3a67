from __future__ import annotations

from ninja import Router, Schema

from danvan.api_errors import AUTHENTICATED, errors

from .models import Indicator, ValidationRule

router = Router(tags=["Chỉ tiêu"])


class OptionOut(Schema):
    code: str
    name: str


class IndicatorOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    value_type: str  # "integer" (counts) or "decimal"
    aggregation: str
    group: str
    category: str | None
    options: list[OptionOut]
    cues: list[str]


class RuleOut(Schema):
    code: str
    left: str
    operator: str
    right: str
    message: str


@router.get(
    "", response={200: list[IndicatorOut], **errors(*AUTHENTICATED)}, summary="Danh mục chỉ tiêu"
)
def indicators(request):
    return [
        {
            "code": i.code,
            "name": i.name,
            "unit_of_measure": i.unit_of_measure,
            "value_type": i.value_type,
            "aggregation": i.aggregation,
            "group": i.group,
            "category": i.category.code if i.category else None,
            "options": [{"code": o.code, "name": o.name} for o in i.category.options.all()]
            if i.category
            else [],
            "cues": i.cues,
        }
        for i in Indicator.objects.select_related("category").prefetch_related("category__options")
    ]


@router.get(
    "/rules",
    response={200: list[RuleOut], **errors(*AUTHENTICATED)},
    summary="Quy tắc kiểm tra giữa các chỉ tiêu",
)
def rules(request):
    def side(indicator, option):
        return f"{indicator.code}:{option.code}" if option else indicator.code

    return [
        {
            "code": r.code,
            "left": side(r.left, r.left_option),
            "operator": r.operator,
            "right": side(r.right, r.right_option),
            "message": r.message,
        }
        for r in ValidationRule.objects.select_related(
            "left", "right", "left_option", "right_option"
        )
    ]
