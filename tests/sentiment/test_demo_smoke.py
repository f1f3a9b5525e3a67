"""The demo: the samples' concerns and complaints are there, and loading again adds nothing."""

from danvan.sentiment.demo import load
from danvan.sentiment.models import (
    Collaborator,
    CollaboratorMeeting,
    Issue,
    IssueAction,
    IssueLink,
    Signal,
)


def counts():
    return [
        m.objects.count()
        for m in (Signal, Issue, IssueAction, IssueLink, Collaborator, CollaboratorMeeting)
    ]


def test_demo_loaded_once(db):
    assert Signal.objects.filter(unit__code__startswith="CT-DUK").count() == 13
    assert Issue.objects.filter(unit__code="DN-UBND").count() == 3
    con_dau = Issue.objects.get(title__contains="Cồn Dầu")
    assert [a.date.year for a in con_dau.actions.all()] == [2019, 2022]
    assert con_dau.links.filter(kind="mass_complaint", reference="482/TTCP-BTCDTW").exists()
    before = counts()
    assert load() == {"signals": 0, "issues": 0}
    assert counts() == before
