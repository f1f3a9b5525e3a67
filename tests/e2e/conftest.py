"""Browser tests: Debian's Chromium driven by Playwright against the live test server
(the `site`, `log_in` and `page` fixtures are in tests/conftest.py)."""
