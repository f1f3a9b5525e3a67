"""Model choice fields refuse ids no database holds with a Vietnamese message."""

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.formfields import INVALID_CHOICE, ModelChoiceField, ModelMultipleChoiceField
from danvan.orgs.models import OrgUnit


class UnitForm(forms.Form):
    unit = ModelChoiceField(queryset=OrgUnit.objects.all())
    others = ModelMultipleChoiceField(queryset=OrgUnit.objects.all(), required=False)


@pytest.mark.django_db
def test_a_real_unit_is_chosen_and_oversized_ids_are_invalid_choices():
    unit = OrgUnit.objects.get(code="DN-TU")
    form = UnitForm({"unit": str(unit.pk), "others": [str(unit.pk)]})
    assert form.is_valid() and form.cleaned_data["unit"] == unit
    for value in (str(2**63), "-1", "1e3", "12abc"):
        form = UnitForm({"unit": value, "others": [value]})
        assert not form.is_valid()
        assert form.errors["unit"] == [INVALID_CHOICE]
        assert form.errors["others"] == [INVALID_CHOICE]


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(st.one_of(st.integers(), st.text(max_size=25)))
def test_no_posted_value_reaches_the_database_as_an_error(value):
    form = UnitForm(
        {"unit": str(value).replace("\x00", ""), "others": [str(value).replace("\x00", "")]}
    )
    form.is_valid()  # valid or not, never an exception
