"""The joint review report ("Báo cáo kết quả thực hiện Chương trình phối hợp … 6 tháng đầu năm
…") as a parsed document (schema danvan.parsed-document/1) the writer lays out, with the Đà Nẵng
sample's structure: I. Công tác phối hợp triển khai; II. Kết quả, one subsection per group of
partners as the programme groups them, each passage attributed to its party; III. Đánh giá
chung (ưu điểm; hạn chế, including who reported late or not at all, computed); IV. Phương
hướng. The partners' figures, summed as in every consolidation, go in a Phụ lục.

The facts come from review_selectors.joint_review(); this module only writes sentences."""

from __future__ import annotations

from danvan.issuing import selectors as issuing
from danvan.vn.formatting import format_number, format_short_date, format_symbol
from danvan.vn.text import fold

from .review_facts import Answer, JointReview
from .review_template import period_words

ANNEX_NOTE = " (số liệu tại Phụ lục kèm theo)"


def joined(names: list[str]) -> str:
    """ "A", "A và B", "A, B và C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def report_heading(period_code: str) -> str:
    """The trích yếu under "BÁO CÁO"."""
    words, next_words = period_words(period_code)
    if period_code[4:] in ("S1", "S2"):
        return (
            "Kết quả triển khai, thực hiện Chương trình phối hợp công tác dân vận "
            f"{words}, nhiệm vụ trọng tâm {next_words}"
        )
    return (
        "Kết quả triển khai, thực hiện Chương trình phối hợp công tác dân vận "
        f"{words}, phương hướng, nhiệm vụ {next_words}"
    )


def request_title(period_code: str) -> str:
    heading = report_heading(period_code)
    return f"Báo cáo {heading[:1].lower()}{heading[1:]}"


def _para(text: str, footnotes: list[int] | None = None) -> dict:
    return {"text": text, "footnotes": footnotes or []}


def _starts_with_name(text: str, names: list[str]) -> bool:
    head = fold(text[:120])
    return any(name and head.startswith(fold(name)) for name in names)


def attributed(answer: Answer, text: str) -> list[dict]:
    """A party's passage: its paragraphs, the first opening with the party's name unless the
    party already wrote it ("Ủy ban nhân dân thành phố ban hành …")."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return []
    if not _starts_with_name(lines[0], [answer.name, answer.full_name]):
        lines[0] = f"{answer.name}: {lines[0]}"
    return [_para(line) for line in lines]


def _section(label, title: str, level: int, paragraphs=None, children=None) -> dict:
    return {
        "label": label,
        "title": title,
        "level": level,
        "paragraphs": paragraphs or [],
        "children": children or [],
    }


def _passages(facts: JointReview, part: str, answers: list[Answer] | None = None) -> list[dict]:
    paragraphs: list[dict] = []
    for answer in answers if answers is not None else facts.answers:
        for text in answer.texts_for(part):
            paragraphs.extend(attributed(answer, text))
    return paragraphs


def _progress_lines(answer: Answer) -> list[dict]:
    if not answer.progress:
        return []
    counts = ", ".join(f"{n} {label.lower()}" for label, n in answer.progress_counts)
    lines = [
        _para(f"{answer.name} báo cáo tiến độ {len(answer.progress)} nhiệm vụ phối hợp: {counts}.")
    ]
    for row in answer.progress:
        text = f"- {row.content}: {row.status_label.lower()}"
        if row.value is not None:
            text += f" ({format_number(row.value)}"
            text += f"/{format_number(row.target)} {row.unit})" if row.target else f" {row.unit})"
        if row.narrative:
            text += f"; {row.narrative.strip().rstrip('.')}"
        lines.append(_para(text + "."))
    return lines


def _part_one(facts: JointReview, footnotes: list[dict]) -> dict:
    partners = joined([a.name for a in facts.parties])
    basis = ""
    note_ids: list[int] = []
    if facts.central:
        note_ids = [len(footnotes) + 1]
        footnotes.append({"id": note_ids[0], "text": "; ".join(facts.central) + "."})
        basis = "Trên cơ sở các Chương trình phối hợp của Trung ương, "
    opening = (
        f"{basis}{facts.board_name} đã phối hợp với {partners} triển khai thực hiện "
        f"{facts.plan_count} kế hoạch phối hợp với {facts.commitment_count} nhiệm vụ phối hợp "
        f"trong {facts.period_words}."
    )
    paragraphs = [_para(opening, note_ids), *_passages(facts, "I")]
    return _section("I", "Công tác phối hợp triển khai", 1, paragraphs)


def _part_two(facts: JointReview) -> dict:
    children = []
    for n, group in enumerate(facts.groups, start=1):
        paragraphs: list[dict] = []
        for answer in group.answers:
            paragraphs.extend(_passages(facts, "II", [answer]))
            paragraphs.extend(_progress_lines(answer))
            if not answer.reported:
                paragraphs.append(_para(f"{answer.name} chưa gửi báo cáo kỳ này."))
        title = "Kết quả thực hiện Chương trình phối hợp với " + joined(
            [a.name for a in group.answers]
        )
        children.append(_section(str(n), title, 2, paragraphs))
    return _section("II", "Kết quả triển khai thực hiện", 1, children=children)


def timeliness_sentence(facts: JointReview) -> str:
    late = [a for a in facts.parties if a.reported and a.late]
    missing = [a for a in facts.parties if not a.reported]
    if not late and not missing:
        return (
            f"Các đơn vị đều gửi báo cáo đúng hạn ({format_short_date(facts.deadline)}) "
            "theo tiến độ chương trình phối hợp."
        )
    parts = []
    if late:
        parts.append(
            "gửi báo cáo chậm so với hạn "
            f"{format_short_date(facts.deadline)}: "
            + joined([f"{a.name} (gửi ngày {format_short_date(a.submitted_on)})" for a in late])
        )
    if missing:
        parts.append("chưa gửi báo cáo: " + joined([a.name for a in missing]))
    return (
        "Việc chấp hành chế độ thông tin, báo cáo chưa đúng tiến độ chương trình phối hợp đã đề "
        "ra: " + "; ".join(parts) + "."
    )


def _part_three(facts: JointReview) -> dict:
    summary = (
        f"Trong {facts.period_words}, "
        + (
            ", ".join(f"{n} {label.lower()}" for label, n in facts.status_counts)
            if facts.status_counts
            else "chưa có nhiệm vụ nào được báo cáo tiến độ"
        )
        + f" trên tổng số {facts.commitment_count} nhiệm vụ phối hợp."
    )
    shortcomings = _passages(facts, "III-han-che")
    shortcomings.append(_para(timeliness_sentence(facts)))
    if facts.overdue:
        shortcomings.append(
            _para(
                "Nhiệm vụ đã quá hạn nhưng chưa hoàn thành: "
                + "; ".join(
                    f"{c.content} ({c.lead_name}, hạn {format_short_date(c.due_on)})"
                    for c in facts.overdue
                )
                + "."
            )
        )
    return _section(
        "III",
        "Đánh giá chung",
        1,
        [_para(summary)],
        [
            _section("1", "Ưu điểm", 2, _passages(facts, "III-uu-diem")),
            _section("2", "Hạn chế", 2, shortcomings),
        ],
    )


def _part_four(facts: JointReview) -> dict:
    paragraphs = [
        _para(
            f"Tiếp tục triển khai thực hiện có hiệu quả {facts.programmes_phrase}; tăng cường "
            "phối hợp, nắm tình hình Nhân dân, trao đổi thông tin kịp thời và chấp hành chế độ "
            "thông tin, báo cáo đúng tiến độ chương trình phối hợp đã đề ra."
        ),
        *_passages(facts, "IV"),
    ]
    if facts.upcoming:
        paragraphs.append(
            _para(
                f"Các nhiệm vụ phối hợp đến hạn trong {facts.next_words}: "
                + "; ".join(
                    f"{c.content} ({c.lead_name}, hạn {format_short_date(c.due_on)})"
                    for c in facts.upcoming
                )
                + "."
            )
        )
    return _section("IV", f"Phương hướng, nhiệm vụ {facts.next_words}", 1, paragraphs)


def build(facts: JointReview, options: issuing.ExportOptions) -> dict:
    names = issuing.issuer_names(facts.board, options.day)
    footnotes: list[dict] = []
    outline = [_part_one(facts, footnotes), _part_two(facts), _part_three(facts)]
    outline.append(_part_four(facts))
    tables = []
    if len(facts.figures) > 1:
        tables = [
            {
                "rows": facts.figures,
                "after_paragraph": None,
                "annex": f"Số liệu tổng hợp {facts.period_words}",
            }
        ]
    programmes = facts.programmes_phrase
    preamble = [
        _para(
            f"Thực hiện {programmes} (gọi tắt là các Chương trình phối hợp), {facts.board_name} "
            f"báo cáo kết quả triển khai thực hiện Chương trình phối hợp trong "
            f"{facts.period_words}, nhiệm vụ trọng tâm {facts.next_words}, như sau"
            f"{ANNEX_NOTE if tables else ''}:"
        )
    ]
    heading = report_heading(facts.period_code)
    header = {
        "parent_issuer": names.parent_issuer,
        "issuer": names.issuer,
        "number": f"{options.number:02d}" if options.number else None,
        "symbol": format_symbol(
            options.number or "",
            issuing.REPORT_TYPE_CODE,
            names.unit.issuer_code,
            system=names.form,
        ),
        "type_code": issuing.REPORT_TYPE_CODE,
        "place": options.place or None,
        "date": options.day.isoformat(),
        "type_name": issuing.REPORT_TYPE_NAME,
        "title": heading,
        "addressees": [],
    }
    return {
        "schema": issuing.SCHEMA,
        "source": {"name": f"danh-gia-chuong-trinh-{facts.review_id}", "format": "danvan"},
        "form": names.form,
        "header": header,
        "preamble": preamble,
        "outline": outline,
        "tables": tables,
        "footnotes": footnotes,
        "references": [],
        "figures": [],
        "closing": {
            "recipients": [r.strip() for r in options.recipients if r.strip()],
            "signature": {
                "authority": [a.strip() for a in options.authority if a.strip()],
                "title": options.signer_title.strip() or None,
                "name": options.signer_name.strip() or None,
            },
        },
        "properties": {"author": names.unit.name},
        "warnings": [],
    }
