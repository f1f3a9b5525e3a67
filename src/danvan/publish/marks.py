"""Where each footnote mark goes.

Word numbers footnotes in the order their marks appear, whatever their ids. The parsed
document lists each paragraph's note ids; a note whose mark the reader could not find (a
warning in the parsed document) has none. Such a note is marked right after the note before
it, so that the printed numbers still run 1, 2, 3… in id order and the text is kept.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def place_marks(
    paragraphs: Sequence[tuple[Hashable, Sequence[int]]], note_ids: Sequence[int]
) -> tuple[dict[Hashable, list[int]], list[int]]:
    """For (paragraph key, its note ids) in reading order and the ids of the notes that
    exist, return the ids to mark in each paragraph and the notes no paragraph can take
    (only when there is no mark at all to place them by)."""
    existing = set(note_ids)
    marks: dict[Hashable, list[int]] = {}
    holder: dict[int, Hashable] = {}
    for key, ids in paragraphs:
        kept = []
        for note_id in ids:
            # An id without a note has no text to show; a second mark for one note would
            # print the note twice.
            if note_id in existing and note_id not in holder:
                holder[note_id] = key
                kept.append(note_id)
        marks[key] = kept
    homeless = []
    for note_id in sorted(existing - set(holder)):
        lower = [i for i in holder if i < note_id]
        higher = [i for i in holder if i > note_id]
        if lower:
            anchor = max(lower)
            key = holder[anchor]
            marks[key].insert(marks[key].index(anchor) + 1, note_id)
        elif higher:
            anchor = min(higher)
            key = holder[anchor]
            marks[key].insert(marks[key].index(anchor), note_id)
        else:
            homeless.append(note_id)
            continue
        holder[note_id] = key
    return marks, homeless
