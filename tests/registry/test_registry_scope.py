"""The registry stays in scope: a citation is seen by those who may read the citing report;
central documents by everyone; a search says why a row matched, highlighted and escaped."""

import pytest
from django.contrib.auth import get_user_model

from danvan.accounts.permissions import SYSTEM
from danvan.registry import services
from danvan.registry.matches import highlight
from danvan.registry.models import Document
from danvan.registry.scope import is_central
from danvan.registry.selectors import citations_for, registry
from danvan.vn.text import fold


def user(username):
    return get_user_model().objects.get(username=username)


def symbols(username, query=""):
    return {m.document.symbol for m in registry(user(username), query)}


@pytest.mark.parametrize(
    ("code", "central"),
    [
        ("TW", True),
        ("BDVTW-BCA", True),
        ("QUTW", True),
        ("UBTVQH11", True),
        ("TTg-TH", True),
        ("CP", True),
        ("BCA-V05", True),
        ("TTCP-BTCDTW", True),
        ("TU", False),
        ("BDVTU", False),
        ("ĐUK", False),
        ("UBND-SNV", False),
        ("CATP-PV05", False),
        ("HĐND", False),
    ],
)
def test_central_issuers(code, central):
    assert is_central(code) is central


def test_a_can_tho_reporter_does_not_see_da_nangs_documents(db):
    seen = symbols("ct.baocao")
    # Cited by Đà Nẵng's reports only, issued in Đà Nẵng.
    assert not seen & {"2806-QĐ/TU", "81-QĐ/ĐUCA", "38/KH-UBND", "183/KH-CATP-PV05"}
    # Central documents for everyone; the bloc committee's own citations for its reporter.
    assert {"21-KL/TW", "30/NQ-CP", "290-QĐ/TW", "05-NQ/ĐUK"} <= seen


def test_a_central_document_shows_only_the_citations_the_user_may_read(db):
    conclusion = Document.objects.get(symbol="21-KL/TW")
    assert citations_for(user("ct.baocao"), conclusion) == []
    citing = {c.submission.assignment.unit.code for c in citations_for(user("dn.xem"), conclusion)}
    assert citing == {"DN-BDVTU"}


def test_a_search_never_matches_through_a_sentence_the_user_may_not_read(db):
    # "45-KH/TU" is only in Đà Nẵng's sentence citing the central 21-KL/TW.
    assert "21-KL/TW" in symbols("admin", "45-KH")
    assert "21-KL/TW" not in symbols("ct.baocao", "45-KH")


def test_pages_and_api_refuse_an_unseen_document_as_missing(client, db):
    hidden = Document.objects.get(symbol="2806-QĐ/TU")
    client.force_login(user("ct.baocao"))
    assert client.get(f"/van-ban/so/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/registry/documents/{hidden.pk}").status_code == 404
    listed = client.get("/api/registry/documents?q=2806").json()
    assert [d["symbol"] for d in listed["items"]] == []
    assert "2806-QĐ/TU" not in client.get("/van-ban/so/xuat.csv").content.decode("utf-8-sig")
    client.force_login(user("dn.xem"))
    page = client.get(f"/van-ban/so/{hidden.pk}/").content.decode()
    assert "Ban Dân vận Thành ủy Đà Nẵng" in page


def test_highlight_ignores_diacritics_and_case_and_escapes():
    words = fold("quy che dan van").split()
    assert highlight("Quy chế công tác dân vận", words) == (
        "<mark>Quy</mark> <mark>chế</mark> công tác <mark>dân</mark> <mark>vận</mark>"
    )
    assert highlight("<b>Dân</b> & vận", ["dan"]) == "&lt;b&gt;<mark>Dân</mark>&lt;/b&gt; &amp; vận"
    assert highlight("ĐẢNG ỦY", ["dang"]) == "<mark>ĐẢNG</mark> ỦY"


def test_the_list_shows_why_each_row_matched(client, db):
    services.register_document(
        SYSTEM, "99-HD/BDVTW", None, title="<script>x</script> về quy chế dân vận"
    )
    client.force_login(user("admin"))
    page = client.get("/van-ban/so/?q=quy+che+dan+van").content.decode()
    # Issuer and subject filled from the citation ("… của Bộ Chính trị về việc ban hành …").
    assert (
        "<td>Bộ Chính trị</td>\n    <td>về việc ban hành <mark>Quy</mark> <mark>chế</mark> "
        "công tác <mark>dân</mark> <mark>vận</mark> của hệ thống chính trị" in page
    )
    assert "&lt;script&gt;x&lt;/script&gt; về <mark>quy</mark>" in page
    assert "<script>x" not in page
    # Found through a citing sentence: the sentence is quoted with the words marked.
    page = client.get("/van-ban/so/?q=45-KH").content.decode()
    assert "Khớp trong câu trích dẫn" in page and "<mark>45-KH</mark>" in page


def test_a_superuser_sees_the_citations_of_drafts_and_a_viewer_does_not(db):
    from danvan.registry.models import Citation
    from danvan.registry.scope import readable_citations
    from danvan.reporting.models import Submission

    citation = Citation.objects.filter(submission__assignment__unit__code="DN-BDVTU").first()
    Submission.objects.filter(pk=citation.submission_id).update(status="draft")
    assert readable_citations(user("admin")).filter(pk=citation.pk).exists()
    assert not readable_citations(user("dn.xem")).filter(pk=citation.pk).exists()
