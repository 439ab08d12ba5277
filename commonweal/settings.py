"""Commonweal settings: environment variables only (see docs/configuration.md)."""

from pathlib import Path

import dj_database_url

from commonweal.env import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_secret,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("COMMONWEAL_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError(
            "SECRET_KEY is required when DEBUG is off. Set SECRET_KEY (or SECRET_KEY_FILE) "
            "to a long random value, or set DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "ninja",
    "commonweal.core",
    "commonweal.accounts",
    "commonweal.datasets",
    "commonweal.places",
    "commonweal.directory",
    "commonweal.rights",
    "commonweal.rights.challenge",
    "commonweal.rights.transfer",
    "commonweal.rights.planning",
    "commonweal.opendata",
    "commonweal.opendata.contracts",
    "commonweal.opendata.feedback",
    "commonweal.opendata.datarequests",
    "commonweal.budgets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "commonweal.urls"
WSGI_APPLICATION = "commonweal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "commonweal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "commonweal.core.context_processors.platform",
            ],
        },
    }
]

_default_database = f"sqlite:///{VAR_DIR / 'commonweal.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", _default_database),
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
        )
    }
except ValueError as exc:
    raise ConfigurationError(
        f"DATABASE_URL is not a database address we understand: {exc}"
    ) from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets the web server read while an import writes.
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "commonweal" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Development prints emails; a deployment sends them through its mail server (SMTP), so a
# resident's acknowledgement is never silently written to a log instead of sent.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "commonweal@localhost")
# The site's own address, so that links in emails are complete.
SITE_URL = env_url("SITE_URL", "")

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
)

DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)

# Where the real open data lives: ../shared/data beside the checkout when present,
# otherwise files are downloaded from their publishers into COMMONWEAL_CACHE_DIR.
COMMONWEAL_SHARED_DATA = Path(
    env_str("COMMONWEAL_SHARED_DATA", str(BASE_DIR.parent / "shared" / "data"))
)
COMMONWEAL_CACHE_DIR = Path(env_str("COMMONWEAL_CACHE_DIR", str(VAR_DIR / "cache")))
# Street crimes, a Parquet file a month (ADR 0019): keep it with the database's backups.
COMMONWEAL_CRIME_STORE = Path(env_str("COMMONWEAL_CRIME_STORE", str(VAR_DIR / "crime")))
COMMONWEAL_SITE_NAME = env_str("COMMONWEAL_SITE_NAME", "Commonweal")
# The borough this installation serves first (its home page and demo).
COMMONWEAL_HOME_AUTHORITY = env_str("COMMONWEAL_HOME_AUTHORITY", "E08000033")
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 50, minimum=1)
# Community rights: readings of rules the rulebook marks unconfirmed (docs/rights.md).
RIGHTS_MONTH_RULE = env_choice("RIGHTS_MONTH_RULE", "C", {"C", "B"})
RIGHTS_COMMUNITY_INTEREST_GROUPS = env_list(
    "RIGHTS_COMMUNITY_INTEREST_GROUPS",
    [
        "parish-council",
        "charity",
        "community-interest-company",
        "company-limited-by-guarantee",
        "co-operative-or-community-benefit-society",
    ],
)

# Feedback to providers: the response targets a provider starts with, in working days
# (England and Wales), until an officer sets its own (docs/feedback.md).
FEEDBACK_ACKNOWLEDGE_DAYS = env_int("FEEDBACK_ACKNOWLEDGE_DAYS", 2, minimum=1)
FEEDBACK_RESPOND_DAYS = env_int("FEEDBACK_RESPOND_DAYS", 10, minimum=1)
# An escalated report: the working days the council officer who takes it has to settle it.
FEEDBACK_ESCALATION_RESPOND_DAYS = env_int("FEEDBACK_ESCALATION_RESPOND_DAYS", 20, minimum=1)
# Public contracts (docs/contracts.md): the OCID prefix registered with the Open Contracting
# Partnership, who publishes the data, and where the OCDS schema files are read from (never
# downloaded at run time).
OCDS_OCID_PREFIX = env_str("OCDS_OCID_PREFIX", "ocds-cmnwel")
OCDS_PUBLISHER_NAME = env_str("OCDS_PUBLISHER_NAME", COMMONWEAL_SITE_NAME)
OCDS_SCHEMA_DIR = Path(env_str("OCDS_SCHEMA_DIR", str(COMMONWEAL_SHARED_DATA / "schemas" / "ocds")))
# Right to data requests (docs/data-requests.md): the working days a body has to answer.
DATA_REQUESTS_TARGET_WORKING_DAYS = env_int("DATA_REQUESTS_TARGET_WORKING_DAYS", 20, minimum=1)

# Neighbourhood planning: readings the rulebook marks unconfirmed, each with its best reading
# as the default (docs/neighbourhood-planning.md). Month periods follow RIGHTS_MONTH_RULE.
NEIGHBOURHOOD_PLANNING_DECISION_WEEKS = env_int(
    "NEIGHBOURHOOD_PLANNING_DECISION_WEEKS", 13, minimum=1
)
NEIGHBOURHOOD_PLANNING_DESIGNATE_WHEN_LATE = env_bool(
    "NEIGHBOURHOOD_PLANNING_DESIGNATE_WHEN_LATE", True
)
NEIGHBOURHOOD_PLANNING_FORUM_YEARS = env_int("NEIGHBOURHOOD_PLANNING_FORUM_YEARS", 5, minimum=1)
NEIGHBOURHOOD_PLANNING_EXAMINER_READING = env_choice(
    "NEIGHBOURHOOD_PLANNING_EXAMINER_READING", "from", {"from", "beginning-with"}
)
NEIGHBOURHOOD_PLANNING_REFERENDUM_WORKING_DAYS = env_int(
    "NEIGHBOURHOOD_PLANNING_REFERENDUM_WORKING_DAYS", 56, minimum=1
)
NEIGHBOURHOOD_PLANNING_COMBINED_REFERENDUM_WORKING_DAYS = env_int(
    "NEIGHBOURHOOD_PLANNING_COMBINED_REFERENDUM_WORKING_DAYS", 84, minimum=1
)
NEIGHBOURHOOD_PLANNING_REJECTED_BALLOTS_COUNT = env_bool(
    "NEIGHBOURHOOD_PLANNING_REJECTED_BALLOTS_COUNT", False
)
NEIGHBOURHOOD_PLANNING_MAKE_WEEKS = env_int("NEIGHBOURHOOD_PLANNING_MAKE_WEEKS", 8, minimum=1)
# How long an unsuccessful nomination stays on the list (s.93; U9, awaiting confirmation).
RIGHTS_ACV_UNSUCCESSFUL_YEARS = env_int("RIGHTS_ACV_UNSUCCESSFUL_YEARS", 5, minimum=1)

# Right to challenge and asset transfer: readings awaiting legal confirmation
# (docs/right-to-challenge.md, docs/asset-transfer.md).
RIGHTS_CHALLENGE_REFUSE_OUTSIDE_WINDOW = env_bool("RIGHTS_CHALLENGE_REFUSE_OUTSIDE_WINDOW", True)
RIGHTS_CHALLENGE_TIMETABLE_NOTICE_DAYS = env_int(
    "RIGHTS_CHALLENGE_TIMETABLE_NOTICE_DAYS", 30, minimum=1
)
RIGHTS_CHALLENGE_PERIOD_WORDING = env_choice(
    "RIGHTS_CHALLENGE_PERIOD_WORDING", "from", {"from", "beginning-with"}
)
RIGHTS_CHALLENGE_EMPLOYEE_ENGAGEMENT_REQUIRED = env_bool(
    "RIGHTS_CHALLENGE_EMPLOYEE_ENGAGEMENT_REQUIRED", True
)
ASSET_TRANSFER_CONSENT_THRESHOLD = env_int("ASSET_TRANSFER_CONSENT_THRESHOLD", 2_000_000, minimum=0)

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.server": {"level": "WARNING" if not DEBUG else "INFO"}},
}
