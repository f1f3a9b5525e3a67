"""Contract invariants on every sample file: the rules of parsed-document.md that hold for
any document, checked on all of them."""

import json
import unicodedata

import pytest

from danvan.ingest import parse_file

from .conftest import CORPUS, SEEDS

FILES = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.iterdir())


@pytest.fixture(scope="module", params=FILES, ids=lambda p: p.name)
def parsed(request):
    return parse_file(request.param)


def test_each_footnote_is_in_exactly_one_paragraph_or_warned(parsed):
    holders = {}
    for paragraph in parsed.paragraphs():
        for k in paragraph.footnotes:
            holders[k] = holders.get(k, 0) + 1
    for note in parsed.footnotes:
        if holders.get(note.id) != 1:
            assert any(f"footnote {note.id}:" in w for w in parsed.warnings), note.id
    assert [n.id for n in parsed.footnotes] == sorted(n.id for n in parsed.footnotes)


def test_text_is_clean_nfc_unicode(parsed):
    dumped = json.dumps(parsed.to_dict(), ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", dumped)
    for bad in ("\ue000", "\ue001", "\ufffe", "\u01a3", "\u01a2", "\u00d0", "\x00"):
        assert bad not in dumped


def test_symbols_have_no_spaces_and_dates_are_iso(parsed):
    for ref in parsed.references:
        assert " " not in ref.symbol
        assert ref.system == ("party" if "-" in ref.symbol.split("/")[0] else "state")
        assert ref.date is None or (len(ref.date) == 10 and ref.date[4] == "-")
        assert ref.where in ("body", "footnote", "header")
    if parsed.header.symbol:
        assert " " not in parsed.header.symbol


def test_recipients_are_trimmed(parsed):
    for entry in parsed.closing.recipients:
        assert not entry.startswith(("-", " ")) and not entry.endswith((";", ",", ".", " "))


def test_same_bytes_same_output(parsed):
    again = parse_file(next(p for p in FILES if p.name == parsed.source.name))
    assert json.dumps(again.to_dict(), ensure_ascii=False) == json.dumps(
        parsed.to_dict(), ensure_ascii=False
    )
