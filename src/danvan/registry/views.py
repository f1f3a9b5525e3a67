"""The document registry's pages: list and search, one document, CSV export and import."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.vn.numbers import parse_whole

from . import selectors, services

# The registry ---------------------------------------------------------------------------


@login_required
def registry(request):
    query = request.GET.get("q", "").strip()
    year = request.GET.get("nam", "")
    documents = selectors.registry(
        request.user,
        query,
        request.GET.get("loai", ""),
        request.GET.get("co-quan", ""),
        parse_whole(year, 9999),
    )
    page = Paginator(documents, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "registry/registry.html",
        {
            "page": page,
            "facets": selectors.registry_facets(request.user),
            "query": query,
            "filters": request.GET,
            "issuer_filter": request.GET.get("co-quan", ""),
            "can_manage": permissions.acts_anywhere(request.user, "documents.manage"),
        },
    )


@login_required
def registry_document(request, document_id: int):
    document = selectors.get_document(request.user, document_id)
    if document is None:
        raise Http404("Không tìm thấy văn bản trong sổ.")
    return render(
        request,
        "registry/registry_document.html",
        {
            "document": document,
            "citations": selectors.citations_for(request.user, document),
            "signatures": selectors.signatures_for(request.user, document),
        },
    )


@login_required
def registry_export(request):
    response = HttpResponse(
        "\ufeff" + selectors.registry_csv(request.user), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="so-van-ban.csv"'
    return response


@login_required
@require_POST
def registry_import(request):
    upload = request.FILES.get("file")
    if upload is None or upload.size > 5 * 1024 * 1024:
        messages.error(request, "Chọn một tệp CSV (tối đa 5 MB).")
        return redirect("registry:registry")
    try:
        rows = list(csv.DictReader(io.StringIO(upload.read().decode("utf-8-sig"))))
        result = services.import_registry(request.user, rows)
    except UnicodeDecodeError:
        messages.error(request, "Tệp không phải văn bản UTF-8.")
    except services.RegistryRejected as exc:
        for error in exc.errors[:20]:
            messages.error(request, error)
        messages.error(request, "Không có văn bản nào được ghi.")
    else:
        messages.success(
            request, f"Đã thêm {result.created} văn bản; {result.existing} văn bản đã có trong sổ."
        )
    return redirect("registry:registry")
