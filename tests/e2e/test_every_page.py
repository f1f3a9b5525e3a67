"""Every page a role reaches by following links, in a real browser on a phone-sized screen: each
answers 200 (no link leads to a 403 or a 404), prints no console error (CSP refusals and failed
loads included, through the `page` fixture) and never scrolls the page sideways — wide tables
scroll inside themselves."""

from urllib.parse import parse_qsl, urlsplit

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MAX_PAGES = 25
# Links that change state or leave the site's pages: never followed by a crawler.
SKIP_PREFIXES = ("/tai-khoan/dang-xuat", "/quan-tri/logout", "/api/")


def _key(url: str) -> str:
    """Pages differing only in a query value (page 2, another filter) count as one."""
    parts = urlsplit(url)
    return parts.path + "?" + "&".join(sorted(k for k, _ in parse_qsl(parts.query)))


def _links(page, site: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return [
        h.split("#")[0]
        for h in hrefs
        if h.startswith(site) and not urlsplit(h).path.startswith(SKIP_PREFIXES)
    ]


@pytest.mark.parametrize(
    "username", ["admin", "dn.dieuphoi", "dn.lanhdao", "dn.baocao", "ct.baocao", "dn.xem"]
)
def test_every_linked_page_opens_cleanly_on_a_phone(page, site, log_in, username):
    page.set_viewport_size(PHONE)
    log_in(page, site, username)
    queue, seen, problems = [f"{site}/"], set(), []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if _key(url) in seen:
            continue
        seen.add(_key(url))
        head = page.request.get(url)
        if "text/html" not in head.headers.get("content-type", ""):
            if head.status != 200:
                problems.append(f"{url}: {head.status}")
            continue
        response = page.goto(url)
        if response.status != 200:
            problems.append(f"{url}: {response.status} (liên kết từ một trang khác)")
            continue
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            problems.append(f"{url}: trang tràn ngang {overflow}px trên màn hình 390px")
        queue.extend(link for link in _links(page, site) if _key(link) not in seen)
    assert len(seen) >= 5, f"{username}: chỉ mở được {len(seen)} trang"
    assert not problems, "\n".join(problems)
