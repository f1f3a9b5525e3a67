"""Static files: the pages' two npm files are offered (not ECharts' 46 MB dist folder), and
`danvan serve` collects them again only when a file changed."""

from __future__ import annotations

import os

from django.contrib.staticfiles import finders

from danvan import vendor_static


def test_only_the_files_pages_load_are_offered():
    assert finders.find("vendor/echarts/echarts.min.js").endswith("echarts/dist/echarts.min.js")
    assert finders.find("vendor/htmx/htmx.min.js").endswith("htmx.org/dist/htmx.min.js")
    assert not finders.find("vendor/echarts/echarts.js")
    assert not finders.find("vendor/echarts/../package.json")
    assert finders.find("vendor/echarts/echarts.min.js", find_all=True) == [
        finders.find("vendor/echarts/echarts.min.js")
    ]
    listed = {name for name, _storage in vendor_static.VendorFinder().list([])}
    assert listed == {"htmx.min.js", "echarts.min.js"}


def test_collected_again_only_when_a_file_changed(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    assert vendor_static.collect() is True
    assert (tmp_path / "vendor" / "echarts" / "echarts.min.js").exists()
    assert (tmp_path / "vendor" / "echarts" / "echarts.min.js.gz").exists()
    assert not list(tmp_path.rglob("*.map"))
    assert vendor_static.collect() is False
    # A changed file (here: its time) collects again.
    ours = finders.find("danvan/app.css")
    stat = os.stat(ours)
    os.utime(ours, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        assert vendor_static.collect() is True
    finally:
        os.utime(ours, ns=(stat.st_atime_ns, stat.st_mtime_ns))
