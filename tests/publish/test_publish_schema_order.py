"""Word refuses a file ("unreadable content") whose property elements are out of the order the
WordprocessingML schema (ECMA-376 Part 1) gives; LibreOffice does not mind, so it cannot
catch this. The sequences below are copied by hand from the schema's complex types."""

import zipfile

import pytest
from docx_probe import w
from lxml import etree
from sample_documents import danang_report, lam_dong_report

from danvan.publish import render_docx

ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings",
    "pBdr": "top left bottom right between bar",
}


def _out_of_order(root):
    for parent, sequence in ORDER.items():
        rank = {name: i for i, name in enumerate(sequence.split())}
        for el in root.iter(w(parent)):
            names = [etree.QName(child).localname for child in el]
            unknown = [n for n in names if n not in rank]
            ranks = [rank[n] for n in names if n in rank]
            if unknown or ranks != sorted(ranks):
                yield parent, names


@pytest.mark.parametrize(
    ("make", "layout"),
    [(danang_report, "party"), (danang_report, "party-2018"), (lam_dong_report, "state")],
)
def test_properties_in_schema_order(tmp_path, make, layout):
    path = tmp_path / "x.docx"
    render_docx(make(), path, layout)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml") and "styles" not in name:
                root = etree.fromstring(z.read(name))
                assert list(_out_of_order(root)) == [], name


def test_run_properties_come_first_in_a_run(tmp_path):
    path = tmp_path / "x.docx"
    render_docx(danang_report(), path)
    with zipfile.ZipFile(path) as z:
        for name in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(z.read(name))
            for run in root.iter(w("r")):
                rpr = run.find(w("rPr"))
                assert rpr is None or run.index(rpr) == 0
