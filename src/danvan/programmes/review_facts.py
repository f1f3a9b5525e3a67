"""What the joint review report says, as plain data (gathered by review_selectors.joint_review,
written out by joint_report.build)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from danvan.orgs.models import OrgUnit


@dataclass
class ProgressLine:
    content: str
    status: str
    status_label: str
    value: Decimal | None
    target: Decimal | None
    unit: str
    narrative: str
    accepted: bool


@dataclass
class Answer:
    """One reporting party: its name as of the report's period, its texts by joint-report part
    ("I", "II", "III-uu-diem", "III-han-che", "IV") in the template's order, its progress."""

    unit_code: str
    name: str  # short name ("Ủy ban nhân dân thành phố")
    full_name: str
    group: str
    reported: bool
    late: bool
    submitted_on: dt.date | None
    status_label: str
    texts: dict[str, list[str]] = field(default_factory=dict)
    progress: list[ProgressLine] = field(default_factory=list)
    assignment_id: int | None = None

    def texts_for(self, part: str) -> list[str]:
        return self.texts.get(part, [])

    @property
    def progress_counts(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for row in self.progress:
            counts[row.status_label] = counts.get(row.status_label, 0) + 1
        return list(counts.items())


@dataclass
class Group:
    label: str
    answers: list[Answer]


@dataclass
class CommitmentLine:
    content: str
    lead_name: str
    due_on: dt.date


@dataclass
class JointReview:
    review_id: int
    request_id: int
    board: OrgUnit
    board_name: str
    period_code: str
    period_words: str
    next_words: str
    deadline: dt.date
    programmes_phrase: str
    central: list[str]  # "Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP ngày 15/12/2021 …"
    plan_count: int
    commitment_count: int
    parties: list[Answer]
    groups: list[Group]
    status_counts: list[tuple[str, int]]
    overdue: list[CommitmentLine]
    upcoming: list[CommitmentLine]
    figures: list[list[str]]  # the annex table, header row first

    @property
    def answers(self) -> list[Answer]:
        return [a for a in self.parties if a.reported]
