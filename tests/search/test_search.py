"""The one search on the real database (FTS5 on SQLite, to_tsvector on PostgreSQL): accent-
insensitive syllable matching, the index updated with the report in the same transaction,
scope for every role, facets, highlighting, pagination, the API."""

import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.reporting import services
from danvan.reporting.models import Assignment
from danvan.search import selectors
from danvan.search.index import rebuild
from danvan.search.models import Entry

PASSAGE = (
    "Triển khai thực hiện Quy chế dân chủ ở cơ sở gắn với “Dân vận khéo”; đối thoại với "
    "các hộ dân khu vực Cồn Dầu, phường Hòa Xuân về bồi thường, tái định cư."
)


def police_assignment() -> Assignment:
    """The Đà Nẵng police's assignment in the current half-year request (due, not yet sent)."""
    return (
        Assignment.objects.filter(unit__code="DN-CATP", submission__status="draft")
        .select_related("request__template", "submission")
        .get()
    )


def first_section(assignment: Assignment) -> str:
    return assignment.request.template.sections[0]["key"]


def save(demo_user, text: str, submit: bool = False):
    assignment = police_assignment()
    sections = {first_section(assignment): text}
    reporter = demo_user("dn.baocao")
    revision = services.save_draft(
        reporter, assignment.submission.pk, assignment.submission.version, sections, {}
    )
    if submit:
        assignment.submission.refresh_from_db()
        revision = services.submit(
            reporter, assignment.submission.pk, assignment.submission.version, sections, {}
        )
    return assignment, revision


def titles(results) -> list[str]:
    return [h.title for h in results.page]


def test_folded_query_finds_the_accented_passage_with_marks(demo_user):
    assignment, _ = save(demo_user, PASSAGE, submit=True)
    results = selectors.search(demo_user("dn.dieuphoi"), "quy che dan chu Hoa Xuan")
    passages = [h for h in results.page if h.kind == "passage"]
    assert len(passages) == 1
    hit = passages[0]
    assert hit.url == f"/bao-cao/nop/{assignment.pk}/#section-{first_section(assignment)}"
    assert "<mark>Quy</mark> <mark>chế</mark> <mark>dân</mark> <mark>chủ</mark>" in hit.excerpt
    assert "<mark>Hòa</mark> <mark>Xuân</mark>" in hit.excerpt
    assert ("passage", "Đoạn báo cáo", 1) in results.facets


def test_the_hit_link_lands_on_its_passage(login_client, demo_user):
    assignment, _ = save(demo_user, PASSAGE, submit=True)
    hit = next(
        h
        for h in selectors.search(demo_user("dn.dieuphoi"), "quy che dan chu").page
        if h.kind == "passage"
    )
    path, anchor = hit.url.split("#")
    page = login_client("dn.dieuphoi").get(path).content.decode()
    # The coordinator reads the submitted report: the passage's text carries the anchor.
    at = page.index(f'id="{anchor}"')
    assert "Quy chế dân chủ" in page[at : page.index("</div>", at)]


def ours(results, assignment) -> int:
    """How many of the results are passages of `assignment`'s report."""
    return sum(1 for h in results.page if h.url.startswith(f"/bao-cao/nop/{assignment.pk}/"))


def test_syllables_not_substrings_and_phrases_in_order(demo_user):
    assignment, _ = save(demo_user, PASSAGE, submit=True)
    coordinator = demo_user("dn.dieuphoi")

    def found(query):
        return ours(selectors.search(coordinator, query, kind="passage", per_page=100), assignment)

    # "dan van kheo" finds “Dân vận khéo”; "hoa xua" does not ("xua" is not a syllable there).
    assert found("dan van kheo") == 1
    assert found("hoa xua") == 0
    # A quoted phrase needs its syllables in order: "xuan hoa" is not in the passage.
    assert found('"xuan hoa"') == 0
    assert found('"hoa xuan"') == 1
    # đ folds to d: "doi thoai tai dinh cu" finds "đối thoại … tái định cư"
    assert found("doi thoai tai dinh cu") == 1
    assert found("ĐỐI THOẠI") == 1


def test_index_follows_the_latest_revision_in_the_same_transaction(demo_user):
    with transaction.atomic():
        assignment, revision = save(demo_user, "Nội dung cũ về Hòa Xuân")
        # Visible inside the writer's transaction, before it commits.
        assert Entry.objects.filter(revision=revision).count() == 1
    save(demo_user, "Nội dung mới về Cẩm Lệ")
    reporter = demo_user("dn.baocao")
    assert selectors.search(reporter, "hoa xuan", kind="passage").total == 0
    assert selectors.search(reporter, "cam le", kind="passage").total == 1


@pytest.mark.parametrize(
    ("username", "finds_draft", "finds_submitted"),
    [
        ("dn.baocao", True, True),  # the unit's reporter
        ("dn.dieuphoi", True, True),  # the requesting board's coordinator
        ("dn.lanhdao", True, True),
        ("dn.xem", False, True),  # a viewer reads submitted reports only
        ("ct.dieuphoi", False, False),  # another province
        ("ct.baocao", False, False),
        ("admin", True, True),
    ],
)
def test_scope_for_every_role(demo_user, username, finds_draft, finds_submitted):
    user = demo_user(username)
    assignment, _ = save(demo_user, "Đối thoại tại xóm Bàu Trảng Thủy Tú")

    def found():
        return ours(selectors.search(user, "bau trang thuy tu", kind="passage"), assignment)

    assert found() == (1 if finds_draft else 0)
    save(demo_user, "Đối thoại tại xóm Bàu Trảng Thủy Tú", submit=True)
    assert found() == (1 if finds_submitted else 0)


def test_documents_are_found_and_scoped_like_the_registry(demo_user):
    from danvan.registry import scope
    from danvan.registry.models import Document

    central = next(d for d in Document.objects.order_by("pk") if scope.is_central(d.issuer_code))
    for username in ("dn.dieuphoi", "ct.dieuphoi", "dn.xem", "ct.baocao", "dn.baocao"):
        user = demo_user(username)
        visible = set(scope.visible_documents(user).values_list("pk", flat=True))
        found = selectors.search(user, central.symbol, kind="document", per_page=100)
        ids = {int(h.url.rstrip("/").rsplit("/", 1)[-1]) for h in found.page}
        assert central.pk in ids  # a central body's document is seen by everyone
        assert ids <= visible
    # Every document the search finds for anyone is one the registry shows them.
    for username in ("ct.baocao", "dn.xem"):
        user = demo_user(username)
        visible = set(scope.visible_documents(user).values_list("pk", flat=True))
        found = selectors.search(user, "ban", kind="document", per_page=500)
        assert {int(h.url.rstrip("/").rsplit("/", 1)[-1]) for h in found.page} <= visible


def test_figures_are_searchable(demo_user):
    assignment = police_assignment()
    reporter = demo_user("dn.baocao")
    services.save_draft(
        reporter,
        assignment.submission.pk,
        assignment.submission.version,
        {},
        {"tiep-cong-dan-luot": "4321"},
    )
    for query in ("tiep cong dan 4321", "tiep cong dan 4.321"):
        hits = [
            h
            for h in selectors.search(reporter, query, kind="passage").page
            if h.url.startswith(f"/bao-cao/nop/{assignment.pk}/")
        ]
        assert len(hits) == 1, query
        assert hits[0].title.endswith("— Số liệu")
        assert "<mark>Tiếp</mark> <mark>công</mark> <mark>dân</mark>" in hits[0].excerpt
        assert "(lượt): 4.321" in re.sub("</?mark>", "", hits[0].excerpt)


def test_rebuild_equals_the_live_index(db):
    before = sorted(Entry.objects.values_list("kind", "folded", "unit_path"))
    rebuild()
    assert sorted(Entry.objects.values_list("kind", "folded", "unit_path")) == before
    assert before  # the demo's reports and documents are indexed


def test_page_paginates_and_filters_by_period(login_client, demo_user):
    save(demo_user, PASSAGE, submit=True)
    client = login_client("dn.dieuphoi")
    response = client.get("/tim-kiem/", {"q": "dân", "loai": "passage"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>" in html
    total = selectors.search(demo_user("dn.dieuphoi"), "dân", kind="passage").total
    assert f"Tìm thấy {total} kết quả" in html
    if total > 20:
        assert "Trang 1/" in html
    assert (
        client.get("/tim-kiem/", {"q": "hoa xuan", "ky": "2019S1"})
        .content.decode()
        .count('class="passage" data-kind="passage"')
        == 0
    )
    bad = client.get("/tim-kiem/", {"q": "x", "ky": "2026Q9"})
    assert bad.status_code == 400
    assert "không hợp lệ" in bad.content.decode()


def test_page_query_count(login_client, demo_user, django_assert_max_num_queries):
    save(demo_user, PASSAGE, submit=True)
    client = login_client("dn.dieuphoi")
    with django_assert_max_num_queries(50):
        response = client.get("/tim-kiem/", {"q": "dan"})
    assert response.status_code == 200


def test_empty_query_and_no_result(login_client):
    client = login_client("dn.xem")
    assert "Nhập từ khóa để tìm." in client.get("/tim-kiem/").content.decode()
    html = client.get("/tim-kiem/", {"q": "zzzkhongco"}).content.decode()
    assert "Không tìm thấy kết quả nào" in html


def test_api(client, demo_user, bearer):
    save(demo_user, PASSAGE, submit=True)
    response = client.get(
        "/api/search/", {"q": "quy che dan chu hoa xuan"}, headers=bearer("dn.dieuphoi")
    )
    assert response.status_code == 200, response.content
    body = response.json()
    passages = [r for r in body["results"] if r["kind"] == "passage"]
    assert len(passages) == 1 and "<mark>Hòa</mark>" in passages[0]["excerpt_html"]
    outside = client.get("/api/search/", {"q": "hoa xuan"}, headers=bearer("ct.dieuphoi"))
    assert [r for r in outside.json()["results"] if r["kind"] == "passage"] == []
    assert (
        client.get(
            "/api/search/", {"q": "a", "period": "20x"}, headers=bearer("dn.xem")
        ).status_code
        == 400
    )
    assert (
        client.get(
            "/api/search/", {"q": "a", "unit": "KHONG"}, headers=bearer("dn.xem")
        ).status_code
        == 404
    )
    assert client.get("/api/search/", {"q": "a"}).status_code == 401


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    q=st.text(max_size=250),
    loai=st.text(max_size=50),
    ky=st.text(max_size=12),
    don_vi=st.text(max_size=45),
    trang=st.one_of(st.text(max_size=25), st.integers().map(str)),
)
def test_search_form_never_fails(login_client, q, loai, ky, don_vi, trang):
    client = login_client("dn.dieuphoi")
    response = client.get(
        "/tim-kiem/", {"q": q, "loai": loai, "ky": ky, "don_vi": don_vi, "trang": trang}
    )
    assert response.status_code in (200, 400), response.status_code
    assert re.search(r"<h1>Tìm kiếm</h1>", response.content.decode()) or response.status_code == 400


def test_the_whole_phrase_comes_first(demo_user):
    apart, _ = save(demo_user, "Dân tộc Thái ở bản Khéo, xã Vận Thượng.", submit=True)
    coordinator = demo_user("dn.dieuphoi")
    hits = list(selectors.search(coordinator, "dan van kheo", per_page=200).page)
    urls = [h.url for h in hits]
    ours_at = next(i for i, u in enumerate(urls) if u.startswith(f"/bao-cao/nop/{apart.pk}/"))
    # Every hit holding "dân vận khéo" together (documents, the registers' models) is above
    # the passage that holds the three syllables apart.
    together = [
        i
        for i, h in enumerate(hits)
        if "dân vận khéo" in (h.title + re.sub("</?mark>", "", h.excerpt)).lower()
    ]
    assert together and max(together) < ours_at
