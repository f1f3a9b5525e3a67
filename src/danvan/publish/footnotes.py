"""Real Word footnotes: the footnotes part and the reference marks in the body.

python-docx writes no footnotes, so the part is built here: word/footnotes.xml with the two
special footnotes Word expects (separator id -1, continuation separator id 0), one w:footnote
per note, related to the main document part and registered in [Content_Types].xml by the
package when saved.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from danvan.publish.layouts import Style
from danvan.publish.ooxml import add_run, format_paragraph, mark_style

# The separator runs name the font too: the rules want Times New Roman in every run.
_FONTS = (
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
    ' w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:color w:val="000000"/></w:rPr>'
)
_EMPTY_PART = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    f' w:lineRule="auto"/></w:pPr><w:r>{_FONTS}<w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    f' w:line="240" w:lineRule="auto"/></w:pPr><w:r>{_FONTS}<w:continuationSeparator/></w:r>'
    "</w:p></w:footnote></w:footnotes>"
)


class Footnotes:
    """Collects footnotes for one document and writes their references into body runs."""

    def __init__(self, document, style: Style):
        self._style = style
        self._root = parse_xml(_EMPTY_PART)
        part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            self._root,
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        self._written: set[int] = set()

    def reference(self, paragraph: Paragraph, note_id: int, text: str, body_style: Style) -> None:
        """Append the superscript mark for note `note_id` to the paragraph and write the note.

        The note keeps the id it had in the source, so ids in the DOCX match the parsed input.
        """
        run = add_run(paragraph, "", body_style, superscript=True)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note_id))
        run._r.append(ref)
        if note_id not in self._written:
            self._written.add(note_id)
            self._root.append(self._note(note_id, text))

    def _note(self, note_id: int, text: str):
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        p = OxmlElement("w:p")
        note.append(p)
        paragraph = Paragraph(p, None)
        format_paragraph(paragraph, "justify")
        mark_style(paragraph, self._style)
        mark = add_run(paragraph, "", self._style, superscript=True)
        mark._r.append(OxmlElement("w:footnoteRef"))
        add_run(paragraph, " " + text, self._style)
        return note
