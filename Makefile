# The two commands of the README: `make run` and `make test`.
# Every target is idempotent: a second run reuses what is already installed.

SHELL := /bin/bash
PYTHON ?= python3
UV := $(PYTHON) -m uv
VENV := .venv
DANVAN := $(VENV)/bin/danvan
APP_DEBS := antiword fonts-liberation2 libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie
TEST_DEBS := chromium poppler-utils
PG_URL ?= postgres://postgres@127.0.0.1:5432/danvan
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

.PHONY: run test install install-test system-deps system-test-deps python-deps node-deps test-sqlite test-postgres lint

run: install
	$(DANVAN) migrate
	$(DANVAN) demo
	$(DANVAN) serve --host 127.0.0.1 --port 8000

test: install-test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# Two pytest-xdist workers (CI has 2 cores). Coverage is measured on the SQLite run and gated
# by scripts/coverage_check.py (per-module floor, exceptions listed in tests/coverage-exceptions.txt).
PYTEST := $(VENV)/bin/pytest -p no:cacheprovider -n 2

test-sqlite:
	@echo "== Test suite on SQLite =="
	env -u DATABASE_URL $(PYTEST) --cov=danvan --cov-report=term:skip-covered --cov-report=json:var/coverage.json
	$(VENV)/bin/python scripts/coverage_check.py var/coverage.json

test-postgres:
	@echo "== Test suite on PostgreSQL ($(PG_URL)) =="
	DATABASE_URL=$(PG_URL) $(PYTEST)

install: system-deps python-deps node-deps

install-test: install system-test-deps

# Debian packages: only asks apt when one is missing.
system-deps:
	@bash scripts/apt-ensure.sh $(APP_DEBS)

system-test-deps:
	@bash scripts/apt-ensure.sh $(TEST_DEBS)

python-deps:
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --all-groups

node-deps:
	@if [ ! -d node_modules/htmx.org ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --no-audit --no-fund --loglevel=error; \
	fi

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
