from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from danvan.orgs.models import OrgUnit
from danvan.reporting import selectors as reporting_selectors

from . import selectors
from .forms import SearchForm

TITLE = "Tìm kiếm"


@login_required
def index(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results = selectors.search(
            request.user,
            data["q"],
            kind=data["loai"],
            unit=OrgUnit.objects.filter(code=data["don_vi"]).first() if data["don_vi"] else None,
            period=data["ky"],
            page=data["trang"] or 1,
        )
    return render(
        request,
        "search/index.html",
        {
            "title": TITLE,
            "form": form,
            "results": results,
            "period_choices": reporting_selectors.period_choices(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
