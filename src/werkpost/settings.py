"""Django settings: everything comes from the environment, with embedded defaults.

The embedded default is a SQLite file in the data dir; `DATABASE_URL` switches to PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(int(default))).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


DATA_DIR = Path(os.environ.get("WERKPOST_DATA_DIR", PROJECT_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
DEMO = env_bool("WERKPOST_DEMO")


def _secret_key() -> str:
    """SECRET_KEY from the environment, else generated once and kept in the data dir."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
# Absolute base URL used in links we hand out (message docUrl, e-mails).
PUBLIC_URL = os.environ.get("WERKPOST_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "werkpost.core",
    "werkpost.reference",
    "werkpost.partners",
    "werkpost.developer",
    "werkpost.vacancies",
    "werkpost.quality",
    "werkpost.accounts",
    "werkpost.portal",
    "werkpost.extranet",
    "django_tasks_db",
    "crontask",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # wagtail.search's GIN index on PostgreSQL; harmless on SQLite
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "werkpost.developer.middleware.RequestLogMiddleware",
    "werkpost.core.middleware.ApiProblemMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "werkpost.accounts.middleware.AccountRequirementsMiddleware",
    "werkpost.extranet.middleware.TermsMiddleware",
]

ROOT_URLCONF = "werkpost.urls"
WSGI_APPLICATION = "werkpost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "werkpost.extranet.context_processors.extranet",
            ],
        },
    },
]

_sqlite_default = f"sqlite:///{DATA_DIR / 'werkpost.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _sqlite_default), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web, worker and scheduler processes read while one writes;
        # IMMEDIATE avoids "database is locked" on read-then-write transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# One cache for every process (allauth's login lockout lives in it): Redis, or else a table of
# the database (core.CacheEntry), never a cache per process.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "werkpost_cache"}}

# Tasks run in the database by default; WERKPOST_TASKS=rq puts them on Redis (REDIS_URL).
TASKS_ON_RQ = os.environ.get("WERKPOST_TASKS", "db") == "rq"
if TASKS_ON_RQ:
    TASKS = {"default": {"BACKEND": "werkpost.core.tasks_rq.RQBackend", "OPTIONS": {"url": REDIS_URL}}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CRONTASK = {"REDIS_URL": REDIS_URL or None}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise looks here at startup, before collectstatic ran
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"


def _mailer(url: str) -> dict[str, object]:
    """EMAIL_URL: smtp://user:password@host:587?tls=1, or file:// (files in the data dir)."""
    parts = urlsplit(url)
    if parts.scheme in ("smtp", "smtps"):
        query = dict(parse_qsl(parts.query))
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": parts.hostname or "localhost",
                "port": parts.port or (465 if parts.scheme == "smtps" else 25),
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_ssl": parts.scheme == "smtps",
                "use_tls": query.get("tls") in ("1", "true"),
            },
        }
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    return {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(DATA_DIR / "mail")},
    }


MAILERS = {"default": _mailer(os.environ.get("EMAIL_URL", "file://"))}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "werkpost <noreply@werkpost.localhost>")

# Uploads are never read into memory by Django beyond this; the API checks its own limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG and env_bool("WERKPOST_HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- werkpost: the API contract's limits (api.md) -------------------------------------
WERKPOST_API_MAX_BODY_BYTES = env_int("WERKPOST_API_MAX_BODY_BYTES", 1024 * 1024)
WERKPOST_API_RATE_LIMIT_PER_MINUTE = env_int("WERKPOST_API_RATE_LIMIT_PER_MINUTE", 1200)
# A page of the results feed or of a batch's items stops at this many bytes of JSON (and at
# its `limit` in rows), so that no page grows with what the rows hold.
WERKPOST_API_PAGE_MAX_BYTES = env_int("WERKPOST_API_PAGE_MAX_BYTES", 1024 * 1024)
WERKPOST_PUBLICATION_DEFAULT_DAYS = env_int("WERKPOST_PUBLICATION_DEFAULT_DAYS", 90)
WERKPOST_PUBLICATION_MAX_DAYS = env_int("WERKPOST_PUBLICATION_MAX_DAYS", 365)
WERKPOST_TEST_DATA_RETENTION_DAYS = env_int("WERKPOST_TEST_DATA_RETENTION_DAYS", 30)
WERKPOST_REJECTED_PAYLOAD_RETENTION_DAYS = env_int("WERKPOST_REJECTED_PAYLOAD_RETENTION_DAYS", 14)
WERKPOST_ACTIVE_KEYS_PER_ENVIRONMENT = 2
WERKPOST_MAINTENANCE_FLAG = DATA_DIR / "maintenance"
WERKPOST_BATCH_DIR = Path(os.environ.get("WERKPOST_BATCH_DIR", DATA_DIR / "batches"))
WERKPOST_BATCH_MAX_BYTES = env_int("WERKPOST_BATCH_MAX_BYTES", 200 * 1024 * 1024)
WERKPOST_BATCH_MAX_ITEMS = env_int("WERKPOST_BATCH_MAX_ITEMS", 100_000)
WERKPOST_BATCH_LEASE_SECONDS = env_int("WERKPOST_BATCH_LEASE_SECONDS", 60)
# Processes that check batch items beside the worker: unset = one per CPU, 0 = the worker alone.
WERKPOST_BATCH_CHECK_PROCESSES = (
    env_int("WERKPOST_BATCH_CHECK_PROCESSES", 0) if "WERKPOST_BATCH_CHECK_PROCESSES" in os.environ else None
)

# --- accounts (django-allauth) -----------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "werkpost.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Failed logins: 5 per 5 minutes per account and 20 per minute per address, then refused.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[werkpost] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "werkpost"
# TOTP is mandatory for PES staff and organisation administrators; the demo switches it off.
WERKPOST_MFA_REQUIRED = env_bool("WERKPOST_MFA_REQUIRED", default=not DEMO)

# --- extranet (Wagtail) ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "werkpost extranet"
WAGTAILADMIN_BASE_URL = PUBLIC_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # staff e-mail hashes never go to gravatar.com
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "xml", "json", "xsd", "csv", "txt", "zip"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Feedback from the form under every page goes here (and is listed in the back-office).
WERKPOST_EDITORS_EMAIL = os.environ.get("WERKPOST_EDITORS_EMAIL", "redactie@werkpost.localhost")
WERKPOST_FEEDBACK_PER_HOUR = env_int("WERKPOST_FEEDBACK_PER_HOUR", 5)
WERKPOST_FEEDBACK_RETENTION_DAYS = env_int("WERKPOST_FEEDBACK_RETENTION_DAYS", 365)
# Digests go out from this hour (local time): daily every morning, weekly on Monday morning.
WERKPOST_DIGEST_HOUR = env_int("WERKPOST_DIGEST_HOUR", 7)

# --- developer portal and webhooks -------------------------------------------------------
WERKPOST_PORTAL_URL = os.environ.get("WERKPOST_PORTAL_URL", f"{PUBLIC_URL}/portal/")
# Webhooks go to public https endpoints only; tests and local development may allow
# http://127.0.0.1 with this switch (never in production).
WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP = env_bool("WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP")
WERKPOST_WEBHOOK_TIMEOUT_SECONDS = env_int("WERKPOST_WEBHOOK_TIMEOUT_SECONDS", 10)
# The request log holds no bodies or personal data, and is kept this long only.
WERKPOST_REQUEST_LOG_RETENTION_DAYS = env_int("WERKPOST_REQUEST_LOG_RETENTION_DAYS", 30)

# --- the web server: threads and the pace slow clients must keep (issue 13) ---------------
# Threads per web worker process (`werkpost run` starts 2 processes). A request's headers must
# arrive within HEADER_TIMEOUT seconds; its body at MIN_RATE bytes per second on average, at
# most GRACE seconds behind that pace. A slower client gets 408 and its connection is closed.
WERKPOST_WEB_THREADS = env_int("WERKPOST_WEB_THREADS", 16)
WERKPOST_REQUEST_HEADER_TIMEOUT_SECONDS = env_int("WERKPOST_REQUEST_HEADER_TIMEOUT_SECONDS", 10)
WERKPOST_REQUEST_BODY_GRACE_SECONDS = env_int("WERKPOST_REQUEST_BODY_GRACE_SECONDS", 5)
WERKPOST_REQUEST_BODY_MIN_RATE = env_int("WERKPOST_REQUEST_BODY_MIN_RATE", 32 * 1024)
