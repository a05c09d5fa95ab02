"""Haven settings, driven by environment variables.

Every variable has a default that runs the site on one machine with SQLite,
files for e-mail and an in-process cache. The README lists them all.
"""

import os
import secrets
import unicodedata
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("HAVEN_DATA_DIR") or BASE_DIR / "data").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _load_or_create_secret_key() -> str:
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(50)
    # Create with 0600 so the key is readable by the site's user only.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


SECRET_KEY = os.environ.get("SECRET_KEY") or _load_or_create_secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "haven.base",
    "haven.hotlines",
    "haven.events",
    "haven.campaigns",
    "haven.comments",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
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
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "haven.base.middleware.SecurityHeadersMiddleware",
    "haven.base.middleware.HavenCSPMiddleware",
    "haven.base.middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "haven.base.sites.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "haven.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "haven.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'haven.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side; IMMEDIATE takes the
    # write lock at BEGIN so concurrent writers queue instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "haven"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "haven",
        }
    }

# Pages load image renditions from the database in bulk (one query for all
# the infographics on a page); Wagtail's per-rendition cache would only add a
# cache write for every image on every view.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


def _languages(codes: list[str]) -> list[tuple[str, str]]:
    """Each language named in itself, as the language switcher shows it."""
    from django.conf.locale import LANG_INFO

    languages = []
    for code in codes:
        if code not in LANG_INFO or "name_local" not in LANG_INFO[code]:
            raise ValueError(f"HAVEN_LANGUAGES: unknown language code {code!r}")
        name = unicodedata.normalize("NFC", LANG_INFO[code]["name_local"])
        languages.append((code, name[:1].upper() + name[1:]))
    return languages


# The first language is the site's main one: content is written in it first.
LANGUAGES = _languages(env_list("HAVEN_LANGUAGES", "en,es"))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or DATA_DIR / "static")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or DATA_DIR / "media")
# The embedded set-up serves uploads itself; behind a proxy, let the proxy or
# an object store serve MEDIA_ROOT and turn this off.
HAVEN_SERVE_MEDIA = env_bool("HAVEN_SERVE_MEDIA", True)

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"
# Any Django e-mail backend by its dotted path (e.g. the console backend while trying things out).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or EMAIL_BACKEND
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Haven <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Anonymous pages are shared by everyone, so a proxy or CDN may keep them.
HAVEN_PUBLIC_CACHE_SECONDS = int(os.environ.get("HAVEN_PUBLIC_CACHE_SECONDS", "300"))

HTTPS = env_bool("HAVEN_HTTPS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("HAVEN_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 63072000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("HAVEN_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

# Content-Security-Policy (django-csp). Public pages load only the site's own
# files: no inline script or style, no other host, never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    }
}
# The Wagtail admin uses inline scripts and styles and frames its own previews.
HAVEN_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "frame-src": ["'self'"],
    }
}

# Staff sign-in: lock out after repeated failures (django-axes). The address
# axes records is a keyed hash of the visitor's IP, never the address itself.
AXES_FAILURE_LIMIT = int(os.environ.get("HAVEN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("HAVEN_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "haven.base.privacy.pseudonymous_client_ip"
AXES_LOCKOUT_TEMPLATE = "base/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Admin messages live in the session: no extra cookie beyond the two the
# privacy page lists.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Comments (haven/comments): see the README, "Comments".
HAVEN_COMMENT_MODERATOR_EMAILS = env_list("HAVEN_COMMENT_MODERATOR_EMAILS", "")
HAVEN_COMMENT_DIGEST_MINUTES = int(os.environ.get("HAVEN_COMMENT_DIGEST_MINUTES", "30"))
HAVEN_COMMENT_EMAIL_RETENTION_DAYS = int(os.environ.get("HAVEN_COMMENT_EMAIL_RETENTION_DAYS", "30"))
HAVEN_COMMENT_RATE_LIMIT = int(os.environ.get("HAVEN_COMMENT_RATE_LIMIT", "5"))
HAVEN_COMMENT_RATE_WINDOW_MINUTES = int(os.environ.get("HAVEN_COMMENT_RATE_WINDOW_MINUTES", "10"))
HAVEN_COMMENT_MIN_SECONDS = int(os.environ.get("HAVEN_COMMENT_MIN_SECONDS", "5"))
HAVEN_COMMENT_FORM_MAX_AGE_HOURS = int(os.environ.get("HAVEN_COMMENT_FORM_MAX_AGE_HOURS", "48"))

WAGTAIL_SITE_NAME = "Haven"
WAGTAILADMIN_BASE_URL = os.environ.get("HAVEN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents (event flyers) are PDF files only, checked by their content, stored
# under a random name and always downloaded, never shown inline by the browser.
WAGTAILDOCS_DOCUMENT_MODEL = "base.HavenDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "haven.base.forms.HavenDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
HAVEN_MAX_UPLOAD_MB = int(os.environ.get("HAVEN_MAX_UPLOAD_MB", "10"))
# Registrants' names, e-mails and phones are deleted this many days after their event.
HAVEN_REGISTRATION_RETENTION_DAYS = int(os.environ.get("HAVEN_REGISTRATION_RETENTION_DAYS", "30"))
# How often the scheduler (`manage.py run_scheduler`) looks for reminders,
# expired offers and personal data to delete.
HAVEN_SCHEDULER_INTERVAL_SECONDS = int(os.environ.get("HAVEN_SCHEDULER_INTERVAL_SECONDS", "60"))
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp", "gif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars from Gravatar would tell a third party who signs in, and when.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Machine translation is optional and self-hosted only: with HAVEN_LIBRETRANSLATE_URL
# set, translators get a "Translate with LibreTranslate" button in wagtail-localize's
# editor; its output is stored as machine translations (marked as such, reviewed by a
# person before they publish). Unset (the default), nothing is sent anywhere.
HAVEN_LIBRETRANSLATE_URL = os.environ.get("HAVEN_LIBRETRANSLATE_URL", "").strip().rstrip("/")
if HAVEN_LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": HAVEN_LIBRETRANSLATE_URL,
            "API_KEY": os.environ.get("HAVEN_LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": int(os.environ.get("HAVEN_LIBRETRANSLATE_TIMEOUT", "10")),
        },
    }
