"""The register's forms. The rules themselves live in rules.py and services.py (so the API and
the spreadsheet import apply the same ones); these forms only turn input into values."""

from __future__ import annotations

from django import forms

from danvan.orgs.forms import DateField
from danvan.vn.numbers import parse_figure
from danvan.vn.text import has_surrogates

from .models import (
    SUB_MOVEMENTS,
    TAGS,
    Channel,
    Conclusion,
    Field,
    Kind,
    Level,
    Metric,
    RecognitionForm,
    Subject,
)
from .rules import LONG_TEXT_LIMIT, TEN_ITEMS
from .scoring import as_text

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."}
REQUIRED = {"required": "Chưa nhập."}


def date_field(label: str, required: bool = True) -> DateField:
    return DateField(
        label=label, required=required, widget=DATE_WIDGET, error_messages=DATE_ERRORS | REQUIRED
    )


def text_area(label: str, required: bool = False, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=LONG_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": f"Dài quá {LONG_TEXT_LIMIT} ký tự."} | REQUIRED,
    )


class CleanTextMixin:
    """Refuses lone surrogates in any text field with a Vietnamese message."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and has_surrogates(value):
                self.add_error(name, "Có ký tự không hợp lệ.")
        return cleaned


ITEM_LABELS = dict(TEN_ITEMS)


class EntryForm(CleanTextMixin, forms.Form):
    owner_unit = forms.ChoiceField(
        label="Đơn vị đăng ký (chủ thể mô hình)", error_messages=REQUIRED
    )
    kind = forms.ChoiceField(label="Loại", choices=Kind.choices, error_messages=REQUIRED)
    subject = forms.ChoiceField(label="Chủ thể", choices=Subject.choices, error_messages=REQUIRED)
    channel = forms.ChoiceField(
        label="Kênh đăng ký", choices=Channel.choices, error_messages=REQUIRED
    )
    field = forms.ChoiceField(label="Lĩnh vực", choices=Field.choices, error_messages=REQUIRED)
    tags = forms.MultipleChoiceField(
        label="Gắn nhãn",
        choices=list(TAGS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sub_movement = forms.ChoiceField(
        label="Phong trào", choices=list(SUB_MOVEMENTS.items()), required=False
    )
    name = forms.CharField(
        label=ITEM_LABELS["name"],
        max_length=300,
        error_messages=REQUIRED | {"max_length": "Dài quá 300 ký tự."},
    )
    situation = text_area(ITEM_LABELS["situation"])
    goals = text_area(ITEM_LABELS["goals"])
    content = text_area(ITEM_LABELS["content"])
    area = text_area(ITEM_LABELS["area"], rows=2)
    forces_lead = text_area(ITEM_LABELS["forces_lead"], rows=2)
    forces_coordinating = text_area("6. Lực lượng phối hợp (nêu vai trò)", rows=2)
    forces_participating = text_area("6. Lực lượng tham gia (nêu vai trò)", rows=2)
    resources = text_area(ITEM_LABELS["resources"], rows=2)
    start_date = date_field(ITEM_LABELS["start_date"], required=False)
    milestones = text_area(ITEM_LABELS["milestones"], rows=2)
    evaluation_date = date_field(ITEM_LABELS["evaluation_date"], required=False)
    expected_outputs = text_area(ITEM_LABELS["expected_outputs"], rows=2)
    sustainability = text_area(ITEM_LABELS["sustainability"], rows=2)
    person_name = forms.CharField(
        label="Họ và tên (chỉ với cá nhân)",
        max_length=120,
        required=False,
        error_messages={"max_length": "Dài quá 120 ký tự."},
    )
    person_position = forms.CharField(
        label="Chức vụ (chỉ với cá nhân)",
        max_length=200,
        required=False,
        error_messages={"max_length": "Dài quá 200 ký tự."},
    )

    def __init__(self, *args, units=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].choices = [("", "— chọn đơn vị —")] + [
            (u.code, u.name) for u in units
        ]
        if editing:
            del self.fields["owner_unit"]

    def entry_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("owner_unit", None)
        data["tags"] = list(data.get("tags") or [])
        data["sub_movement"] = data.get("sub_movement") or ""
        return data


class TransitionForm(CleanTextMixin, forms.Form):
    target = forms.ChoiceField(label="Chuyển sang", error_messages=REQUIRED)
    at = date_field("Ngày")
    level = forms.ChoiceField(
        label="Cấp quyết định", choices=[("", "—")] + Level.choices, required=False
    )
    decision_symbol = forms.CharField(
        label="Số ký hiệu văn bản (nếu có)",
        max_length=80,
        required=False,
        error_messages={"max_length": "Dài quá 80 ký tự."},
    )
    note = text_area("Ghi chú (cam kết, phân công khi ra mắt…)", rows=2)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = list(targets)


class AssessmentForm(CleanTextMixin, forms.Form):
    """A checklist set ticks the criteria met; a scored set asks one score per criterion
    (fields score_0, score_1, …) and may leave the conclusion to the total's proposal."""

    assessed_on = date_field("Ngày đánh giá")
    level = forms.ChoiceField(
        label="Cấp đánh giá", choices=[("", "— chọn cấp —")] + Level.choices, required=False
    )
    assessor_unit = forms.ChoiceField(label="Đơn vị đánh giá", error_messages=REQUIRED)
    checklist = forms.TypedMultipleChoiceField(
        label="Tiêu chí đạt", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    conclusion = forms.ChoiceField(
        label="Kết luận", choices=Conclusion.choices, error_messages=REQUIRED
    )
    note = text_area("Nhận xét", rows=2)

    def __init__(self, *args, units=(), criteria=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor_unit"].choices = [(u.code, u.name) for u in units]
        items = criteria.items if criteria is not None else []
        self.scored = criteria is not None and criteria.scored
        if not self.scored:
            self.fields["checklist"].choices = [(i, text) for i, (text, _) in enumerate(items)]
            return
        del self.fields["checklist"]
        for i, (text, top) in enumerate(items):
            self.fields[f"score_{i}"] = forms.CharField(
                label=f"{i + 1}. {text} (tối đa {as_text(top or 0)} điểm)",
                max_length=12,
                error_messages=REQUIRED | {"max_length": "Số quá dài."},
                widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
            )
        self.fields["conclusion"] = forms.ChoiceField(
            label="Kết luận",
            choices=[("", "Theo tổng điểm (đề xuất)")] + Conclusion.choices,
            required=False,
            help_text=f"Tổng điểm từ {as_text(criteria.pass_score)} trở lên: đề xuất “Hiệu quả”. "
            "Kết luận khác đề xuất thì ghi lý do ở phần nhận xét.",
        )
        self.order_fields(["assessed_on", "level", "assessor_unit"])

    def scores(self) -> list[str] | None:
        if not self.scored:
            return None
        count = sum(1 for name in self.fields if name.startswith("score_"))
        return [self.cleaned_data[f"score_{i}"] for i in range(count)]


class RecognitionFormForm(CleanTextMixin, forms.Form):
    level = forms.ChoiceField(label="Cấp", choices=Level.choices, error_messages=REQUIRED)
    form = forms.ChoiceField(
        label="Hình thức", choices=RecognitionForm.choices, error_messages=REQUIRED
    )
    decided_on = date_field("Ngày quyết định")
    decision_symbol = forms.CharField(
        label="Số ký hiệu quyết định",
        max_length=80,
        error_messages=REQUIRED | {"max_length": "Dài quá 80 ký tự."},
    )
    by_unit = forms.ChoiceField(label="Đơn vị công nhận", error_messages=REQUIRED)
    period_from = forms.IntegerField(
        label="Giai đoạn từ năm",
        min_value=1990,
        max_value=2100,
        required=False,
        error_messages={
            "invalid": "Nhập năm (ví dụ 2021).",
            "min_value": "Năm từ 1990.",
            "max_value": "Năm đến 2100.",
        },
    )
    period_to = forms.IntegerField(
        label="Giai đoạn đến năm",
        min_value=1990,
        max_value=2100,
        required=False,
        error_messages={
            "invalid": "Nhập năm (ví dụ 2025).",
            "min_value": "Năm từ 1990.",
            "max_value": "Năm đến 2100.",
        },
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["by_unit"].choices = [(u.code, u.name) for u in units]


class OutputForm(CleanTextMixin, forms.Form):
    metric = forms.ChoiceField(label="Chỉ số", choices=Metric.choices, error_messages=REQUIRED)
    value = forms.CharField(
        label="Giá trị", max_length=40, error_messages=REQUIRED | {"max_length": "Số quá dài."}
    )
    period_from = date_field("Kỳ từ ngày")
    period_to = date_field("Kỳ đến ngày")
    evidence = text_area("Minh chứng", required=True, rows=2)

    def clean_value(self):
        raw = self.cleaned_data["value"]
        value = parse_figure(raw) if not has_surrogates(raw) else None
        if value is None:
            raise forms.ValidationError("Không phải là số (viết 1.868 hoặc 95,5).")
        if value < 0 or abs(value) >= 10**15:
            raise forms.ValidationError("Giá trị phải là số không âm, nhỏ hơn 10^15.")
        return value


class CommitmentForm(forms.Form):
    commitment = forms.IntegerField(
        label="Số thứ tự nhiệm vụ phối hợp (để trống: bỏ liên kết)",
        required=False,
        min_value=1,
        max_value=2**62,
        error_messages={
            "invalid": "Nhập số thứ tự của nhiệm vụ.",
            "min_value": "Số không hợp lệ.",
            "max_value": "Số không hợp lệ.",
        },
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(
        min_value=1,
        max_value=2**62,
        error_messages={"invalid": "Mục không hợp lệ.", "max_value": "Mục không hợp lệ."}
        | REQUIRED,
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp .xlsx", error_messages={"required": "Chọn tệp .xlsx."})
