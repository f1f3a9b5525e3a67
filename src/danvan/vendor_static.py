"""The few files of the npm packages the pages load (htmx, ECharts), offered to Django's
static files as `vendor/…` — not the packages' whole `dist` folders: ECharts' holds 46 MB of
builds and source maps that `collectstatic` would otherwise compress at every `danvan serve`."""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

# url prefix → (folder under node_modules, files the templates use)
VENDOR = {
    "vendor/htmx": ("htmx.org/dist", ("htmx.min.js",)),
    "vendor/echarts": ("echarts/dist", ("echarts.min.js",)),
}


class VendorFinder(BaseFinder):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        root = settings.PROJECT_DIR / "node_modules"
        self.storages = {}
        for prefix, (folder, names) in VENDOR.items():
            storage = FileSystemStorage(location=root / folder)
            storage.prefix = prefix
            self.storages[prefix] = (storage, names)

    def find(self, path, find_all=False, **kwargs):
        find_all = kwargs.get("all", find_all)
        found = []
        for prefix, (storage, names) in self.storages.items():
            name = path.removeprefix(prefix + "/")
            if name != path and name in names and storage.exists(name):
                match = storage.path(name)
                if not find_all:
                    return match
                found.append(match)
        return found if find_all else []

    def list(self, ignore_patterns):
        for storage, names in self.storages.values():
            for name in names:
                if storage.exists(name):
                    yield name, storage


IGNORED = ["*.map"]  # source maps: nobody debugs the bundled libraries on a server
STAMP = ".danvan-collected"


def _fingerprint() -> str:
    """What collectstatic would copy: every file the finders list, by name, size and time."""
    digest = hashlib.sha256()
    for finder in finders.get_finders():
        for name, storage in finder.list(IGNORED + ["CVS", ".*", "*~"]):
            stat = os.stat(storage.path(name))
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect() -> bool:
    """Collect (and compress) the static files unless the collected set is already those of
    the current files; True when it ran. `danvan serve` calls it at every start."""
    from django.core.management import call_command

    stamp = settings.STATIC_ROOT / STAMP
    wanted = _fingerprint()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return False
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=IGNORED)
    stamp.write_text(wanted, encoding="utf-8")
    return True
