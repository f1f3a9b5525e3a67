"""Django settings. Everything a deployment changes comes from the environment:

DATABASE_URL (default: SQLite in var/), DANVAN_DATA_DIR, DANVAN_SECRET_KEY, DANVAN_DEBUG,
DANVAN_ALLOWED_HOSTS, DANVAN_SECURE_COOKIES, DANVAN_HSTS_SECONDS, DANVAN_SSL_REDIRECT,
DANVAN_TRUSTED_PROXIES, DANVAN_STATIC_DIR.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

from danvan.keyfiles import read_or_create

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("DANVAN_DATA_DIR", PROJECT_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    # A per-installation key kept beside the data, so sessions survive restarts without
    # anyone having to configure one (servers sharing the data folder share it too).
    if key := os.environ.get("DANVAN_SECRET_KEY"):
        return key
    return read_or_create(
        DATA_DIR / "secret_key", lambda: secrets.token_urlsafe(50).encode()
    ).decode()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("DANVAN_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DANVAN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # django-ninja's own Swagger UI files (no CDN, no inline script) for /api/docs.
    "ninja",
    "danvan.audit",
    "danvan.orgs",
    "danvan.accounts",
    "danvan.registry",
    "danvan.issuing",
    "danvan.indicators",
    "danvan.reporting",
    "danvan.consolidation",
    "danvan.analysis",
    "danvan.notifications",
    "danvan.imports",
    "danvan.portal",
    "danvan.tokens",
    # The registers of dân vận work; each hands its provider to danvan.registers.
    "danvan.programmes",
    "danvan.exemplars",
    "danvan.sentiment",
    "danvan.petitions",
    "danvan.search",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "danvan.portal.middleware.RejectNulMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "danvan.portal.context_processors.shell",
            ],
        },
    },
]

_default_sqlite = f"sqlite:///{DATA_DIR / 'danvan.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL") or _default_sqlite)}
# Test databases are named per process so that two test runs on one machine never share one.
_test_suffix = os.getpid()
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, for the test database: the browser tests' live server and the
    # health check's broken-database test both need a database that survives reconnects.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-danvan-{_test_suffix}.sqlite3")}
    # Settings for a web server with several workers: the WAL journal lets readers go on while
    # one writes; a writer takes its lock when its transaction begins (IMMEDIATE), so two
    # writers queue for up to `timeout` seconds instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{_test_suffix}"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "danvan.accounts.validators.VietnameseMinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling, per account from one address, per address, and per account from all
# addresses (at a far higher bar): past this many failures within the window, each further
# attempt waits a delay that doubles from DANVAN_LOGIN_FIRST_DELAY_SECONDS up to the window,
# counted from the last failure; never one long lock that an attacker could hold.
DANVAN_LOGIN_MAX_FAILURES = int(os.environ.get("DANVAN_LOGIN_MAX_FAILURES", "5"))
DANVAN_LOGIN_WINDOW_SECONDS = int(os.environ.get("DANVAN_LOGIN_WINDOW_SECONDS", "900"))
DANVAN_LOGIN_FIRST_DELAY_SECONDS = int(os.environ.get("DANVAN_LOGIN_FIRST_DELAY_SECONDS", "30"))
# Addresses (or networks, "10.0.0.0/8") of the reverse proxies in front of the site: only
# when the direct peer is one of them is the client taken from X-Forwarded-For.
DANVAN_TRUSTED_PROXIES = [
    item.strip() for item in os.environ.get("DANVAN_TRUSTED_PROXIES", "").split(",") if item.strip()
]
# A "Quên mật khẩu" link (or one an administrator sends) works for this long, once.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("DANVAN_PASSWORD_RESET_SECONDS", str(60 * 60)))

# Sessions end after two idle hours and when the browser closes.
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
_secure_cookies = os.environ.get("DANVAN_SECURE_COOKIES", "") == "1"
SESSION_COOKIE_SECURE = _secure_cookies
CSRF_COOKIE_SECURE = _secure_cookies

# HTTPS for a real deployment, switched on by the environment: HSTS for this many seconds
# (with subdomains and preload unless turned off), and redirecting plain HTTP to HTTPS.
SECURE_HSTS_SECONDS = int(os.environ.get("DANVAN_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("DANVAN_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("DANVAN_HSTS_PRELOAD", "1") == "1"
SECURE_SSL_REDIRECT = os.environ.get("DANVAN_SSL_REDIRECT", "") == "1"
# A load balancer's health check asks over plain HTTP and expects 200, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if DANVAN_TRUSTED_PROXIES:
    # The proxy ends TLS and says so; believed only because the proxy is trusted.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Collected static files: by default in the data folder; servers that share the data folder
# (several app servers on one network mount) each keep their own on local disk, since each
# `danvan serve` rewrites them in place when it starts (docs/decisions.md).
STATIC_ROOT = Path(os.environ.get("DANVAN_STATIC_DIR", DATA_DIR / "static")).resolve()
STATIC_ROOT.mkdir(
    parents=True, exist_ok=True
)  # whitenoise expects it even before the first collectstatic
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "danvan.vendor_static.VendorFinder",  # htmx and ECharts from node_modules, only what pages load
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"
DANVAN_MAX_UPLOAD_BYTES = int(os.environ.get("DANVAN_MAX_UPLOAD_MB", "50")) * 1024 * 1024
# CA certificates (files or folders, separated by the path separator) that digital signatures
# of imported PDFs are verified against, offline; installed by the administrator.
DANVAN_TRUST_ANCHORS = os.environ.get(
    "DANVAN_TRUST_ANCHORS", str(DATA_DIR / "trust-anchors")
).split(os.pathsep)
# Form fields above this are refused; uploaded files beyond it are streamed to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "DANVAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# With DANVAN_EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, each e-mail
# is a file in this folder (for a site without a mail server, or to read what was sent).
EMAIL_FILE_PATH = os.environ.get("DANVAN_EMAIL_DIR", str(DATA_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DANVAN_FROM_EMAIL", "danvan@localhost")
# The address people reach the site at, for links in e-mails.
DANVAN_SITE_URL = os.environ.get("DANVAN_SITE_URL", "http://127.0.0.1:8000")

NINJA_PAGINATION_PER_PAGE = 50

# Background work (imports, batch routing, reminders) is queued as django-tasks in the database
# and run by `danvan worker` (started beside the web server by `danvan serve`). A deployment
# may switch to a broker backend here without touching the callers.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Each import job (reading the file and matching its figures) runs in a child process within
# this time (seconds) and this much memory (MB beyond the worker's own); beyond, it fails.
DANVAN_JOB_TIME_LIMIT_S = int(os.environ.get("DANVAN_JOB_TIME_LIMIT_S", "120"))
# Finished background tasks (done or failed) are deleted from the queue after this many days.
DANVAN_TASK_KEEP_DAYS = int(os.environ.get("DANVAN_TASK_KEEP_DAYS", "30"))
DANVAN_JOB_MEMORY_MB = int(os.environ.get("DANVAN_JOB_MEMORY_MB", "1024"))
# How often the worker sends the deadline reminders that are due (they are idempotent).
DANVAN_REMINDER_EVERY_S = int(os.environ.get("DANVAN_REMINDER_EVERY_S", "3600"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # A refused request (403) is an expected outcome, not worth a traceback in the log.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
