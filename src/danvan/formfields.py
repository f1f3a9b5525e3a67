"""Form fields every app uses instead of Django's model choice fields: a posted id larger
than the database's integers (or not a whole number at all) is an invalid choice with a
Vietnamese message, never a query that SQLite or PostgreSQL refuses with a server error."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from danvan.vn.numbers import parse_whole

INVALID_CHOICE = "Lựa chọn không hợp lệ; hãy chọn một mục trong danh sách."


def _storable(value, to_field_name) -> bool:
    if to_field_name:  # a code, not an id: any text is a fair question to the database
        return True
    return parse_whole(str(value)) is not None


class ModelChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": INVALID_CHOICE}

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model):
            if not _storable(value, self.to_field_name):
                raise ValidationError(INVALID_CHOICE, code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": INVALID_CHOICE,
        "invalid_pk_value": INVALID_CHOICE,
        "invalid_list": "Cần chọn một danh sách mục.",
    }

    def _check_values(self, value):
        if isinstance(value, list | tuple) and not all(
            _storable(v, self.to_field_name) for v in value
        ):
            raise ValidationError(INVALID_CHOICE, code="invalid_choice")
        return super()._check_values(value)
