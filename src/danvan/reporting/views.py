"""Pages of the reporting cycle. Thin: parse the request, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts import permissions
from danvan.indicators.models import Indicator
from danvan.vn.numbers import parse_whole

from . import exports, selectors, services
from .comparison import compare_revisions
from .errors import ConcurrentEdit, InvalidValues, ReportingError
from .forms import CloneTemplateForm, IssueRequestForm, LockExceptionForm, ReturnForm, TemplateForm
from .models import ReportTemplate
from .outline import flat_sections, outline_text, parse_outline


def _assignment_or_404(user, assignment_id, action="reporting.view"):
    try:
        return selectors.get_assignment(user, assignment_id, action)
    except ReportingError as exc:
        raise Http404(exc.messages[0]) from exc


def _request_or_404(user, request_id, action="reporting.board"):
    try:
        return selectors.get_request(user, request_id, action)
    except ReportingError as exc:
        raise Http404(exc.messages[0]) from exc


@login_required
def inbox(request):
    permissions.require(request.user, "reporting.submit")
    return render(request, "reporting/inbox.html", {"box": selectors.inbox(request.user)})


def _posted_content(post) -> tuple[dict, dict]:
    sections = {k.removeprefix("section:"): v for k, v in post.items() if k.startswith("section:")}
    values = {k.removeprefix("value:"): v for k, v in post.items() if k.startswith("value:")}
    return sections, values


@login_required
def submission(request, assignment_id: int):
    assignment = _assignment_or_404(request.user, assignment_id)
    sub = assignment.submission
    content = selectors.current_content(sub)
    can_edit = services.may_edit(request.user, assignment)
    can_review = services.may_review(request.user, assignment)
    errors, status, field_errors = [], 200, {}
    sections, values, base_version = content.sections, content.values, sub.version
    if request.method == "POST":
        sections, values = _posted_content(request.POST)
        base_version = parse_whole(request.POST.get("base_version"))
        base_version = -1 if base_version is None else base_version
        action = request.POST.get("action")
        try:
            if action == "submit":
                services.submit(request.user, sub.pk, base_version, sections, values)
                messages.success(request, "Đã nộp báo cáo.")
            else:
                services.save_draft(request.user, sub.pk, base_version, sections, values)
                messages.success(request, "Đã lưu nháp.")
            return redirect("reporting:submission", assignment_id=assignment.pk)
        except ConcurrentEdit as exc:
            errors, status = exc.messages, 409
        except InvalidValues as exc:
            errors, status, field_errors = exc.messages, 400, exc.fields
        except ReportingError as exc:
            errors, status = exc.messages, 400
    fields = selectors.form_fields(assignment.request, values, selectors.value_sources(sub))
    if request.method == "POST":
        # Show back exactly what the user typed: nothing they entered is lost.
        for field in fields:
            field.value = values.get(field.key, "")
            field.error = field_errors.get(field.key, "")
    # A draft may break a rule between values; say which before the user tries to submit.
    warnings = (
        selectors.broken_rules(assignment.request, content.values)
        if request.method == "GET" and can_edit
        else []
    )
    section_rows = [
        dict(s, text=sections.get(s["key"], ""))
        for s in flat_sections(assignment.request.template.sections)
    ]
    if sections.get("khac"):
        section_rows.append(
            {
                "key": "khac",
                "label": "",
                "title": "Nội dung khác",
                "level": 1,
                "text": sections["khac"],
            }
        )
    return render(
        request,
        "reporting/submission.html",
        {
            "assignment": assignment,
            "submission": sub,
            "content": content,
            "fields": fields,
            "section_rows": section_rows,
            "base_version": base_version,
            "can_edit": can_edit,
            "can_review": can_review,
            "errors": errors,
            "warnings": warnings,
            "on_time": selectors.on_time(assignment),
            "locked": services.is_locked(assignment),
            "revisions": selectors.revisions(assignment, request.user),
            "return_form": ReturnForm(),
            "lock_form": LockExceptionForm(initial={"until": assignment.lock_exception_until}),
        },
        status=status,
    )


@login_required
@require_POST
def review(request, assignment_id: int, decision: str):
    assignment = _assignment_or_404(request.user, assignment_id)
    try:
        if decision == "tra-lai":
            form = ReturnForm(request.POST)
            if len(form.data.get("comment", "")) > form.fields["comment"].max_length:
                raise ReportingError("Lý do trả lại dài quá 2.000 ký tự; hãy viết ngắn lại.")
            services.return_submission(
                request.user, assignment.submission.pk, form.data.get("comment", "")
            )
            messages.success(request, "Đã trả lại báo cáo cho đơn vị.")
        elif decision == "tiep-nhan":
            services.accept_submission(request.user, assignment.submission.pk)
            messages.success(request, "Đã tiếp nhận báo cáo.")
        elif decision == "mo-khoa":
            form = LockExceptionForm(request.POST)
            if not form.is_valid():
                raise ReportingError("Ngày mở khóa không hợp lệ; không có thay đổi nào.")
            services.set_lock_exception(request.user, assignment, form.cleaned_data["until"])
            messages.success(request, "Đã cập nhật ngoại lệ khóa số liệu.")
        else:
            raise Http404("Thao tác không hợp lệ.")
    except ReportingError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("reporting:submission", assignment_id=assignment.pk)


@login_required
def compare(request, assignment_id: int, first: int, second: int):
    assignment = _assignment_or_404(request.user, assignment_id)
    try:
        older, newer = selectors.revision_pair(assignment, request.user, first, second)
    except ReportingError as exc:
        raise Http404(exc.messages[0]) from exc
    return render(
        request,
        "reporting/compare.html",
        {
            "assignment": assignment,
            "first": older,
            "second": newer,
            "comparison": compare_revisions(assignment.request.template, older, newer),
        },
    )


@login_required
def request_list(request):
    permissions.require(request.user, "reporting.board")
    page = Paginator(selectors.requests_for(request.user), 25).get_page(request.GET.get("trang"))
    can_issue = permissions.acts_anywhere(request.user, "reporting.issue")
    return render(request, "reporting/request_list.html", {"page": page, "can_issue": can_issue})


@login_required
def issue(request):
    permissions.require(request.user, "reporting.issue")
    units = (
        permissions.units_in_scope(request.user, "reporting.issue")
        .valid_on(services.clock.today())
        .order_by("path")
    )
    form = IssueRequestForm(
        request.POST or None,
        issuers=[u for u in units if u.kind == "board"] or list(units),
        templates=selectors.templates_for(request.user),
        units=units,
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.issue_request(
                request.user,
                issuer=units.get(code=data["issuer"]),
                title=data["title"],
                template=data["template"],
                period_code=data["period"],
                unit_codes=data["units"],
                deadline=data["deadline"],
                grace_days=data["grace_days"],
                lock_date=data["lock_date"],
                regime=data["regime"],
                document=services.RequestDocument(
                    data["document_symbol"], data["document_date"], data["document_title"]
                ),
            )
        except (ReportingError, ValueError) as exc:
            errors = getattr(exc, "messages", [str(exc)])
        else:
            messages.success(
                request, f"Đã ban hành yêu cầu báo cáo tới {created.assignments.count()} đơn vị."
            )
            return redirect("reporting:board", request_id=created.pk)
    status = 400 if errors or form.errors else 200
    return render(request, "reporting/issue.html", {"form": form, "errors": errors}, status=status)


STATUS_CHOICES = [
    ("", "Tất cả"),
    ("submitted", "Đã nộp"),
    ("missing", "Chưa nộp"),
    ("returned", "Bị trả lại"),
    ("accepted", "Đã tiếp nhận"),
]
TIMELINESS_CHOICES = [("", "Tất cả"), ("on_time", "Đúng hạn"), ("late", "Trễ hạn")]


@login_required
def board(request, request_id: int):
    report_request = _request_or_404(request.user, request_id)
    result = selectors.status_board(
        request.user,
        report_request,
        request.GET.get("trang-thai", ""),
        request.GET.get("dung-han", ""),
        request.GET.get("tim", "").strip(),
    )
    page = Paginator(result.rows, 50).get_page(request.GET.get("trang"))
    rows = [(a, selectors.on_time(a)) for a in page]
    alerts = selectors.signature_alerts(report_request)
    return render(
        request,
        "reporting/board.html",
        {
            "board": result,
            "page": page,
            "rows": rows,
            "signature_alerts": alerts,
            "status_choices": STATUS_CHOICES,
            "timeliness_choices": TIMELINESS_CHOICES,
            "status_filter": request.GET.get("trang-thai", ""),
            "timeliness_filter": request.GET.get("dung-han", ""),
            "search": request.GET.get("tim", ""),
            # Viewers read submitted reports only: a draft's row is plain text, not a refusal.
            "drafts_readable": permissions.has_permission(
                request.user, "reporting.drafts", report_request.issuer
            ),
        },
    )


@login_required
def board_export(request, request_id: int, fmt: str):
    report_request = _request_or_404(request.user, request_id)
    result = selectors.status_board(request.user, report_request)
    if fmt == "csv":
        response = HttpResponse(exports.board_csv(result), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.board_xlsx(result),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404("Định dạng không hỗ trợ.")
    response["Content-Disposition"] = (
        f'attachment; filename="theo-doi-yeu-cau-{report_request.pk}.{fmt}"'
    )
    return response


@login_required
def template_list(request):
    permissions.require(request.user, "reporting.templates")
    return render(
        request,
        "reporting/template_list.html",
        {"templates": selectors.templates_for(request.user)},
    )


@login_required
def template_detail(request, template_id: int):
    template = selectors.templates_for(request.user).filter(pk=template_id).first()
    if template is None:
        raise Http404("Không tìm thấy đề cương.")
    form = CloneTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            clone = services.clone_template(
                request.user,
                template,
                form.cleaned_data["code"],
                form.cleaned_data["name"],
                template.owner,
            )
        except ReportingError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, "Đã nhân bản đề cương.")
            return redirect("reporting:template", template_id=clone.pk)
    return render(
        request,
        "reporting/template_detail.html",
        {
            "template": template,
            "sections": flat_sections(template.sections),
            "rows": template.form_rows.select_related("indicator"),
            "form": form,
            "versions": ReportTemplate.objects.filter(code=template.code).order_by("-version"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def template_edit(request, template_id: int | None = None):
    """A new template, or (from an existing one) its next version; requests keep the old one."""
    permissions.require(request.user, "reporting.templates")
    source = None
    if template_id is not None:
        source = selectors.templates_for(request.user).filter(pk=template_id).first()
        if source is None:
            raise Http404("Không tìm thấy đề cương.")
    owners = permissions.units_in_scope(request.user, "reporting.templates").valid_on(
        services.clock.today()
    )
    initial = {}
    if source:
        initial = {
            "code": source.code,
            "name": source.name,
            "owner": source.owner.code,
            "outline": outline_text(source.sections),
            "indicators": list(source.form_rows.values_list("indicator__code", flat=True)),
        }
    form = TemplateForm(
        request.POST or None,
        initial=initial,
        owners=owners.order_by("path"),
        indicators=Indicator.objects.all(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if source is None and ReportTemplate.objects.filter(code=data["code"]).exists():
                raise ReportingError(
                    f"Đã có đề cương mã '{data['code']}'; hãy sửa đề cương đó để tạo phiên bản mới."
                )
            if source is not None and data["code"] != source.code:
                raise ReportingError(
                    "Không đổi được mã khi tạo phiên bản mới; hãy dùng chức năng nhân bản."
                )
            template = services.create_template(
                request.user,
                owners.get(code=data["owner"]),
                data["code"],
                data["name"],
                parse_outline(data["outline"]),
                data["indicators"],
            )
        except ReportingError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, f"Đã lưu đề cương, phiên bản {template.version}.")
            return redirect("reporting:template", template_id=template.pk)
    return render(
        request,
        "reporting/template_edit.html",
        {"form": form, "source": source},
        status=400 if form.errors else 200,
    )


@login_required
def indicator_list(request):
    indicators = Indicator.objects.select_related("category").prefetch_related("category__options")
    return render(request, "reporting/indicators.html", {"indicators": indicators})
