"""The font a DOCX run is set in when the run itself does not name one: its character
style, then its paragraph's style (following `basedOn`), then the document defaults.

Needed for legacy-encoded files: LibreOffice's DOCX of an old .doc declares ".VnTime" on the
Normal style and ".VnTimeH" (TCVN3 capitals) on the heading styles, not on each run.
"""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _font_of(props) -> str | None:
    if props is None:
        return None
    fonts = props.find(_q("rFonts"))
    if fonts is None:
        return None
    return fonts.get(_q("ascii")) or fonts.get(_q("hAnsi"))


class Styles:
    def __init__(self, root=None) -> None:
        self.fonts: dict[str, str | None] = {}
        self.based_on: dict[str, str] = {}
        self.default: str | None = None
        self.default_paragraph: str | None = None
        if root is None:
            return
        defaults = root.find(f"{_q('docDefaults')}/{_q('rPrDefault')}/{_q('rPr')}")
        self.default = _font_of(defaults)
        for style in root.iter(_q("style")):
            style_id = style.get(_q("styleId"))
            if not style_id:
                continue
            self.fonts[style_id] = _font_of(style.find(_q("rPr")))
            parent = style.find(_q("basedOn"))
            if parent is not None and parent.get(_q("val")):
                self.based_on[style_id] = parent.get(_q("val"))
            if style.get(_q("type")) == "paragraph" and style.get(_q("default")) in ("1", "true"):
                self.default_paragraph = style_id

    def font(self, style_id: str | None) -> str | None:
        """The font a style sets, through its `basedOn` chain (None when none does)."""
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            font = self.fonts.get(style_id)
            if font:
                return font
            style_id = self.based_on.get(style_id)
        return None

    def run_font(self, run, paragraph) -> str | None:
        """The run's own font, else its character style's, its paragraph style's, the
        default paragraph style's, the document default."""
        props = run.find(_q("rPr"))
        own = _font_of(props)
        if own:
            return own
        if props is not None:
            style = props.find(_q("rStyle"))
            font = self.font(style.get(_q("val")) if style is not None else None)
            if font:
                return font
        paragraph_style = None
        if paragraph is not None:
            p_props = paragraph.find(_q("pPr"))
            style = p_props.find(_q("pStyle")) if p_props is not None else None
            paragraph_style = style.get(_q("val")) if style is not None else None
        return self.font(paragraph_style or self.default_paragraph) or self.default
