"""Small hand-built inputs for robustness tests (no fixtures from the internet)."""

from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(
    document_xml: str | bytes, extra: dict[str, bytes] | None = None, compress=zipfile.ZIP_DEFLATED
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compress) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def document_xml(*paragraphs: str, font: str | None = None) -> str:
    props = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    body = "".join(
        f'<w:p><w:r>{props}<w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def pdf_bytes(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """Assemble a PDF from numbered objects with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, trailer_extra, xref)
    )
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """A one-page PDF whose standard security handler needs a password we do not have."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    ]
    return pdf_bytes(
        objects,
        b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ",
    )


def blank_pdf(pages: int) -> bytes:
    """Pages with no text layer, like a scan without OCR."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    return pdf_bytes(objects)


def text_pdf(lines: list[str]) -> bytes:
    """A PDF with a real text layer (Helvetica, ASCII lines)."""
    stream = (
        b"BT /F1 12 Tf 72 770 Td 16 TL "
        + b"".join(b"(" + line.encode("latin-1") + b") Tj T* " for line in lines)
        + b"ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_bytes(objects)


def full_docx(
    header_rows: list[tuple[str, str]],
    body: list[str],
    footnotes: dict[int, str],
    closing: tuple[list[str], list[str]],
) -> bytes:
    """A complete Word package built by hand: a two-column header table, body paragraphs
    where "[n]" becomes a real footnote reference (superscript), the footnotes part, and a
    two-column closing table (Nơi nhận | signature)."""
    import re as _re
    from xml.sax.saxutils import escape as _esc

    def para(text: str, align: str | None = None, bold: bool = False) -> str:
        props = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
        runs = []
        for piece in _re.split(r"(\[\d+\])", text):
            if not piece:
                continue
            mark = _re.fullmatch(r"\[(\d+)\]", piece)
            if mark:
                runs.append(
                    '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{mark.group(1)}"/></w:r>'
                )
            else:
                b = "<w:b/>" if bold else ""
                runs.append(
                    f'<w:r><w:rPr>{b}<w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{_esc(piece)}</w:t></w:r>'
                )
        return f"<w:p>{props}{''.join(runs)}</w:p>"

    def cell(lines: list[str]) -> str:
        inner = "".join(para(line, "center") for line in lines) or "<w:p/>"
        return f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{inner}</w:tc>'

    def table(left: list[str], right: list[str]) -> str:
        return (
            '<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
            f"<w:tr>{cell(left)}{cell(right)}</w:tr></w:tbl>"
        )

    header = table([r[0] for r in header_rows if r[0]], [r[1] for r in header_rows if r[1]])
    paragraphs = "".join(para(text) for text in body)
    closing_table = table(*closing)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{header}{paragraphs}{closing_table}"
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr>'
        "</w:body></w:document>"
    )
    notes = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {_esc(v)}</w:t></w:r></w:p></w:footnote>'
        for k, v in footnotes.items()
    )
    footnotes_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f"{notes}</w:footnotes>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/_rels/document.xml.rels", doc_rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", footnotes_xml)
    return buffer.getvalue()


def layout_pdf(pages: list[list[tuple[float, float, float, str]]]) -> bytes:
    """A PDF whose pages hold text runs placed exactly: (font size, x, y, ASCII text)."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for runs in pages:
        stream = b"".join(
            b"BT /F1 %.1f Tf %.1f %.1f Td (" % (size, x, y) + text.encode("latin-1") + b") Tj ET\n"
            for size, x, y, text in runs
        )
        page_number = len(objects) + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (page_number + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_bytes(objects)


NUMBERING_XML = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)


def numbered_document_xml(items: list[tuple[int | None, str]]) -> str:
    """Paragraphs with Word automatic numbering at a level (None: not numbered)."""
    body = ""
    for level, text in items:
        num = (
            f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr></w:pPr>'
            if level is not None
            else ""
        )
        body += f'<w:p>{num}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
