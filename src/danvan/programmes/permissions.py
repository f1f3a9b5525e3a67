"""Who sees and does what in the programmes register.

- The thường trực board's people (a role on a unit whose subtree holds the instrument's owner)
  see the whole instrument; its coordinators manage it (`programmes.manage`).
- A partner (a role on a unit covering one of the instrument's party units) sees the
  instrument, its parties and only the commitments its party leads or joins; its reporters
  report on those (`programmes.report`).
- Anyone else (another province) sees nothing: the pages answer 404.

A party outside the board's subtree (armed forces, central bodies, another tree) gets a
`ProgrammeGrant` while the instrument is signed; the grant source below lets the board's people
act on that unit for the reporting actions a programme review needs, and nothing else.
"""

from __future__ import annotations

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet

from danvan.accounts import permissions
from danvan.accounts.models import Membership, Role
from danvan.reporting import clock

from .models import Commitment, Instrument, Party, ProgrammeGrant

VIEW = "programmes.view"
MANAGE = "programmes.manage"
REPORT = "programmes.report"

permissions.ACTION_ROLES.update(
    {
        VIEW: permissions.ALL_ROLES,
        MANAGE: frozenset({Role.COORDINATOR}),
        REPORT: frozenset({Role.REPORTER, Role.COORDINATOR}),
    }
)
permissions.ACTION_DENIED_MESSAGES.update(
    {
        VIEW: "Bạn không có quyền xem chương trình phối hợp này.",
        MANAGE: "Bạn không có quyền cập nhật chương trình phối hợp: chỉ cán bộ điều phối của "
        "cơ quan thường trực (hoặc cấp trên) được thêm, sửa hay chuyển trạng thái.",
        REPORT: "Bạn không có quyền báo cáo tiến độ nhiệm vụ này: chỉ cán bộ báo cáo của bên "
        "chủ trì hoặc phối hợp nhiệm vụ được báo cáo.",
    }
)

# Reporting actions a programme grant widens for the board's people on its partners' units.
GRANTED_ACTIONS = frozenset(
    {
        "reporting.issue",
        "reporting.review",
        "reporting.board",
        "reporting.view",
        "reporting.drafts",
        "consolidation.view",
        "documents.export_consolidation",
    }
)


def active_grants(day=None) -> QuerySet[ProgrammeGrant]:
    day = day or clock.today()
    return ProgrammeGrant.objects.filter(granted_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )


def granted_paths(user, action: str, roles: frozenset[str]) -> list[str]:
    """The grant source (registered in AppConfig.ready()): paths of the units granted by the
    signed programmes whose owner lies in the subtree of one of `user`'s roles for `action`."""
    if action not in GRANTED_ACTIONS:
        return []
    # One query: a membership whose unit's path is a prefix of the owner's path.
    owner_path = ExpressionWrapper(OuterRef("instrument__owner__path"), output_field=CharField())
    board_member = (
        Membership.objects.filter(user=user, role__in=roles)
        .annotate(owner_path=owner_path)
        .filter(owner_path__startswith=F("unit__path"))
    )
    return list(
        active_grants().filter(Exists(board_member)).values_list("unit__path", flat=True).distinct()
    )


def _paths(user) -> list[str] | None:
    return permissions.scope_paths(user, VIEW)


def _under(paths: list[str], field: str) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def visible_instruments(user) -> QuerySet[Instrument]:
    """Instruments `user` sees as the board or as a partner."""
    paths = _paths(user)
    if paths is permissions.GLOBAL_SCOPE:
        return Instrument.objects.all()
    if not paths:
        return Instrument.objects.none()
    as_party = Party.objects.filter(_under(paths, "unit__path"), instrument=OuterRef("pk"))
    return Instrument.objects.filter(_under(paths, "owner__path") | Q(Exists(as_party)))


def is_board(user, instrument: Instrument, action: str = VIEW) -> bool:
    """Whether `user` acts for the instrument's thường trực board (sees everything of it)."""
    return permissions.has_permission(user, action, instrument.owner)


def can_manage(user, instrument: Instrument) -> bool:
    return is_board(user, instrument, MANAGE)


def require_manage(user, instrument: Instrument) -> None:
    permissions.require(user, MANAGE, instrument.owner)


def own_parties(user, instrument: Instrument, action: str = VIEW) -> list[Party]:
    """The instrument's parties whose unit one of `user`'s roles for `action` covers."""
    paths = permissions.scope_paths(user, action)
    parties = list(instrument.parties.select_related("unit"))
    return [p for p in parties if permissions.covers(paths, p.unit.path)]


def visible_commitments(user, instrument: Instrument) -> QuerySet[Commitment]:
    """All of the plan's commitments for the board; a partner's own ones otherwise."""
    rows = Commitment.objects.filter(plan=instrument)
    if is_board(user, instrument):
        return rows
    paths = _paths(user) or []
    if not paths:
        return rows.none()
    partner = Party.objects.filter(_under(paths, "unit__path"), partner_commitments=OuterRef("pk"))
    return rows.filter(_under(paths, "lead__unit__path") | Q(Exists(partner)))


def can_report(user, commitment: Commitment) -> bool:
    """Whether `user` may report progress on `commitment` (for its lead or one of its
    partners; the board's coordinators may enter it on their behalf)."""
    plan = commitment.plan
    if is_board(user, plan, REPORT) and permissions.has_permission(user, MANAGE, plan.owner):
        return True
    paths = permissions.scope_paths(user, REPORT)
    units = [commitment.lead.unit, *(p.unit for p in commitment.partners.all())]
    return any(permissions.covers(paths, u.path) for u in units)
