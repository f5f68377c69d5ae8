"""Settings shared by every environment.

Safe for production as they stand: DEBUG is off, nothing is trusted by default, and every secret or
host-specific value comes from the environment (see the table in README.md).
"""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as cors_default_headers

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from e


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "api",
    "home",
    "documents",
    "membership",
    "partners",
    "news",
    "newsletter",
    "apidocs",
    "search",
    "seo",
    "editorial",
    "webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "rest_framework",
    "corsheaders",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
    "cms.caching.pages.PageCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.caching.api.APIValidatorsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.caching.context_processors.content_cache",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# --- Database -------------------------------------------------------------------------------------
# SQLite by default, tuned so several server processes share it without "database is locked":
# WAL lets readers run beside a writer, IMMEDIATE takes the write lock at BEGIN (no upgrade deadlock),
# and the timeout makes a writer wait for the lock instead of failing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A stopped or unreachable server should give a quick 503, not a request hanging on connect.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))

# --- Cache ---------------------------------------------------------------------------------------
# What is cached, under which key and what clears it: cms/caching/__init__.py.
# Redis when REDIS_URL is set (shared by every app server), through django-redis with IGNORE_EXCEPTIONS: with
# Redis down every call is a miss (logged) and the site keeps answering. Without Redis, a file cache: unlike
# local memory it is shared by all the worker processes of one machine, so invalidation reaches them all.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(location, key_prefix):
    """The default cache on Redis (also what the tests run against a real or an unreachable Redis)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "lp"))}
else:
    CACHES = {
        "default": {
            # Django's FileBasedCache, checking its size every few seconds rather than on every write.
            "BACKEND": "cms.caching.filecache.FileCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_CHECK_SECONDS": 5},
        }
    }
# A Redis outage is logged (logger "django_redis.cache"), not hidden.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# How long stored pages, fragments, Sites and routes are kept (cms/caching); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# What a CDN or Varnish in front may keep a cached page for (s-maxage); 0 = leave shared caches out.
PAGE_CACHE_SHARED_MAX_AGE = env_int("PAGE_CACHE_SHARED_MAX_AGE", 0)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes watches every login (the Wagtail admin's included) and locks out repeated failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "home.clients.client_ip"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_VERBOSE = False
# How many reverse proxies (nginx, a load balancer) append to X-Forwarded-For in front of the app: 0 = none.
# The one source of the visitor's address (home.clients.client_ip) for login throttling, rate limits and consent.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- Rate limits (django-ratelimit, home/ratelimit.py): "attempts/period", counted per visitor ------------
# Counted in CACHES["default"], which must be shared by every server process (Redis in production).
# With the cache unreachable the forms stay open rather than refusing everyone.
RATELIMIT_FAIL_OPEN = True
# Accession declarations one visitor may post per hour.
ACCESSION_RATE_LIMIT = "10/h"
# Messages one visitor may send through the contact page's form.
CONTACT_RATE_LIMIT = "5/h"
# Wrong guesses of a page's or a collection's password one visitor may make per quarter of an hour.
PASSWORD_RATE_LIMIT = "10/15m"  # noqa: S105  (a rate, not a password)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------------------
LANGUAGE_CODE = "pl"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("pl", _("Polish")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Warsaw"
LOCALE_PATHS = [BASE_DIR / "locale"]

# Paths served outside the language prefix: a 404 there is a real 404, never a redirect to /pl/….
NON_LOCALIZED_PATH_PREFIXES = (
    "/api/",
    "/admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz/",
    "/bench/",
)

# --- Static and media files -----------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible object storage for uploads (images, documents) when a bucket is configured: see docs/DEPLOYMENT.md.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket's own policy decides; never make uploads public-write
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=86400"}
    # AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are read from the environment by boto3 itself.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail ---------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "partnerstwoeslublin@gmail.com")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (django-tasks) ---------------------------------------------------------------
# Newsletter mail and Wagtail's own background work (search and reference index updates, frontend-cache purges).
# Immediate (inside the request) in development and tests; production.py defaults to the database queue that
# `manage.py db_worker` runs (docs/DEPLOYMENT.md). TASKS_BACKEND names another backend class in either.
TASKS = {
    "default": {"BACKEND": os.environ.get("TASKS_BACKEND") or "django_tasks.backends.immediate.ImmediateBackend"},
}

# --- Webhooks for partner portals (webhooks/, docs/API.md "Webhooks") -----------------------------------
# Endpoints must be https; plain http only to a loopback address, and only where this is on (dev and tests).
WEBHOOKS_ALLOW_HTTP_LOOPBACK = env_bool("WEBHOOKS_ALLOW_HTTP_LOOPBACK", False)
# Seconds to wait for a portal's answer to one POST.
WEBHOOKS_TIMEOUT = env_int("WEBHOOKS_TIMEOUT", 10)
# Attempts per delivery (the first one included); attempt n+1 waits WEBHOOKS_RETRY_BASE_DELAY * 2**(n-1) seconds.
WEBHOOKS_MAX_ATTEMPTS = env_int("WEBHOOKS_MAX_ATTEMPTS", 5)
WEBHOOKS_RETRY_BASE_DELAY = env_int("WEBHOOKS_RETRY_BASE_DELAY", 60)
# Failed attempts in a row (over all its deliveries) after which an endpoint is disabled and its editors told.
WEBHOOKS_DISABLE_AFTER_FAILURES = env_int("WEBHOOKS_DISABLE_AFTER_FAILURES", 15)

# --- Newsletter -----------------------------------------------------------------------------------
# Signup attempts per visitor ("ip") and per e-mail address ("email"), counted like the rate limits above.
NEWSLETTER_RATE_LIMITS = {"ip": "20/h", "email": "5/h"}
# Seconds a confirmation link stays valid.
NEWSLETTER_CONFIRMATION_MAX_AGE = 3 * 24 * 3600
# Seconds before a repeated signup of a pending address mails its confirmation link again.
NEWSLETTER_CONFIRMATION_RESEND_INTERVAL = 10 * 60
# Subscribers mailed per task when an issue is sent.
NEWSLETTER_BATCH_SIZE = 100
# Invalid confirmation or unsubscribe links a visitor may try before being refused (guessing tokens).
NEWSLETTER_INVALID_LINK_LIMIT = "10/h"
# Last day on which unsubscribe links of the format used before December 2026 (a readable subscriber id and
# 64 bits of an unsalted hash of the address) are still honoured; later they answer "link not valid".
NEWSLETTER_LEGACY_UNSUBSCRIBE_UNTIL = date.fromisoformat(
    os.environ.get("NEWSLETTER_LEGACY_UNSUBSCRIBE_UNTIL", "2027-06-30")
)

# --- Personal data: how long it is kept (purge_personal_data; the privacy page shows the same periods) ---------
# Modules that know what their app stores about a person: each offers purge_expired(now) -> {label: rows removed},
# export(email) -> dict (JSON-ready) and erase(email) -> {label: rows removed} (see docs/SECURITY.md).
PERSONAL_DATA_HANDLERS = ["newsletter.personal_data", "membership.personal_data", "home.contact_messages"]
# Days a never-confirmed newsletter signup (address, IP, browser, source) is kept.
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = env_int("NEWSLETTER_UNCONFIRMED_RETENTION_DAYS", 30)
# How long the link that confirms a membership applicant's e-mail address (and sends the copy) stays valid.
MEMBERSHIP_ADDRESS_CONFIRMATION_MAX_AGE = timedelta(days=7)
# Days a rejected membership application is kept after its decision.
MEMBERSHIP_REJECTED_RETENTION_DAYS = env_int("MEMBERSHIP_REJECTED_RETENTION_DAYS", 365)
# Days django-axes keeps its records of login attempts and lockouts.
AXES_RETENTION_DAYS = env_int("AXES_RETENTION_DAYS", 90)
# Days a message sent through the contact form is kept in the admin.
CONTACT_MESSAGES_RETENTION_DAYS = env_int("CONTACT_MESSAGES_RETENTION_DAYS", 365)

# --- Wagtail --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One index for the site, the API and the admin, Polish lemmas by Morfeusz 2 (search/backend.py, docs/ARCHITECTURE.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Models listed on the site's results page besides pages (see search/indexing.py).
SEARCH_MODELS = ["partners.Partner", "documents.DocumentEntry"]
# Models in the same index found only through `.search()` (the API's ?search=, the admin's choosers and listings).
SEARCH_INDEX_ONLY_MODELS = ["wagtailimages.Image", "wagtaildocs.Document"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Every download goes through Wagtail's view, which checks the collection's view restrictions first: no document
# URL ever points at the media storage (docs/SECURITY.md). On S3 the documents/ prefix stays private to the app.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Behind nginx the view hands the checked file over with X-Accel-Redirect (django-sendfile2) to an `internal`
# location instead of streaming it from Python (local disk only; docs/DEPLOYMENT.md has the nginx block).
if env_bool("DOCUMENTS_X_ACCEL_REDIRECT", False):
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = "/protected-media"
# Only PDFs open in the browser; every other type is sent as an attachment (never HTML or SVG inline).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# A new translation starts as a draft and is published through the review workflow (editorial app), never at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- API ------------------------------------------------------------------------------------------
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
# The largest ?offset= a listing accepts (deeper pages answer 400 instead of scanning the table).
API_OFFSET_MAX = 10_000
# The longest ?search= query the API accepts, in characters.
API_SEARCH_MAX_LENGTH = 200
# Seconds that portals, browsers and CDNs may keep an API answer before revalidating it (ETag / Last-Modified).
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 300)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# --- CORS: the API only, configured origins only, never with credentials ---------------------------
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
# Portals revalidate with conditional requests and read the validators from script.
CORS_ALLOW_HEADERS = (*cors_default_headers, "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

# --- Frontend cache (CDN or Varnish in front), purged by Wagtail when pages are published -----------
# FRONTEND_CACHE_BACKEND: "" (none), "http" (Varnish/nginx purge at FRONTEND_CACHE_LOCATION),
# "cloudflare" (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONE_ID) or "cloudfront" (CLOUDFRONT_DISTRIBUTION_ID).
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
if FRONTEND_CACHE_BACKEND == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
        }
    }
elif FRONTEND_CACHE_BACKEND:
    raise ImproperlyConfigured("FRONTEND_CACHE_BACKEND must be one of: http, cloudflare, cloudfront")

# --- Security defaults (production tightens transport settings further) --------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): the public site runs no inline script or style and embeds only the
# video players Wagtail's embeds produce; CSP_EXTRA_SOURCES adds origins such as an S3 bucket or CDN for media.
_CSP_EXTRA = env_list("CSP_EXTRA_SOURCES")
_CSP_FRAMES = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_CSP_EXTRA],
        "style-src": ["'self'", *_CSP_EXTRA],
        "img-src": ["'self'", "data:", *_CSP_EXTRA],
        "media-src": ["'self'", *_CSP_EXTRA],
        "font-src": ["'self'", *_CSP_EXTRA],
        "connect-src": ["'self'"],
        "frame-src": _CSP_FRAMES,
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin uses inline scripts and styles, previews pages in a same-origin frame and shows
# avatars and embeds from elsewhere: it gets a looser policy (cms.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", *_CSP_EXTRA],
        "style-src": ["'self'", "'unsafe-inline'", *_CSP_EXTRA],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "media-src": ["'self'", *_CSP_EXTRA],
        "font-src": ["'self'", "data:", *_CSP_EXTRA],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_CSP_FRAMES],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/",)
# No Gravatar: the admin would send each user's hashed e-mail address to a third party on every page, and the
# policy above blocks it on plain http anyway. Wagtail then shows its local default avatar (or an uploaded one).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# /healthz/ runs its deep check (a write to media storage, which costs money per request on S3) only for
# requests from this machine or carrying this token in the X-Healthz-Token header; "" = localhost only.
HEALTHZ_TOKEN = os.environ.get("HEALTHZ_TOKEN", "")

# A bare view for the benchmark's baseline (bench/): off unless the environment asks for it.
BENCH_ENDPOINTS = env_bool("BENCH_ENDPOINTS", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Content shipped with the site: loaders run by `manage.py load_content`, in this order --------------
SEED_CONTENT = [
    "home.content.load",
    "home.content_accessibility.load",
    "home.content_privacy.load",
    "partners.content.load",
    "news.content.load",
    "documents.content.load",
    "membership.content.load",
    "newsletter.content.load",
    "apidocs.content.load",
    # The home page's links and the contact page's form, once the pages they point to exist.
    "home.content.load_sections",
    # Last: grants the roles on every page and snippet model the loaders before it made.
    "editorial.content.load",
]

# --- Demo data: generators run by `manage.py generate_demo_data` (never by load_content), in this order ------
DEMO_DATA = [
    "partners.demo.PartnersDemo",
    "news.demo.NewsDemo",
    "news.demo.EventsDemo",
]
