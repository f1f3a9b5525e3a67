"""Trust, second signatures and changes after signing, on PDFs signed in the test.

Synthetic: the real files' CAs (Ban Cơ yếu Chính phủ) cannot be fetched here, so the test
makes its own CA with `cryptography` and signs a small text PDF with pyHanko."""

import datetime as dt

import pytest

from danvan.ingest import parse_bytes
from danvan.ingest.signatures import (
    PROBLEM_CERTIFICATE,
    PROBLEM_MODIFIED,
    PROBLEM_NO_ANCHOR,
    PROBLEM_OFFLINE,
    read_signatures,
)

from .builders import text_pdf
from .signing import make_ca, make_signer, redraw_page, sign

LETTER = ["So: 12/SNV-TCBC", "Noi dung van ban ve cong tac dan van."]


@pytest.fixture(scope="module")
def ca():
    return make_ca()


@pytest.fixture(scope="module")
def signed(ca):
    who = make_signer(ca, "Trần Văn A", "SỞ NỘI VỤ TỈNH LÂM ĐỒNG", "VĂN PHÒNG")
    return sign(text_pdf(LETTER), who, "Signature1")


@pytest.fixture(scope="module")
def anchor(ca, tmp_path_factory):
    return ca.write(tmp_path_factory.mktemp("anchors") / "ca.pem")


def test_trusted_with_the_installed_anchor(signed, anchor):
    doc = parse_bytes(signed, "da-ky.pdf", trust_anchors=[anchor])
    (sig,) = doc.signatures
    assert (sig.signer, sig.organisation) == ("Trần Văn A", "VĂN PHÒNG, SỞ NỘI VỤ TỈNH LÂM ĐỒNG")
    assert sig.covers_whole_file is True and sig.modified_after is False
    assert sig.certificate_valid_at_signing is True
    assert sig.problems == [PROBLEM_OFFLINE]  # revocation is never fetched
    assert dt.datetime.fromisoformat(sig.signed_at).year >= 2025
    assert "Noi dung van ban" in doc.paragraphs()[0].text or any(
        "Noi dung van ban" in p.text for p in doc.paragraphs()
    )


def test_anchor_folder_works_like_a_file(signed, anchor):
    (sig,) = read_signatures(signed, trust_anchors=[anchor.parent])
    assert sig.certificate_valid_at_signing is True


def test_without_the_anchor_validity_is_unknown(signed, tmp_path):
    other = make_ca("CA khác").write(tmp_path / "other.pem")
    junk = tmp_path / "junk.pem"
    junk.write_text("không phải chứng thư")
    for anchors in (None, [], [other], [junk, tmp_path / "missing.pem"]):
        (sig,) = read_signatures(signed, trust_anchors=anchors)
        assert sig.certificate_valid_at_signing is None
        assert sig.problems == [PROBLEM_NO_ANCHOR, PROBLEM_OFFLINE]


def test_expired_certificate_is_not_valid_at_signing(ca, anchor):
    old = make_signer(
        ca,
        "Người Hết Hạn",
        valid_from=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        valid_to=dt.datetime(2021, 1, 1, tzinfo=dt.UTC),
    )
    (sig,) = read_signatures(sign(text_pdf(LETTER), old, "Signature1"), trust_anchors=[anchor])
    assert sig.certificate_valid_at_signing is False
    assert PROBLEM_CERTIFICATE in sig.problems


def test_signed_twice_lists_both_and_the_first_still_holds(ca, signed, anchor):
    centre = make_signer(ca, "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", "VĂN PHÒNG UBND TỈNH")
    first, second = read_signatures(sign(signed, centre, "Signature2"), trust_anchors=[anchor])
    assert (first.signer, second.signer) == ("Trần Văn A", "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC")
    assert (first.covers_whole_file, first.modified_after) == (False, False)
    assert (second.covers_whole_file, second.modified_after) == (True, False)
    assert first.problems == second.problems == [PROBLEM_OFFLINE]


def test_page_redrawn_after_signing_is_flagged(signed, anchor):
    forged = redraw_page(signed, "Noi dung da bi thay.")
    doc = parse_bytes(forged, "bi-sua.pdf", trust_anchors=[anchor])
    (sig,) = doc.signatures
    assert sig.modified_after is True and sig.covers_whole_file is False
    assert PROBLEM_MODIFIED in sig.problems
    assert not sig.intact
    assert any("Noi dung da bi thay." in p.text for p in doc.paragraphs())
