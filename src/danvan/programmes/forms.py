"""Forms of the programmes pages (Vietnamese labels and messages). They check the shape of the
input; the rules of the chain are the services' (their messages land beside the fields)."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms

from danvan.formfields import ModelChoiceField, ModelMultipleChoiceField
from danvan.orgs.forms import DateField
from danvan.registry.models import Document

from .chain import read_symbol
from .models import InstrumentKind, InstrumentState, PartyRole

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm."}
REQUIRED = {"required": "Chưa nhập.", "invalid_choice": "Lựa chọn không hợp lệ."}
TEXT_LIMIT = 4000


def date_field(label: str, required: bool = False) -> DateField:
    return DateField(
        label=label, required=required, widget=DATE_WIDGET, error_messages=DATE_ERRORS | REQUIRED
    )


def text(label: str, required: bool = False, limit: int = 255, rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=widget,
        error_messages={"max_length": f"Dài quá {limit} ký tự."} | REQUIRED,
    )


def unit_field(units, label: str) -> ModelChoiceField:
    return ModelChoiceField(
        queryset=units,
        label=label,
        error_messages={
            "required": "Chưa chọn.",
            "invalid_choice": "Đơn vị không hợp lệ hoặc ngoài phạm vi của bạn.",
        },
    )


class NoNul(forms.Form):
    """Refuse NUL characters and lone surrogates in any text (databases reject them)."""

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str) and ("\x00" in value or re.search(r"[\ud800-\udfff]", value)):
                self.add_error(name, "Có ký tự không hợp lệ.")
        return data


SYMBOL_SPLIT = re.compile(r"[\n;,]+")


class InstrumentForm(NoNul):
    kind = forms.ChoiceField(
        label="Loại văn bản", choices=InstrumentKind.choices, error_messages=REQUIRED
    )
    owner = ModelChoiceField(queryset=None, label="Cơ quan thường trực")
    symbol = text("Số ký hiệu", limit=120)
    title = text("Trích yếu", required=True, limit=2000, rows=2)
    signed_on = date_field("Ngày ký")
    valid_from = date_field("Hiệu lực từ ngày")
    valid_to = date_field("Hiệu lực đến ngày")
    parent = ModelChoiceField(
        queryset=None,
        label="Thuộc chương trình / quy chế",
        required=False,
        error_messages={"invalid_choice": "Văn bản cấp trên không hợp lệ."},
    )
    based_on = text(
        "Căn cứ (số ký hiệu trong sổ văn bản, mỗi dòng một văn bản)", limit=2000, rows=3
    )
    note = text("Ghi chú", limit=TEXT_LIMIT, rows=2)

    def __init__(self, *args, owners, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = unit_field(owners, "Cơ quan thường trực")
        self.fields["parent"].queryset = parents
        self.fields[
            "symbol"
        ].help_text = "Ví dụ 02-CTr/BDVTU-BCHQST-CAT-BCHBPT; để trống khi còn dự thảo."

    def clean_symbol(self):
        symbol = self.cleaned_data.get("symbol") or ""
        _, problems = read_symbol(symbol)
        if problems:
            raise forms.ValidationError(problems[0])
        return symbol

    def clean_based_on(self):
        raw = self.cleaned_data.get("based_on") or ""
        symbols = [s.strip() for s in SYMBOL_SPLIT.split(raw) if s.strip()]
        documents, missing = [], []
        for symbol in dict.fromkeys(symbols):
            document = Document.objects.filter(symbol__iexact=symbol[:80]).order_by("-date").first()
            if document is None:
                missing.append(symbol[:80])
            else:
                documents.append(document)
        if missing:
            raise forms.ValidationError(
                "Không tìm thấy trong sổ văn bản: "
                + ", ".join(missing)
                + ". Hãy thêm văn bản vào sổ trước hoặc bỏ khỏi danh sách."
            )
        return documents


class StateForm(NoNul):
    target = forms.ChoiceField(
        label="Chuyển sang", choices=InstrumentState.choices, error_messages=REQUIRED
    )
    on = date_field("Ngày chấm dứt (khi kết thúc)")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)


class SuccessorForm(NoNul):
    successor = ModelChoiceField(
        queryset=None,
        label="Văn bản thay thế",
        required=False,
        error_messages={"invalid_choice": "Văn bản thay thế không hợp lệ."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = candidates


class PartyForm(NoNul):
    unit = ModelChoiceField(queryset=None, label="Đơn vị")
    role = forms.ChoiceField(label="Vai trò", choices=PartyRole.choices, error_messages=REQUIRED)
    signer_name = text("Người ký", limit=120)
    signer_title = text("Chức vụ người ký", limit=200)
    group = text("Nhóm trong báo cáo (ví dụ II.2 Lực lượng vũ trang)", limit=120)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(units, "Đơn vị")


class PartySuccessorForm(NoNul):
    party = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    unit = ModelChoiceField(queryset=None, label="Đơn vị kế thừa")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(units, "Đơn vị kế thừa")


class CommitmentForm(NoNul):
    content_area = ModelChoiceField(queryset=None, label="Lĩnh vực")
    content = text("Nội dung nhiệm vụ", required=True, limit=TEXT_LIMIT, rows=3)
    lead = ModelChoiceField(queryset=None, label="Bên chủ trì")
    partners = ModelMultipleChoiceField(
        queryset=None,
        label="Bên phối hợp",
        required=False,
        error_messages={
            "invalid_choice": "Bên phối hợp không hợp lệ.",
            "invalid_pk_value": "Bên phối hợp không hợp lệ.",
        },
    )
    deliverable = text("Sản phẩm", limit=TEXT_LIMIT, rows=2)
    target = forms.DecimalField(
        label="Chỉ tiêu (số)",
        required=False,
        min_value=Decimal(0),
        max_value=Decimal("999999999999.99"),
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": "Chỉ tiêu phải là một số.",
            "min_value": "Chỉ tiêu không được âm.",
            "max_value": "Chỉ tiêu quá lớn.",
            "max_digits": "Chỉ tiêu quá lớn.",
            "max_decimal_places": "Chỉ tiêu có tối đa 2 chữ số thập phân.",
            "max_whole_digits": "Chỉ tiêu quá lớn.",
        },
    )
    due_on = date_field("Hạn hoàn thành")
    period_code = text("Kỳ (ví dụ 2022S1, 2022)", limit=10)
    evidence_expected = text("Minh chứng cần có", limit=TEXT_LIMIT, rows=2)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)

    def __init__(self, *args, areas, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_area"].queryset = areas
        self.fields["content_area"].error_messages.update(
            {"required": "Chưa chọn lĩnh vực.", "invalid_choice": "Lĩnh vực không hợp lệ."}
        )
        self.fields["lead"].queryset = parties
        self.fields["lead"].error_messages.update(
            {"required": "Chưa chọn bên chủ trì.", "invalid_choice": "Bên chủ trì không hợp lệ."}
        )
        self.fields["partners"].queryset = parties


class FileForm(forms.Form):
    file = forms.FileField(
        label="Tệp văn bản đã ký (.docx, .doc, .pdf)",
        error_messages={"required": "Chưa chọn tệp.", "empty": "Tệp rỗng."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)


class ProposalForm(forms.Form):
    take = forms.MultipleChoiceField(
        label="Lấy từ tệp",
        required=False,
        choices=[
            ("symbol", "Số ký hiệu"),
            ("signed_on", "Ngày ký"),
            ("title", "Trích yếu"),
            ("parties", "Các bên ký kết"),
            ("based_on", "Căn cứ"),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Lựa chọn không hợp lệ."},
    )
    action = forms.ChoiceField(choices=[("confirm", "Xác nhận"), ("dismiss", "Bỏ đề xuất")])
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx) theo mẫu",
        error_messages={"required": "Chưa chọn tệp.", "empty": "Tệp rỗng."},
    )
