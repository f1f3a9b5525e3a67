"""Read back what a written DOCX says, straight from its XML, for the layout tests.

Values come out in the units the rules use (points, millimetres) so that tests compare them
with numbers written from document-layout.md.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R}
TWIPS_PER_MM = 1440 / 25.4


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class RunInfo:
    text: str
    size: float | None
    bold: bool
    italic: bool
    underline: bool
    fonts: dict
    superscript: bool


def _on(rpr, tag: str) -> bool:
    el = rpr.find(w(tag)) if rpr is not None else None
    if el is None:
        return False
    return el.get(w("val"), "true") not in ("0", "false", "none")


def run_info(r) -> RunInfo:
    rpr = r.find(w("rPr"))
    sz = rpr.find(w("sz")) if rpr is not None else None
    fonts_el = rpr.find(w("rFonts")) if rpr is not None else None
    fonts = (
        {}
        if fonts_el is None
        else {etree.QName(k).localname: v for k, v in fonts_el.attrib.items()}
    )
    vert = rpr.find(w("vertAlign")) if rpr is not None else None
    return RunInfo(
        text="".join(t.text or "" for t in r.iter(w("t"))),
        size=int(sz.get(w("val"))) / 2 if sz is not None else None,
        bold=_on(rpr, "b"),
        italic=_on(rpr, "i"),
        underline=_on(rpr, "u"),
        fonts=fonts,
        superscript=vert is not None and vert.get(w("val")) == "superscript",
    )


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


class Probe:
    def __init__(self, path: Path | str):
        with zipfile.ZipFile(path) as z:
            self.names = set(z.namelist())
            self.document = etree.fromstring(z.read("word/document.xml"))
            self.footnotes = (
                etree.fromstring(z.read("word/footnotes.xml"))
                if "word/footnotes.xml" in self.names
                else None
            )
            self.content_types = z.read("[Content_Types].xml").decode()
            self.rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
            self.parts = {
                name: etree.fromstring(z.read(name))
                for name in self.names
                if name.startswith("word/header") and name.endswith(".xml")
            }

    # --- body -----------------------------------------------------------------------------
    def paragraphs(self):
        return list(self.document.iter(w("p")))

    def paragraph(self, starts_with: str):
        found = [p for p in self.paragraphs() if text_of(p).startswith(starts_with)]
        assert found, f"no paragraph starts with {starts_with!r}"
        return found[0]

    def runs(self, p) -> list[RunInfo]:
        return [run_info(r) for r in p.iter(w("r")) if text_of(r)]

    def all_runs(self):
        roots = [self.document, *self.parts.values()]
        if self.footnotes is not None:
            roots.append(self.footnotes)
        for root in roots:
            yield from root.iter(w("r"))

    def body_texts(self) -> list[str]:
        return [text_of(p) for p in self.paragraphs()]

    # --- paragraph properties ------------------------------------------------------------
    @staticmethod
    def alignment(p) -> str | None:
        jc = p.find(f"{w('pPr')}/{w('jc')}")
        return None if jc is None else jc.get(w("val"))

    @staticmethod
    def first_line_mm(p) -> float:
        ind = p.find(f"{w('pPr')}/{w('ind')}")
        if ind is None or ind.get(w("firstLine")) is None:
            return 0.0
        return int(ind.get(w("firstLine"))) / TWIPS_PER_MM

    @staticmethod
    def spacing(p) -> dict:
        sp = p.find(f"{w('pPr')}/{w('spacing')}")
        return {} if sp is None else {etree.QName(k).localname: v for k, v in sp.attrib.items()}

    # --- section -------------------------------------------------------------------------
    def sect_pr(self):
        return self.document.find(f"{w('body')}/{w('sectPr')}")

    def page_mm(self) -> tuple[float, float]:
        size = self.sect_pr().find(w("pgSz"))
        return int(size.get(w("w"))) / TWIPS_PER_MM, int(size.get(w("h"))) / TWIPS_PER_MM

    def margins_mm(self) -> dict:
        mar = self.sect_pr().find(w("pgMar"))
        return {
            k: int(mar.get(w(k))) / TWIPS_PER_MM
            for k in ("top", "bottom", "left", "right", "header")
        }

    def header_part(self, kind: str):
        ref = self.sect_pr().find(f"{w('headerReference')}[@{w('type')}='{kind}']")
        if ref is None:
            return None
        rid = ref.get(f"{{{R}}}id")
        rel = self.rels.find(f"{{{PKG_REL}}}Relationship[@Id='{rid}']")
        return self.parts["word/" + rel.get("Target")]

    # --- footnotes -----------------------------------------------------------------------
    def footnote_texts(self) -> dict[int, str]:
        notes = {}
        for note in self.footnotes.iter(w("footnote")):
            note_id = int(note.get(w("id")))
            if note_id > 0:
                notes[note_id] = text_of(note).strip()
        return notes

    def footnote_reference_ids(self) -> list[int]:
        return [int(ref.get(w("id"))) for ref in self.document.iter(w("footnoteReference"))]
