"""Senim's one settings module, driven by environment variables.

SENIM_ENV=production refuses to start without SECRET_KEY and turns DEBUG off; the default
(development) generates a secret key once and keeps it in SENIM_DATA_DIR, so sessions survive
restarts without a key ever being committed. SQLite in SENIM_DATA_DIR is the embedded default;
DATABASE_URL (e.g. postgres://user@host:5432/senim) selects PostgreSQL.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SENIM_ENV = env("SENIM_ENV", "development")
PRODUCTION = SENIM_ENV == "production"
TESTING = env_bool("SENIM_TESTING")

DATA_DIR = Path(env("SENIM_DATA_DIR", str(BASE_DIR.parent / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
# Database, keys, files: readable by the service account only (core.apps does the same for the
# SQLite database file itself).
if DATA_DIR.stat().st_uid == os.getuid() and DATA_DIR.stat().st_mode & 0o077:
    DATA_DIR.chmod(0o700)


def _secret_key() -> str:
    key = env("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when SENIM_ENV=production.")
    # Development: one key per data directory, created on first start and kept.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", default=not PRODUCTION and not TESTING)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "senim.core",
    "senim.org",
    "senim.accounts",
    "senim.screening",
    "senim.counterparties",
    "senim.speakup",
    "senim.conflicts",
    "senim.risks",
    "senim.awareness",
    "senim.learning",
    "senim.reports",
    "senim.examination",
    "senim.ops",
    "senim.demo",
]

MIDDLEWARE = [
    "senim.core.middleware.BodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "senim.core.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "senim.accounts.middleware.UserLanguageMiddleware",
    "senim.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "senim.urls"
WSGI_APPLICATION = "senim.wsgi.application"
ASGI_APPLICATION = "senim.asgi.application"

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
                "senim.core.context_processors.shell",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'senim.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the worker proceed while one writer commits; IMMEDIATE avoids
    # "database is locked" upgrades from read to write locks inside transactions.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security state (rate limits, lock-outs, one-time tokens: senim.core.limits) lives in Redis when
# there is one (production requires it: check senim.E004), else in a database table that never
# evicts it; the cache below holds only what may be lost.
SENIM_SECURITY_IN_CACHE = bool(env("REDIS_URL"))
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}
elif TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Shared by every process on one host (what it holds may be evicted: never security state).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if TESTING or env_bool("SENIM_TASKS_INLINE")
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Queue a conflicts detection run when declarations, employees, counterparties or contracts change
# (senim/conflicts/autodetect.py). Off in tests, whose factory saves would each queue a run.
SENIM_CONFLICTS_AUTODETECT = env_bool("SENIM_CONFLICTS_AUTODETECT", default=not TESTING)

# Counterparties: offshore jurisdictions for the automatic red flag (ISO codes; empty: the built-in
# list in counterparties/services/verification.py) and the risk scores from which a verification is
# medium and high risk.
SENIM_OFFSHORE_COUNTRIES = env_list("SENIM_OFFSHORE_COUNTRIES")
SENIM_COUNTERPARTY_RISK_THRESHOLDS = tuple(int(v) for v in env_list("SENIM_COUNTERPARTY_RISK_THRESHOLDS", "15,30")[:2])
# Significant suppliers: contracted above this amount (in this currency) over the last 12 months, or
# of high criticality; each is verified again when its last approved verification is this many months old.
SENIM_SIGNIFICANT_SUPPLIER_SPEND = env_int("SENIM_SIGNIFICANT_SUPPLIER_SPEND", 500_000_000)
SENIM_SIGNIFICANT_SUPPLIER_CURRENCY = os.environ.get("SENIM_SIGNIFICANT_SUPPLIER_CURRENCY", "KZT")
SENIM_SIGNIFICANT_SUPPLIER_MONTHS = env_int("SENIM_SIGNIFICANT_SUPPLIER_MONTHS", 12)

# Speak Up (senim/speakup/conf.py reads these when used): deadlines in days, upload and guessing
# limits, the contacts the public pages name, and the receipt-key pepper, which like the master key
# lives outside the database (a file created on first use unless given here).
SENIM_SPEAKUP_ACK_DAYS = env_int("SENIM_SPEAKUP_ACK_DAYS", 7)
SENIM_SPEAKUP_FEEDBACK_DAYS = env_int("SENIM_SPEAKUP_FEEDBACK_DAYS", 90)
SENIM_SPEAKUP_WATCH_DAYS = env_int("SENIM_SPEAKUP_WATCH_DAYS", 365)
SENIM_SPEAKUP_WATCH_REMINDER_DAYS = env_int("SENIM_SPEAKUP_WATCH_REMINDER_DAYS", 90)
SENIM_SPEAKUP_MAX_FILE_MB = env_int("SENIM_SPEAKUP_MAX_FILE_MB", 10)
SENIM_SPEAKUP_MAX_FILES = env_int("SENIM_SPEAKUP_MAX_FILES", 5)
SENIM_SPEAKUP_SUBMISSIONS_PER_HOUR = env_int("SENIM_SPEAKUP_SUBMISSIONS_PER_HOUR", 20)
SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR = env_int("SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR", 10)
SENIM_SPEAKUP_PHONE = env("SENIM_SPEAKUP_PHONE", "+7 800 000 00 00")
SENIM_SPEAKUP_EMAIL = env("SENIM_SPEAKUP_EMAIL", "speakup@example.kz")
SENIM_SPEAKUP_ADDRESS = env("SENIM_SPEAKUP_ADDRESS")
SENIM_SPEAKUP_RECEIPT_PEPPER = env("SENIM_SPEAKUP_RECEIPT_PEPPER")
SENIM_SPEAKUP_RECEIPT_PEPPER_FILE = env("SENIM_SPEAKUP_RECEIPT_PEPPER_FILE", str(DATA_DIR / "speakup-receipt.key"))

# Awareness: how long candidates' checks (their personal data) are kept after the check, in days;
# `senim awareness candidates purge` (run daily) deletes older ones.
SENIM_CANDIDATE_RETENTION_DAYS = env_int("SENIM_CANDIDATE_RETENTION_DAYS", 365)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["senim.accounts.backends.UsernameOrEmailBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Log-in lock-out: after this many consecutive failures the account is locked for the period.
SENIM_LOGIN_MAX_FAILURES = env_int("SENIM_LOGIN_MAX_FAILURES", 5)
SENIM_LOGIN_LOCK_MINUTES = env_int("SENIM_LOGIN_LOCK_MINUTES", 15)
# Per client address, for names that do not exist (so probing cannot enumerate accounts).
SENIM_LOGIN_RATE_PER_HOUR = env_int("SENIM_LOGIN_RATE_PER_HOUR", 60)
# Password-reset requests per hour: per client address, and per e-mail address (account).
SENIM_RESET_RATE_PER_HOUR = env_int("SENIM_RESET_RATE_PER_HOUR", 10)
SENIM_RESET_RATE_PER_ACCOUNT = env_int("SENIM_RESET_RATE_PER_ACCOUNT", 3)
# How many reverse proxies (e.g. nginx) stand in front of Senim and append to X-Forwarded-For.
SENIM_TRUSTED_PROXIES = env_int("SENIM_TRUSTED_PROXIES", 0)
# Two-factor is mandatory for compliance roles (administrator, officer, investigator) when on.
SENIM_2FA_REQUIRED_FOR_COMPLIANCE = env_bool("SENIM_2FA_REQUIRED_FOR_COMPLIANCE", default=PRODUCTION)

# Master key for encryption at rest (base64 Fernet key). Held outside the database: in the
# environment, or in a file readable only by the service account.
SENIM_MASTER_KEY = env("SENIM_MASTER_KEY")
SENIM_MASTER_KEY_FILE = env("SENIM_MASTER_KEY_FILE", str(DATA_DIR / "master.key"))
# The key of the audit chain's HMAC (core.audit), kept outside the database like the master key;
# several keys comma-separated, newest first (older ones still verify). Where anchors go by default.
SENIM_AUDIT_KEY = env("SENIM_AUDIT_KEY")
SENIM_AUDIT_KEY_FILE = env("SENIM_AUDIT_KEY_FILE", str(DATA_DIR / "audit.key"))
SENIM_AUDIT_ANCHOR_FILE = env("SENIM_AUDIT_ANCHOR_FILE", str(DATA_DIR / "audit-anchors.log"))
if PRODUCTION and not SENIM_AUDIT_KEY and not Path(SENIM_AUDIT_KEY_FILE).exists():
    raise ImproperlyConfigured("SENIM_AUDIT_KEY or SENIM_AUDIT_KEY_FILE must be set when SENIM_ENV=production.")

SENIM_MAX_UPLOAD_MB = env_int("SENIM_MAX_UPLOAD_MB", 25)
# Rows an import file may hold (a workbook is refused before it is parsed when it holds more).
SENIM_IMPORT_MAX_ROWS = env_int("SENIM_IMPORT_MAX_ROWS", 200_000)
# Screening hits are raised at or above this score; empty means the matching engine's default.
SENIM_SCREENING_THRESHOLD = float(env("SENIM_SCREENING_THRESHOLD") or 0) or None
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = None
# Bodies that are not multipart are refused above this size before anything reads them
# (core.middleware.BodyLimitMiddleware; multipart bodies: the largest upload a module accepts).
SENIM_MAX_BODY_BYTES = env_int("SENIM_MAX_BODY_BYTES", DATA_UPLOAD_MAX_MEMORY_SIZE)
MEDIA_ROOT = DATA_DIR / "files"

LANGUAGE_CODE = env("SENIM_DEFAULT_LANGUAGE", "ru")
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("uz", _("Uzbek")),
]
# Fallback order for values people type in several languages (see senim.core.i18n).
SENIM_CONTENT_LANGUAGE_FALLBACK = ["ru", "kk", "en", "uz"]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["senim.core.formats"]
TIME_ZONE = env("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Files Senim keeps (senim.core.files): the local disk under MEDIA_ROOT, or an S3-compatible object
# store (MinIO on premises) shared by every host when SENIM_S3_BUCKET is set. Sensitive files are
# encrypted under the master key before they leave the process, so the store never holds them plain.
SENIM_S3_BUCKET = env("SENIM_S3_BUCKET")
if SENIM_S3_BUCKET:
    _DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": SENIM_S3_BUCKET,
            "endpoint_url": env("SENIM_S3_ENDPOINT_URL") or None,
            "access_key": env("SENIM_S3_ACCESS_KEY") or None,
            "secret_key": env("SENIM_S3_SECRET_KEY") or None,
            "region_name": env("SENIM_S3_REGION") or None,
            "location": env("SENIM_S3_PREFIX"),
            "addressing_style": env("SENIM_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# E-mail: SMTP when EMAIL_HOST is set, otherwise printed to the console (development).
if TESTING:
    _MAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
elif env("EMAIL_HOST"):
    _MAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    _MAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        "OPTIONS": {
            "host": env("EMAIL_HOST"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env("EMAIL_HOST_USER"),
            "password": env("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS"),
        }
        if _MAIL_BACKEND.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "senim@localhost")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
# A session cookie: nothing of a visit to the public Speak Up portal outlives the browser session.
CSRF_COOKIE_AGE = None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (Django's own middleware): scripts and stylesheets only from Senim's
# own static files, no inline script anywhere. Style attributes stay allowed: templates set CSS
# custom properties (a bar's length, a tree's depth) through them; they cannot run code.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer probes each host over plain HTTP (core.health): never redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
    "loggers": {"django.server": {"level": "WARNING" if TESTING else "INFO"}},
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

# Accounts for every employee (issue 12): with this on, each HR import (page, API, `senim import`)
# and each new employee record creates or links the employee's account (employee role, own
# record). Dismissed employees' accounts are deactivated whether or not this is on.
SENIM_EMPLOYEE_ACCOUNTS = env_bool("SENIM_EMPLOYEE_ACCOUNTS", default=False)

# Single sign-on (issue 12; see senim/accounts/sso.py). Password log-in always stays.
# LDAP / Active Directory: on when SENIM_LDAP_SERVER_URI is set. The user is found by a search
# (with a service account if SENIM_LDAP_BIND_DN is set), then Senim binds as the user.
SENIM_LDAP_SERVER_URI = env("SENIM_LDAP_SERVER_URI")
SENIM_LDAP_ENABLED = bool(SENIM_LDAP_SERVER_URI)
SENIM_LDAP_PERSONNEL_NUMBER_ATTR = env("SENIM_LDAP_PERSONNEL_NUMBER_ATTR", "employeeNumber")
SENIM_LDAP_EMAIL_ATTR = env("SENIM_LDAP_EMAIL_ATTR", "mail")
AUTH_LDAP_SERVER_URI = SENIM_LDAP_SERVER_URI
AUTH_LDAP_BIND_DN = env("SENIM_LDAP_BIND_DN")
AUTH_LDAP_BIND_PASSWORD = env("SENIM_LDAP_BIND_PASSWORD")
AUTH_LDAP_START_TLS = env_bool("SENIM_LDAP_START_TLS", False)
AUTH_LDAP_ALWAYS_UPDATE_USER = False  # Senim's records, not the directory, hold names and roles
if SENIM_LDAP_ENABLED:
    from django_auth_ldap.config import LDAPSearch

    AUTH_LDAP_USER_SEARCH = LDAPSearch(
        env("SENIM_LDAP_USER_SEARCH_BASE"),
        2,  # ldap.SCOPE_SUBTREE
        env("SENIM_LDAP_USER_FILTER", "(|(uid=%(user)s)(sAMAccountName=%(user)s)(userPrincipalName=%(user)s))"),
    )

# OpenID Connect (Keycloak, ADFS, Entra ID, …): on when SENIM_OIDC_CLIENT_ID is set.
SENIM_OIDC_ENABLED = bool(env("SENIM_OIDC_CLIENT_ID"))
SENIM_OIDC_PROVIDER_NAME = env("SENIM_OIDC_PROVIDER_NAME", "")
SENIM_OIDC_PERSONNEL_NUMBER_CLAIM = env("SENIM_OIDC_PERSONNEL_NUMBER_CLAIM", "employee_number")
OIDC_RP_CLIENT_ID = env("SENIM_OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env("SENIM_OIDC_CLIENT_SECRET")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("SENIM_OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("SENIM_OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("SENIM_OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("SENIM_OIDC_JWKS_ENDPOINT")
OIDC_RP_SIGN_ALGO = env("SENIM_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("SENIM_OIDC_SCOPES", "openid email profile")
OIDC_TIMEOUT = 15
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?sso=failed"
if SENIM_OIDC_ENABLED:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "senim.accounts.sso.SenimOIDCBackend"]
