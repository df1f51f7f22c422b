"""Settings for the REC Portal, read from the environment (see .env.example)."""

from __future__ import annotations

import datetime
import os
import sys
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.languages import CODES, DEFAULT_LANGUAGE, INTERFACE_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """Return the environment variable `name`, or `default` when unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Return the environment variable `name` read as a boolean."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}.")


def env_int(name: str, default: int) -> int:
    """Return the environment variable `name` read as an integer."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    """Return the comma-separated environment variable `name` as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -----------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=False)
# The test runner needs no environment at all: it gets a throwaway key and fast hashing.
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]

# Build steps that sign nothing and serve nothing may run without the secret.
_KEYLESS_COMMANDS = {"makemigrations", "makemessages", "compiletranslations", "collectstatic"}
_COMMAND = sys.argv[1] if len(sys.argv) > 1 else ""
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING or _COMMAND in _KEYLESS_COMMANDS):
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    # Development, tests and keyless build steps only: a fixed, obviously insecure key.
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # Must come before the admin.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.contrib.postgres",  # Full-text search lookups; harmless on SQLite.
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "template_partials",
    "simple_history",
    "bootstrap",  # django-bootstrap-static: Bootstrap's CSS and JS as a Python package.
    "ninja",  # django-ninja's Swagger UI files for /api/v1/docs, served by WhiteNoise.
    "django_htmx",  # htmx itself, as a static file of the package (no CDN).
    "axes",  # Locks out repeated failed sign-ins.
    "django_otp",
    "django_otp.plugins.otp_totp",  # Optional TOTP two-factor authentication.
    "django_tasks",  # Django's Tasks API (the backport; built into Django 6 as django.tasks).
    "django_tasks_db",  # The database-backed task queue and its `db_worker` command.
    "core",
    "mailqueue",  # The outbox: every e-mail, stored and then delivered by a task.
    "accounts",
    "members",
    "workinggroups",
    "meetings",
    "news",
    "directory",
    "publicsite",
    "opendata",
    "demo",  # The demo data and seed_demo: on top of every other app, and used by none.
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SessionRefreshMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # Marks a session verified by a second factor.
    "accounts.middleware.TwoFactorMiddleware",  # Asks for the code where it is due.
    "workinggroups.middleware.MemberTimezoneMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",  # request.htmx: is this an htmx request, and what does it want?
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # Last, as django-axes requires: turns a lockout into its page.
]

ROOT_URLCONF = "rec_portal.urls"
WSGI_APPLICATION = "rec_portal.wsgi.application"
ASGI_APPLICATION = "rec_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "workinggroups.context_processors.viewer",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rec",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts and sessions ------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "meetings:dashboard"
LOGOUT_REDIRECT_URL = "publicsite:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes checks every sign-in (ours and the admin's) before the model backend does.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a user name from one address after repeated failures; other people and places are unaffected.
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_USERNAME_CALLABLE = "accounts.throttling.attempted_username"
# Behind our TLS proxy the client's address is the last one the proxy appended to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("BEHIND_PROXY", default=False)
AXES_VERBOSE = False

# Two-factor authentication (TOTP) is optional for members. The secretariat must use it
# wherever this is on: by default in production, not in development (the demo accounts
# work without a phone) nor in tests (which switch it on where they test it).
REC_REQUIRE_2FA_FOR_SECRETARIAT = env_bool("REC_REQUIRE_2FA_FOR_SECRETARIAT", default=not DEBUG and not TESTING)
OTP_TOTP_ISSUER = "REC Portal"
# An invitation link works this many days, and only once.
ACCOUNT_INVITATION_DAYS = env_int("ACCOUNT_INVITATION_DAYS", 7)
# The portal's address: the one base of every link sent by e-mail, account invitations included (core.links).
PORTAL_URL = env_str("PORTAL_URL", "http://127.0.0.1:8000").rstrip("/")

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Confidential material: a session ends after an hour of inactivity, and with the browser.
# core.middleware.SessionRefreshMiddleware renews a used session at most once a minute.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# --- Security (production defaults; DEBUG relaxes what would break http://127.0.0.1) ---

SECURE = not DEBUG and not TESTING
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=SECURE)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=SECURE)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Strict CSP: everything from our own origin, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Internationalisation -------------------------------------------------------------

# The languages themselves are listed once, in core/languages.py.
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = [(language.code, language.label) for language in INTERFACE_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Public texts are stored per language (title_en, title_ru, title_uz); English fills any gap.
MODELTRANSLATION_DEFAULT_LANGUAGE = DEFAULT_LANGUAGE
MODELTRANSLATION_LANGUAGES = CODES
# A text not written in the active language is read in that language's fallbacks, in order
# (uz, kk, ky, tg, tk → Russian → English; core.languages), and the page says which is shown.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": (DEFAULT_LANGUAGE,),
    **{language.code: language.fallbacks for language in INTERFACE_LANGUAGES if language.fallbacks},
}
USE_I18N = True
FORMAT_MODULE_PATH = ["rec_portal.formats"]  # British English dates (14 May 2024, 10:00).
USE_TZ = True
TIME_ZONE = "Asia/Tashkent"  # The Council's seat; each meeting carries its own zone.

# --- Static and media files -----------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"  # Never served publicly: documents are streamed through a checked view.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In development and tests WhiteNoise serves straight from the apps; production serves
# the hashed, compressed files `collectstatic` wrote, with far-future cache headers.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or TESTING
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000  # Meeting admin pages carry several inlines.

# --- E-mail ---------------------------------------------------------------------------

# --- Background tasks and the outbox (docs/deployment.md) ------------------------------------

# immediate: run each task at once, in the process that queues it (development, the demo, tests);
# database: queue in the database, run by `manage.py db_worker` (production's default);
# rq: queue in Redis (REDIS_URL), run by any number of `manage.py rqworker` processes.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate" if DEBUG or TESTING else "database")
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.backend.DatabaseBackend",
    "rq": "django_tasks_rq.backend.RQBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",  # Queues and never runs: for tests.
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
if TASKS_BACKEND == "rq":
    # Workers: `manage.py rqworker default --job-class django_tasks_rq.backend.Job`, as many as needed.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}}
# An e-mail is tried this many times (waiting 1, 5, 30 minutes, then 2 hours between tries) before it
# is marked failed; a worker that holds one longer than the lease is presumed dead and it is queued again.
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 5)
MAIL_RETRY_DELAYS = [60, 300, 1800, 7200]
MAIL_LEASE_SECONDS = env_int("MAIL_LEASE_SECONDS", 300)
# Sent e-mails are deleted from the outbox this many days after they went out (by the periodic sweep).
MAIL_RETENTION_DAYS = env_int("MAIL_RETENTION_DAYS", 90)
if MAIL_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("MAIL_RETENTION_DAYS must be at least 1.")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if env_str("EMAIL_FILE_PATH"):  # For django.core.mail.backends.filebased.EmailBackend (tests of the workers).
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "REC Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The secretariat's contact, shown on the contact and privacy pages. No postal address is known to the
# code: it is shown only when SECRETARIAT_ADDRESS is set; the e-mail defaults to the sender's address.
SECRETARIAT_EMAIL = env_str("SECRETARIAT_EMAIL", parseaddr(DEFAULT_FROM_EMAIL)[1])
SECRETARIAT_ADDRESS = env_str("SECRETARIAT_ADDRESS").replace("\\n", "\n")  # "\\n" in the environment: a new line.
ADMINS = [("Operators", address) for address in env_list("ADMINS")]

# --- Third-party apps -----------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
SIMPLE_HISTORY_REVERT_DISABLED = True  # History is an audit trail; edits go through forms.

# --- Logging --------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint reports each step of every PDF at INFO; its warnings and errors are what matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
