"""The simulated users of bench/load.py (Locust, as a library). Each logs in through the real
login page and uses the real forms with their CSRF token:

- reporters open their inbox, their report, save a draft, open it again and submit it;
- coordinators read the national status board, the consolidations of the root and of a
  province, and return a submitted report of the load request (so reporters can edit again);
- leaders read their dashboard (the home page) and a consolidation;
- everyone searches now and then.

`configure(data)` hands over what bench/load_data.py prepared before a run starts.
"""

from __future__ import annotations

import html
import itertools
import random
import re
from collections import Counter
from urllib.parse import urlencode

from locust import SequentialTaskSet, between, task
from locust.contrib.fasthttp import FastHttpUser

DATA: dict = {}
COUNTS: Counter = Counter()  # conflicts (409), refused logins, reports returned
LOGINS: Counter = Counter()  # logins finished ("done"), so a phase measures only after them
_POOLS: dict = {}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SEARCHES = (
    "quy che dan chu Hoa Xuan",
    "đối thoại với Nhân dân",
    "hiến đất làm đường",
    "chuyển đổi số",
    "khiếu nại đông người",
    "Dân vận khéo",
)
SAVES = ("save", "submit", "return")  # the writes; every other name is a read
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_BASE = re.compile(r'name="base_version" value="(-?\d+)"')
_SECTION = re.compile(r'name="section:([^"]+)"[^>]*>(.*?)</textarea>', re.S)
_VALUE = re.compile(r'name="value:([^"]+)" value="([^"]*)"')
_SUBMISSION = re.compile(r'href="/bao-cao/nop/(\d+)/"')


def configure(data: dict) -> None:
    DATA.clear()
    DATA.update(data)
    COUNTS.clear()
    _POOLS["reporters"] = itertools.cycle(data["reporters"])
    _POOLS["leaders"] = itertools.cycle(data["leaders"])


def set_waiting(waiting: bool) -> None:
    """1–5 s between actions (people), or none (the saturation steps)."""
    wait = between(1, 5) if waiting else between(0, 0)
    for cls in (Reporter, Coordinator, Leader):
        cls.wait_time = wait


def csrf(text: str) -> str:
    found = _CSRF.search(text or "")
    return found.group(1) if found else ""


def report_form(text: str) -> dict | None:
    """The report's form fields as the page shows them, or None when the page offers no form
    (the report is submitted and waits for the coordinator)."""
    base = _BASE.search(text or "")
    if not base:
        return None
    fields = {"csrfmiddlewaretoken": csrf(text), "base_version": base.group(1)}
    for key, body in _SECTION.findall(text):
        fields[f"section:{key}"] = html.unescape(body)
    for key, value in _VALUE.findall(text):
        fields[f"value:{key}"] = html.unescape(value)
    return fields


def edited(fields: dict) -> dict:
    """The form with new text and figures: a total equals the sum of its options."""
    out = dict(fields)
    for key in fields:
        if key.startswith("section:"):
            out[key] = (
                f"Tình hình Nhân dân ổn định; đã tổ chức {random.randint(2, 40)} buổi đối "
                "thoại, vận động Nhân dân hiến đất làm đường giao thông nông thôn."
            )
    totals: Counter = Counter()
    for key in fields:
        if key.startswith("value:") and ":" in key.removeprefix("value:"):
            figure = random.randint(0, 30)
            out[key] = str(figure)
            totals[key.rsplit(":", 1)[0]] += figure
    for key in fields:
        if key.startswith("value:") and ":" not in key.removeprefix("value:"):
            out[key] = str(totals[key]) if key in totals else str(random.randint(0, 200))
    return out


class DanvanUser(FastHttpUser):
    abstract = True
    wait_time = between(1, 5)
    username = ""

    def on_start(self) -> None:
        page = self.client.get("/tai-khoan/dang-nhap/", name="login page")
        body = {
            "csrfmiddlewaretoken": csrf(page.text),
            "username": self.username,
            "password": DATA["password"],
        }
        with self.client.post(
            "/tai-khoan/dang-nhap/",
            data=urlencode(body),
            headers=FORM,
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                COUNTS["refused logins"] += 1
                response.failure(f"login refused ({response.status_code})")
        LOGINS["done"] += 1

    def search(self) -> None:
        self.client.get(f"/tim-kiem/?{urlencode({'q': random.choice(SEARCHES)})}", name="search")

    def consolidation(self, code: str, name: str) -> None:
        query = urlencode({"don-vi": code, "ky": DATA["period"]})
        self.client.get(f"/tong-hop/?{query}", name=name)

    def post_form(self, path: str, fields: dict, name: str) -> None:
        """A form sent as the browser sends it; a redirect is success, 409 (someone else
        saved first) is counted apart and is not an error."""
        with self.client.post(
            path,
            data=urlencode(fields),
            headers=FORM,
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                response.success()
            elif response.status_code == 409:
                COUNTS["conflicts (409)"] += 1
                response.success()
            else:
                status = response.status_code or f"no answer ({response.error})"
                response.failure(f"{name}: {status}")


class ReporterFlow(SequentialTaskSet):
    """Inbox → report → save → report → submit → search or home, then again."""

    form: dict | None = None

    def path(self) -> str:
        return f"/bao-cao/nop/{self.user.assignment}/"

    def open(self) -> None:
        page = self.client.get(self.path(), name="submission page")
        self.form = report_form(page.text)

    @task
    def inbox(self):
        self.client.get("/bao-cao/hop-thu/", name="inbox")

    @task
    def open_to_save(self):
        self.open()

    @task
    def save(self):
        if self.form:
            self.user.post_form(self.path(), edited(self.form) | {"action": "save"}, "save")

    @task
    def open_to_submit(self):
        self.open()

    @task
    def submit(self):
        if self.form:
            self.user.post_form(self.path(), edited(self.form) | {"action": "submit"}, "submit")

    @task
    def elsewhere(self):
        if random.random() < 0.5:
            self.user.search()
        else:
            self.client.get("/", name="home (reporter)")


class Reporter(DanvanUser):
    weight = 6
    tasks = [ReporterFlow]

    def on_start(self) -> None:
        self.username, self.assignment = next(_POOLS["reporters"])
        super().on_start()


class Coordinator(DanvanUser):
    weight = 2

    def on_start(self) -> None:
        self.username = DATA["coordinator"]
        super().on_start()

    @task(3)
    def board(self):
        page = random.randint(1, max(1, DATA["units"] // 50))
        self.client.get(f"/bao-cao/yeu-cau/{DATA['national_request']}/?trang={page}", name="board")

    @task(2)
    def consolidation_root(self):
        self.consolidation(DATA["root"], "consolidation root")

    @task(2)
    def consolidation_province(self):
        self.consolidation(DATA["province"], "consolidation province")

    @task(2)
    def return_one(self):
        """Open a submitted report of the load request and return it to its unit."""
        board = self.client.get(
            f"/bao-cao/yeu-cau/{DATA['load_request']}/?trang-thai=submitted",
            name="board (submitted)",
        )
        found = _SUBMISSION.findall(board.text or "")
        if not found:
            return
        path = f"/bao-cao/nop/{random.choice(found)}/"
        page = self.client.get(path, name="submission review")
        fields = {"csrfmiddlewaretoken": csrf(page.text), "comment": "Bổ sung số liệu quý IV."}
        self.post_form(f"{path}tra-lai/", fields, "return")
        COUNTS["reports returned"] += 1

    @task(1)
    def search_task(self):
        self.search()


class Leader(DanvanUser):
    weight = 2

    def on_start(self) -> None:
        self.username = next(_POOLS["leaders"])
        super().on_start()

    @task(4)
    def dashboard(self):
        self.client.get("/", name="home (leader)")

    @task(1)
    def consolidation_province(self):
        self.consolidation(DATA["province"], "consolidation province")

    @task(1)
    def search_task(self):
        self.search()


USERS = (Reporter, Coordinator, Leader)
