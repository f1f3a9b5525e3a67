"""The narrative of a roll-up: each counted report's latest texts gathered under the template's
sections, always in the outline's reading order (I, II, 1, 2, III), whatever order the units'
texts were stored in; text outside the outline under "Nội dung khác" at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery

from danvan.reporting.models import ReportRequest, ReportTemplate, Revision
from danvan.reporting.outline import flat_sections

OTHER_KEY = "khac"


@dataclass
class Passage:
    unit_name: str
    text: str


@dataclass
class Section:
    key: str
    label: str
    title: str
    level: int
    passages: list[Passage] = field(default_factory=list)


def _flatten(outline: list[dict]) -> list[Section]:
    return [Section(s["key"], s["label"], s["title"], s["level"]) for s in flat_sections(outline)]


def _with_content(sections: list[Section]) -> list[Section]:
    """The sections that have passages, with the headings above them (a "1. Ưu điểm" with text
    keeps its "II. Đánh giá chung"), in the same order."""
    kept: list[Section] = []
    # Walking backwards, the nearest earlier section above the last kept one's level is its
    # parent: kept too, and then its own parent, and so on.
    ancestors_above = 0
    for section in reversed(sections):
        if section.passages or section.level < ancestors_above:
            kept.append(section)
            ancestors_above = section.level
    return list(reversed(kept))


def gather(revisions, request: ReportRequest | None, counted: list[int]) -> list[Section]:
    """`revisions`: the counted submissions' revisions (any number per submission); the latest of
    each is read. With a request, every section of its template is listed (empty ones too, so
    the page shows what is still missing); without one, the sections of the counted requests'
    templates that have text, in the outline order of the first request that has them."""
    latest_number = (
        Revision.objects.filter(submission=OuterRef("submission"))
        .order_by("-number")
        .values("number")[:1]
    )
    rows = list(
        revisions.filter(number=Subquery(latest_number))
        .order_by("submission__assignment__unit_path")
        .values_list("sections", "submission__assignment__unit_name")
    )
    if request is not None:
        outlines = [request.template.sections]
    else:
        template_ids = list(
            ReportRequest.objects.filter(pk__in=counted)
            .order_by("pk")
            .values_list("template_id", flat=True)
        )
        by_id = dict(
            ReportTemplate.objects.filter(id__in=template_ids).values_list("id", "sections")
        )
        outlines = [by_id[template_id] for template_id in dict.fromkeys(template_ids)]
    sections: dict[str, Section] = {}
    for outline in outlines:
        for section in _flatten(outline):
            sections.setdefault(section.key, section)
    other = Section(OTHER_KEY, "", "Nội dung khác", 1)
    for texts, unit_name in rows:
        for key, text in texts.items():
            sections.get(key, other).passages.append(Passage(unit_name, text))
    result = list(sections.values())
    if request is None:
        result = _with_content(result)
    if other.passages:
        result.append(other)
    return result
