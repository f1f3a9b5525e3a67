"""Two revisions side by side, for people: indicator names and section titles in the
template's order, figures in Vietnamese format, and each changed paragraph with the words
that changed marked (the API keeps the key-based diff of `selectors.compare`)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from itertools import zip_longest

from danvan.indicators.validation import field_label

from .models import ReportTemplate, Revision
from .outline import flat_sections
from .selectors import shown_value, template_indicators


@dataclass
class Segment:
    text: str
    changed: bool = False


@dataclass
class LinePair:
    """One paragraph before and after; None where the paragraph does not exist on that side."""

    before: list[Segment] | None
    after: list[Segment] | None

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        changed = any(s.changed for s in self.before) or any(s.changed for s in self.after)
        return "changed" if changed else "same"


@dataclass
class SectionChange:
    heading: str
    lines: list[LinePair] = field(default_factory=list)


@dataclass
class ValueChange:
    label: str
    unit: str
    before: str
    after: str


@dataclass
class Comparison:
    values: list[ValueChange]
    sections: list[SectionChange]


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def _words(before: str, after: str) -> tuple[list[Segment], list[Segment]]:
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    left: list[Segment] = []
    right: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            left.append(Segment("".join(a[i1:i2]), tag != "equal"))
        if j2 > j1:
            right.append(Segment("".join(b[j1:j2]), tag != "equal"))
    return left, right


def _paragraphs(before: str, after: str) -> list[LinePair]:
    a, b = before.splitlines(), after.splitlines()
    pairs: list[LinePair] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(LinePair([Segment(line)], [Segment(line)]) for line in a[i1:i2])
            continue
        for old, new in zip_longest(a[i1:i2], b[j1:j2]):
            if old is None:
                pairs.append(LinePair(None, [Segment(new, True)]))
            elif new is None:
                pairs.append(LinePair([Segment(old, True)], None))
            else:
                pairs.append(LinePair(*_words(old, new)))
    return pairs


def _value_rows(template: ReportTemplate) -> list[tuple[str, str, str]]:
    """(key, label, unit) of the template's form, in form order."""
    rows = []
    for indicator in template_indicators(template):
        rows.append((indicator.code, field_label(indicator), indicator.unit_of_measure))
        if indicator.category_id:
            for option in indicator.category.options.all():
                rows.append(
                    (
                        f"{indicator.code}:{option.code}",
                        field_label(indicator, option),
                        indicator.unit_of_measure,
                    )
                )
    return rows


def compare_revisions(template: ReportTemplate, first: Revision, second: Revision) -> Comparison:
    rows = _value_rows(template)
    known = {key for key, _, _ in rows}
    rows += [(key, key, "") for key in sorted((set(first.values) | set(second.values)) - known)]
    values = [
        ValueChange(
            label, unit, shown_value(first.values.get(key)), shown_value(second.values.get(key))
        )
        for key, label, unit in rows
        if first.values.get(key) != second.values.get(key)
    ]
    headings = [
        (s["key"], f"{s['label']}. {s['title']}" if s["label"] else s["title"])
        for s in flat_sections(template.sections)
    ]
    known = {key for key, _ in headings}
    headings.append(("khac", "Nội dung khác"))
    headings += [
        (key, key)
        for key in sorted((set(first.sections) | set(second.sections)) - known - {"khac"})
    ]
    sections = []
    for key, heading in headings:
        before, after = str(first.sections.get(key, "")), str(second.sections.get(key, ""))
        if before != after:
            sections.append(SectionChange(heading, _paragraphs(before, after)))
    return Comparison(values=values, sections=sections)
