"""The lifecycle of a model or exemplar: which status may follow which, and who moves it.

dự kiến → đăng ký → ra mắt → đang triển khai → đánh giá → hiệu quả → công nhận →
tiêu biểu / khen thưởng → nhân rộng; or chưa hiệu quả → củng cố / dừng. An entry that is
effective or recognised goes back to "đánh giá" for its yearly re-assessment without losing
its recognitions.
"""

from __future__ import annotations

from .models import Conclusion, RecognitionForm, Status

S = Status

NEXT: dict[str, tuple[str, ...]] = {
    S.PLANNED: (S.REGISTERED, S.STOPPED),
    S.REGISTERED: (S.LAUNCHED, S.STOPPED),
    S.LAUNCHED: (S.RUNNING, S.STOPPED),
    S.RUNNING: (S.ASSESSING, S.STOPPED),
    S.ASSESSING: (S.EFFECTIVE, S.INEFFECTIVE),
    S.EFFECTIVE: (S.RECOGNISED, S.ASSESSING),
    S.RECOGNISED: (S.OUTSTANDING, S.AWARDED, S.REPLICATED, S.ASSESSING),
    S.OUTSTANDING: (S.AWARDED, S.REPLICATED, S.ASSESSING),
    S.AWARDED: (S.REPLICATED, S.ASSESSING),
    S.REPLICATED: (S.ASSESSING,),
    S.INEFFECTIVE: (S.CONSOLIDATING, S.STOPPED),
    S.CONSOLIDATING: (S.RUNNING, S.ASSESSING, S.STOPPED),
    S.STOPPED: (),
}

# The statuses a unit moves its own entry to; the others come from an assessment (hiệu quả,
# chưa hiệu quả) or a recognition decision (công nhận, tiêu biểu, khen thưởng, nhân rộng).
BY_UNIT = frozenset({S.REGISTERED, S.LAUNCHED, S.RUNNING, S.ASSESSING, S.CONSOLIDATING, S.STOPPED})
BY_ASSESSMENT = frozenset({S.EFFECTIVE, S.INEFFECTIVE})
BY_RECOGNITION = frozenset({S.RECOGNISED, S.OUTSTANDING, S.AWARDED, S.REPLICATED})

# Registered and not stopped: "duy trì" at a date.
MAINTAINED = frozenset(set(Status.values) - {S.PLANNED, S.STOPPED})
# The statuses an entry keeps when a new assessment finds it effective again.
RECOGNISED_STATES = frozenset({S.RECOGNISED, S.OUTSTANDING, S.AWARDED, S.REPLICATED})
ASSESSABLE = frozenset(
    {S.RUNNING, S.ASSESSING, S.EFFECTIVE, S.CONSOLIDATING, S.INEFFECTIVE} | RECOGNISED_STATES
)
RECOGNISABLE = frozenset({S.EFFECTIVE} | RECOGNISED_STATES)

# How far along the ladder a status is, so a lower recognition never moves an entry back.
_RANK = {S.EFFECTIVE: 0, S.RECOGNISED: 1, S.OUTSTANDING: 2, S.AWARDED: 3, S.REPLICATED: 4}


class TransitionRefused(ValueError):
    """Carries a Vietnamese message."""


def label(status: str) -> str:
    return Status(status).label if status in Status.values else status


def check_manual(current: str, target: str) -> None:
    """A status change a unit asks for by hand."""
    if target not in Status.values:
        raise TransitionRefused("Trạng thái không hợp lệ.")
    if target in BY_ASSESSMENT:
        raise TransitionRefused(
            f"Trạng thái “{label(target)}” chỉ có được qua một lần đánh giá theo bộ tiêu chí."
        )
    if target in BY_RECOGNITION - {S.REPLICATED}:
        raise TransitionRefused(
            f"Trạng thái “{label(target)}” chỉ có được qua quyết định công nhận, khen thưởng."
        )
    if target not in NEXT.get(current, ()):
        allowed = ", ".join(f"“{label(s)}”" for s in NEXT.get(current, ())) or "không có"
        raise TransitionRefused(
            f"Không chuyển được từ “{label(current)}” sang “{label(target)}”; "
            f"trạng thái tiếp theo được phép: {allowed}."
        )


def after_assessment(current: str, conclusion: str) -> str:
    if current not in ASSESSABLE:
        raise TransitionRefused(
            f"Mô hình đang ở trạng thái “{label(current)}” nên chưa đánh giá được; "
            "cần ra mắt và triển khai trước."
        )
    if conclusion == Conclusion.EFFECTIVE:
        return current if current in RECOGNISED_STATES else S.EFFECTIVE
    if conclusion == Conclusion.INEFFECTIVE:
        return S.INEFFECTIVE
    return S.STOPPED


def after_recognition(current: str, form: str) -> str:
    if current not in RECOGNISABLE:
        raise TransitionRefused(
            f"Mô hình đang ở trạng thái “{label(current)}”; chỉ công nhận, khen thưởng được "
            "mô hình đã được đánh giá hiệu quả."
        )
    if form == RecognitionForm.RECOGNITION:
        target = S.RECOGNISED
    elif form == RecognitionForm.OUTSTANDING:
        target = S.OUTSTANDING
    else:
        target = S.AWARDED
    return target if _RANK[target] > _RANK[current] else current
