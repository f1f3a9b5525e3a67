"""Every HTML form, as every role: arbitrary strings, huge numbers, both decimal styles, HTML
and lone surrogates in every field never give a server error.

The forms are found the way a person finds them: from the home page, following the site's own
links (one page per URL pattern), reading each page's <form>s and their fields. Each form is
then sent once with every field set to each hand-picked awkward value, and a few times with
values drawn by Hypothesis (derandomized, a small fixed number of examples)."""

from __future__ import annotations

import re
import uuid
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes, urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.imports.models import Batch, ImportJob

ROLES = ["", "admin", "dn.dieuphoi", "dn.lanhdao", "dn.baocao", "dn.xem"]  # "": not signed in
# Each value goes into every field at once (the Vietnamese and the English decimal styles,
# thousands with spaces, words for numbers, counts with a fraction, numbers past any column,
# markup, lone UTF-16 surrogates, dates that do not exist).
AWKWARD = [
    "mười",
    "1 868",
    "95.5",
    "12,5",
    "-5",
    str(2**64),
    "9" * 5000,
    "<script>alert('x')</script><b>đậm</b>",
    "Báo cáo \udfff giữa câu \ud800",
    "",
    "32/13/2030",
    "x" * 301,
]
FIELD_VALUE = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(max_size=40),
    st.integers().map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: str(d).replace(".", ",")),
)
# Pages not worth following: downloads, the admin site, the API, logging out.
SKIP = re.compile(
    r"^/(static|api|quan-tri|media)/|\.(csv|xlsx|docx|pdf|zip|ico)$|/xuat/[a-z]+$|dang-xuat"
)
MAX_PAGES = 40


class _Forms(HTMLParser):
    """The page's links, and its forms with their fields and submit buttons."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "multipart": "multipart" in a.get("enctype", ""),
                "fields": {},
                "files": [],
                "buttons": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag in ("input", "textarea") and a.get("name"):
            kind = a.get("type", "text")
            if kind == "file":
                self._form["files"].append(a["name"])
            elif kind == "submit":
                self._form["buttons"].append((a["name"], a.get("value", "")))
            else:
                self._form["fields"].setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self._form["fields"].setdefault(a["name"], "")
        elif tag == "option" and self._select and not self._form["fields"][self._select]:
            self._form["fields"][self._select] = a.get("value", "")
        elif tag == "button" and a.get("name"):
            self._form["buttons"].append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _route(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route


def find_forms(client, start: list[str]) -> list[tuple[str, dict]]:
    """(page, form) for each form on one page of every URL pattern reachable from `start`."""
    seen_routes: set[str] = set()
    queue, forms, seen_forms = list(start), [], set()
    while queue and len(seen_routes) < MAX_PAGES:
        url = queue.pop(0)
        path = urlsplit(url).path
        route = _route(path)
        if route is None or route in seen_routes:
            continue
        seen_routes.add(route)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Forms()
        parser.feed(response.content.decode())
        for link in parser.links:
            target = urljoin(url, link)
            if target.startswith("/") and not SKIP.search(urlsplit(target).path):
                queue.append(target)
        for form in parser.forms:
            action = urljoin(url, form["action"] or url)
            if SKIP.search(urlsplit(action).path):
                continue
            key = (_route(urlsplit(action).path), form["method"], tuple(sorted(form["fields"])))
            if key not in seen_forms:
                seen_forms.add(key)
                forms.append((action, form))
    return forms


def _bytes(value: str) -> bytes:
    # A browser cannot send a lone surrogate; the bytes that would carry one (CESU-8) can.
    return value.encode("utf-8", "surrogatepass")


def _encoded(fields: dict[str, str]) -> str:
    return "&".join(
        f"{quote_from_bytes(_bytes(k))}={quote_from_bytes(_bytes(v))}" for k, v in fields.items()
    )


def _multipart(fields: dict[str, str], files: list[str], content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + _bytes(value)
            + b"\r\n"
        )
    for name in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="bao-cao.txt"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def send(client, action: str, form: dict, values: dict[str, str], button=None):
    fields = {k: v for k, v in form["fields"].items() if k == "csrfmiddlewaretoken"}
    fields.update({k: v for k, v in values.items() if k != "csrfmiddlewaretoken"})
    if button:
        fields[button[0]] = button[1]
    if form["method"] != "post":
        return client.get(f"{action}?{_encoded(fields)}")
    if form["multipart"] or form["files"]:
        content = _bytes(next((v for v in values.values() if v), "x"))
        body, boundary = _multipart(fields, form["files"], content)
        return client.generic(
            "POST", action, body, content_type=f"multipart/form-data; boundary={boundary}"
        )
    return client.generic(
        "POST", action, _encoded(fields), content_type="application/x-www-form-urlencoded"
    )


def drawn_values(check, names: list[str]) -> None:
    """A few forms of values drawn by Hypothesis, every field at once."""

    @settings(
        max_examples=3,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.fixed_dictionaries({name: FIELD_VALUE for name in names}))
    def drawn(values):
        check(values)

    drawn()


@pytest.mark.parametrize("role", ROLES)
def test_no_form_gives_a_server_error(client, login_client, role):
    if role:
        login_client(role)
    # The import pages are reached from notifications and uploads; start there too.
    jobs = [f"/nhap-tep/lan/{pk}/" for pk in ImportJob.objects.values_list("pk", flat=True)[:1]]
    batches = [f"/nhap-tep/lo/{pk}/" for pk in Batch.objects.values_list("pk", flat=True)[:1]]
    forms = find_forms(client, ["/", *jobs, *batches] if role else ["/tai-khoan/dang-nhap/"])
    assert forms, f"{role or 'a visitor'} should see at least one form"
    failures = []

    def check(action, form, values, button=None):
        response = send(client, action, form, values, button)
        if response.status_code >= 500:
            failures.append((action, {k: v[:60] for k, v in values.items()}, button))
        if role and response.status_code == 302 and "dang-nhap" in response["Location"]:
            login_client(role)  # a form that signed the user out: back in for the next one

    for action, form in forms:
        names = [k for k in form["fields"] if k != "csrfmiddlewaretoken"]
        buttons = form["buttons"] or [None]
        for n, awkward in enumerate(AWKWARD):
            check(action, form, dict.fromkeys(names, awkward), buttons[n % len(buttons)])

        drawn_values(lambda values, a=action, f=form, b=buttons[0]: check(a, f, values, b), names)
    assert failures == []
