from danvan.sentiment.models import Issue, Signal


def test_demo_loaded(db):
    assert Signal.objects.filter(unit__code__startswith="CT-DUK").count() == 13
    assert Issue.objects.count() == 4
