"""Settings, read from the environment with safe defaults under the instance folder."""

import os
from datetime import timedelta
from pathlib import Path

from app.core import codes

ROOT = Path(__file__).resolve().parent.parent


def _flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_secret_key(instance_path):
    """The key from the environment, or one generated once and kept in the instance folder."""
    from_env = os.environ.get("KLAPJOB_SECRET_KEY")
    if from_env:
        return from_env
    key_file = Path(instance_path) / "secret_key"
    if not key_file.exists():
        # O_EXCL: two workers starting together must not write two different keys.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(codes.new_token())
    return key_file.read_text().strip()


def database_path(instance_path=ROOT / "instance"):
    return os.environ.get("KLAPJOB_DATABASE", str(Path(instance_path) / "klapjob.sqlite3"))


# Shipped so that the site runs on a developer's machine; never to be shown to people.
PLACEHOLDERS = {"KLAPJOB_PHONE": "12 34 56 78", "KLAPJOB_EMAIL": "klapjob@example.org"}


class PlaceholderContactDetails(RuntimeError):
    """The site was to serve people with the placeholder phone number or address."""


def require_real_contact_details(config):
    """Called where the site starts serving people (wsgi.py), outside development: every
    page tells people to call KLAPJOB_PHONE."""
    if config.get("DEVELOPMENT") or config.get("TESTING"):
        return
    for name, placeholder in PLACEHOLDERS.items():
        if config[name].strip() in ("", placeholder):
            raise PlaceholderContactDetails(f"Set {name} to KLAPjob's own (not {placeholder!r}).")


def month_days(text):
    """'12-24,12-31' -> ((12, 24), (12, 31)): days of the year given as MM-DD."""
    days = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        month, day = item.split("-")
        days.append((int(month), int(day)))
    return tuple(days)


def _number(name, default, kind=int):
    return kind(os.environ.get(name, str(default)))


def settings_from_environment(instance_path):
    https = _flag("KLAPJOB_HTTPS")
    return {
        "SECRET_KEY": load_secret_key(instance_path),
        "DATABASE": database_path(instance_path),
        "KLAPJOB_PHONE": os.environ.get("KLAPJOB_PHONE", PLACEHOLDERS["KLAPJOB_PHONE"]),
        "KLAPJOB_EMAIL": os.environ.get("KLAPJOB_EMAIL", PLACEHOLDERS["KLAPJOB_EMAIL"]),
        # The number KLAPjob's consultants call from: the question about calls shows it, so
        # that a person picks up. Nothing is shown until KLAPjob sets it.
        "CALLS_FROM": os.environ.get("KLAPJOB_CALLS_FROM", ""),
        "CALLBACK_WORKING_DAYS": int(os.environ.get("KLAPJOB_CALLBACK_WORKING_DAYS", "5")),
        # A case in the queue nobody covers that has waited longer sounds an alarm.
        "QUEUE_ALARM_WORKING_DAYS": _number("KLAPJOB_QUEUE_ALARM_WORKING_DAYS", 1),
        "PHONE_CLOSED_DAYS": month_days(
            os.environ.get("KLAPJOB_PHONE_CLOSED_DAYS", "12-24,12-31,06-05")
        ),
        # When KLAPjob's phone is open, as KLAPjob writes it ("mandag-torsdag 9-15, fredag
        # 9-12"): said beside the number wherever a person is told to call. Nothing is said
        # until KLAPjob sets it: the site never guesses the hours.
        "PHONE_HOURS": os.environ.get("KLAPJOB_PHONE_HOURS", "").strip(),
        "DRAFT_COOKIE_DAYS": int(os.environ.get("KLAPJOB_DRAFT_DAYS", "30")),
        "RECEIPT_HOURS": int(os.environ.get("KLAPJOB_RECEIPT_HOURS", "24")),
        "RESUME_DAYS": int(os.environ.get("KLAPJOB_RESUME_DAYS", "30")),
        # On a shared device: ask "Are you still there?" after this long without a touch,
        # then clear the device if nobody answers.
        "SHARED_IDLE_SECONDS": int(os.environ.get("KLAPJOB_SHARED_IDLE_SECONDS", "600")),
        "SHARED_IDLE_GRACE_SECONDS": int(
            os.environ.get("KLAPJOB_SHARED_IDLE_GRACE_SECONDS", "120")
        ),
        # Mail: nothing is sent unless a host is set.
        "SMTP_HOST": os.environ.get("KLAPJOB_SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("KLAPJOB_SMTP_PORT", "25")),
        "SMTP_USER": os.environ.get("KLAPJOB_SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("KLAPJOB_SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": _flag("KLAPJOB_SMTP_STARTTLS"),
        "MAIL_FROM": os.environ.get("KLAPJOB_MAIL_FROM", "KLAPjob <noreply@example.org>"),
        # Behind TLS every cookie is Secure and HSTS is sent. The README serves plain
        # http on 127.0.0.1, where a Secure cookie would not come back in every browser.
        "HTTPS": https,
        "SESSION_COOKIE_SECURE": https,
        # Operations (docs/operations.md): /healthz answers 503 below this much free disk,
        # and Litestream streams the database to this replica when it is set.
        "HEALTH_MIN_FREE_MB": int(os.environ.get("KLAPJOB_HEALTH_MIN_FREE_MB", "500")),
        "LITESTREAM_REPLICA": os.environ.get("KLAPJOB_LITESTREAM_REPLICA", ""),
        "LITESTREAM_RETENTION": os.environ.get("KLAPJOB_LITESTREAM_RETENTION", "24h"),
        # The site's address in every link in every mail, e.g. https://tilmelding.klapjob.dk.
        # Outside development the site does not start without it (core/public_address.py).
        "PUBLIC_URL": os.environ.get("KLAPJOB_PUBLIC_URL", ""),
        # Trying the site on this machine (scripts/serve without KLAPJOB_PUBLIC_URL): links
        # in mails then lead to the name this machine was asked by (127.0.0.1, localhost).
        "DEVELOPMENT": _flag("KLAPJOB_DEVELOPMENT"),
        # How many proxies in front of the site add X-Forwarded-For and -Proto (0: none,
        # and the headers are not believed: anybody can write them).
        "TRUSTED_PROXIES": _number("KLAPJOB_TRUSTED_PROXIES", 0),
        # What one client address may do (counted in SQLite, across workers).
        "FAILED_CODES_PER_HOUR": _number("KLAPJOB_FAILED_CODES_PER_HOUR", 10),
        "NEW_DRAFTS_PER_HOUR": _number("KLAPJOB_NEW_DRAFTS_PER_HOUR", 60),
        "MEETING_SIGNUPS_PER_HOUR": _number("KLAPJOB_MEETING_SIGNUPS_PER_HOUR", 20),
        "CALL_REQUESTS_PER_HOUR": _number("KLAPJOB_CALL_REQUESTS_PER_HOUR", 20),
        "PROFILE_PDFS_PER_HOUR": _number("KLAPJOB_PROFILE_PDFS_PER_HOUR", 20),
        "PROFILE_MAILS_PER_HOUR": _number("KLAPJOB_PROFILE_MAILS_PER_HOUR", 5),
        # The QR code on a printed job profile: its page opened from one client address an
        # hour (known codes or not), and how many days a printed code works.
        "PROFILE_LINK_OPENINGS_PER_HOUR": _number("KLAPJOB_PROFILE_LINK_OPENINGS_PER_HOUR", 60),
        "PROFILE_LINK_DAYS": _number("KLAPJOB_PROFILE_LINK_DAYS", 90),
        # "Continue later" links by mail: from one client address an hour, and for one
        # draft an hour; and every mail a visitor can have sent to one address in a day.
        "RESUME_MAILS_PER_HOUR": _number("KLAPJOB_RESUME_MAILS_PER_HOUR", 10),
        "RESUME_MAILS_PER_DRAFT": _number("KLAPJOB_RESUME_MAILS_PER_DRAFT", 3),
        "MAILS_PER_RECIPIENT_PER_DAY": _number("KLAPJOB_MAILS_PER_RECIPIENT_PER_DAY", 10),
        # Failed staff sign-ins from one client address in an hour, whatever the accounts.
        "SIGN_IN_FAILURES_PER_ADDRESS": _number("KLAPJOB_SIGN_IN_FAILURES_PER_ADDRESS", 30),
        # Read-aloud: seconds of synthesis of personal texts one client may cause a minute;
        # how long a clip made for one visitor stays in memory; how much disk (MB) the
        # clips shared by everybody may take (past it new clips are made, not kept).
        "SPEECH_SECONDS_PER_MINUTE": _number("KLAPJOB_SPEECH_SECONDS_PER_MINUTE", 10, float),
        "PERSONAL_AUDIO_SECONDS": _number("KLAPJOB_PERSONAL_AUDIO_SECONDS", 600, float),
        "AUDIO_CACHE_MB": _number("KLAPJOB_AUDIO_CACHE_MB", 500, float),
        # Answers in the person's own voice: the longest recording (seconds) and the
        # biggest file (KB) an answer may have, and what one person's recordings may add up
        # to together (seconds and KB). Past a limit the recording is refused kindly.
        "VOICE_SECONDS_PER_ANSWER": _number("KLAPJOB_VOICE_SECONDS_PER_ANSWER", 120, float),
        "VOICE_KB_PER_ANSWER": _number("KLAPJOB_VOICE_KB_PER_ANSWER", 3072),
        "VOICE_SECONDS_PER_PERSON": _number("KLAPJOB_VOICE_SECONDS_PER_PERSON", 360, float),
        "VOICE_KB_PER_PERSON": _number("KLAPJOB_VOICE_KB_PER_PERSON", 9216),
        # The photo on the job profile: the biggest file (KB) a person may send, as a phone's
        # camera makes it. Past it the photo is refused kindly; what is kept is far smaller.
        "PHOTO_KB": _number("KLAPJOB_PHOTO_KB", 12288),
        # A browser where an account signed in is its known device this long.
        "KNOWN_DEVICE_DAYS": _number("KLAPJOB_KNOWN_DEVICE_DAYS", 90),
        # Below this much free disk (MB) no new drafts are started; started ones still save.
        "DISK_FLOOR_MB": _number("KLAPJOB_DISK_FLOOR_MB", 200, float),
        # What makes the sound: "espeak" (espeak-ng, the real one) or "fake" (silence as long
        # as the words, at once: for tests that are not about synthesis). engine/engines.py
        "SPEECH_ENGINE": os.environ.get("KLAPJOB_SPEECH_ENGINE", "espeak"),
        "AUDIO_DIR": os.environ.get("KLAPJOB_AUDIO_DIR", str(Path(instance_path) / "audio")),
        # The back office: a staff session ends after this long unused; the purge deletes
        # registrations closed and drafts untouched longer ago than this.
        "STAFF_IDLE_MINUTES": _number("KLAPJOB_STAFF_IDLE_MINUTES", 30),
        # ...and says so this long before, with a way to stay (staff-still-here.js).
        "STAFF_WARN_MINUTES": 2,
        "PURGE_CLOSED_DAYS": _number("KLAPJOB_PURGE_CLOSED_DAYS", 365),
        "PURGE_DRAFT_DAYS": _number("KLAPJOB_PURGE_DRAFT_DAYS", 30),
    }


DEFAULTS = {
    # Our forms carry a few kilobytes; anything bigger is not from us.
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "klapjob_session",
    # The session holds only the CSRF token; it ends with the browser. Staff sessions
    # get their own idle limit.
    "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
    # Citizens never time out: the token lives as long as the session. A token that
    # is gone anyway gives the form back with what was typed (see journey.views).
    "WTF_CSRF_TIME_LIMIT": None,
    "BABEL_DEFAULT_LOCALE": "da",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
    "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
    "LANGUAGES": ("da", "en"),
}
