"""Who sees what in the document registry (decisions.md, "The registry stays in scope").

- A citation — the fact that a report cites a document, and its sentence — is seen by those
  who may read that report: its unit's readers and the requesting board's (a draft or returned
  report only by those who may read drafts).
- A document issued by a central body (Trung ương: the Party's central bodies, the National
  Assembly, the Government and its ministries) is seen by everyone.
- Any other document is seen by whoever may read at least one report citing it, by the users
  whose scope holds the unit that issued it, and by everyone while no report cites it (entered
  by hand or from a CSV file, it carries no report's information).
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from danvan.accounts import permissions

from .models import Citation, Document

# Heads of State issuer codes of central bodies ("29/NQ-CP", "16/CT-TTg", "34/PL-UBTVQH11",
# "11/CT-BCA-V05"); Party central bodies end in "TW" ("05-CT/TW", "151-HD/BDVTW", "QUTW").
CENTRAL_STATE = frozenset(
    {
        "CP", "TTg", "VPCP", "TTCP", "QH", "UBTVQH", "CTN", "VPCTN", "TANDTC", "VKSNDTC",
        "KTNN", "NHNN", "UBDT", "BCA", "BQP", "BNV", "BNG", "BTC", "BTP", "BYT", "BCT", "BXD",
        "BGDĐT", "BKHĐT", "BLĐTBXH", "BNNPTNT", "BNNMT", "BTNMT", "BTTTT", "BVHTTDL", "BKHCN",
        "BGTVT", "BDTTG", "UBTWMTTQVN", "MTTW", "TLĐLĐVN",
    }
)  # fmt: skip
_TRAILING_DIGITS = re.compile(r"\d+$")


def is_central(issuer_code: str) -> bool:
    """Whether a symbol's issuer code names a central body (the first of joint issuers)."""
    head = _TRAILING_DIGITS.sub("", (issuer_code or "").split("-")[0])
    return head.upper().endswith("TW") or head in CENTRAL_STATE


def _under(field: str, paths: list[str] | None) -> Q:
    if paths is permissions.GLOBAL_SCOPE:
        # Always true, and kept in an OR (an empty Q() would drop out of `a | Q()`).
        return Q(pk__isnull=False)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def readable_citations(user) -> QuerySet[Citation]:
    """The citations in reports `user` may read (the rule of the reporting pages)."""
    unit = "submission__assignment__unit__path"
    issuer = "submission__assignment__request__issuer__path"
    drafts = permissions.scope_paths(user, "reporting.drafts")
    reach = _under(unit, permissions.scope_paths(user, "reporting.view")) | _under(
        issuer, permissions.scope_paths(user, "reporting.board")
    )
    submitted = Q(submission__status__in=("submitted", "accepted"))
    return Citation.objects.filter(
        reach & (submitted | _under(unit, drafts) | _under(issuer, drafts))
    )


def visible_documents(user) -> QuerySet[Document]:
    if user.is_superuser:
        return Document.objects.all()
    codes = Document.objects.values_list("issuer_code", flat=True).distinct()
    central = [code for code in codes if is_central(code)]
    return Document.objects.filter(
        Q(issuer_code__in=central)
        | ~Q(pk__in=Citation.objects.values("document"))
        | Q(pk__in=readable_citations(user).values("document"))
        | _under("issuer_unit__path", permissions.scope_paths(user, "orgs.view"))
    )
