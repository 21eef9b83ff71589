"""Staff accounts: passwords (argon2id), one-time codes (TOTP), and slowing down and then
locking an account after failed sign-ins, counted in SQLite so every worker sees them.

Plain functions over the database; the views and the `flask users` commands call them.
"""

import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pyotp
import segno
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .db import write_transaction

ROLES = ("admin", "consultant")
MINIMUM_PASSWORD_LENGTH = 12
# Longer than any passphrase a person types; argon2 itself has no limit worth hitting.
MAXIMUM_PASSWORD_LENGTH = 256
ISSUER = "KLAPjob"

# Failed sign-ins: the first few cost nothing (a typo), then each one makes the next
# attempt wait twice as long, then the account is locked for a while.
FREE_FAILURES = 3
LOCK_AFTER_FAILURES = 10
LOCK_MINUTES = 30

# argon2-cffi's defaults: argon2id, t=3, m=64 MiB, p=4 (OWASP ASVS 5 passes them).
hasher = PasswordHasher()
# Checked when an email address is unknown, so that a wrong address takes as long as a
# wrong password and the answer says nothing about who has an account.
_DUMMY_HASH = hasher.hash(secrets.token_hex(16))

log = logging.getLogger("klapjob.sign_in")


def utc_now():
    return datetime.now(timezone.utc)


def iso(moment):
    return moment.isoformat(timespec="seconds")


@dataclass
class User:
    id: int
    public_id: str
    email: str
    name: str
    role: str
    active: bool
    totp_secret: str
    totp_confirmed: bool
    totp_last_step: int
    failed_sign_ins: int
    last_failed_at: str | None
    locked_until: str | None

    @property
    def is_admin(self):
        return self.role == "admin"

    def locked_at(self, now):
        return bool(self.locked_until) and datetime.fromisoformat(self.locked_until) > now


USER_COLUMNS = (
    "id, public_id, email, name, role, active, totp_secret, totp_confirmed, totp_last_step, "
    "failed_sign_ins, last_failed_at, locked_until"
)


def _user(row):
    if row is None:
        return None
    row = dict(row)
    for flag in ("active", "totp_confirmed"):
        row[flag] = bool(row[flag])
    return User(**row)


def _one_user(db, where, params):
    rows = list(db.query(f"SELECT {USER_COLUMNS} FROM users WHERE {where}", params))
    return _user(rows[0]) if rows else None


def user_by_id(db, user_id):
    return _one_user(db, "id = ?", [user_id])


def user_by_public_id(db, public_id):
    return _one_user(db, "public_id = ?", [public_id])


def user_by_email(db, email):
    return _one_user(db, "email = ?", [email.strip()])


def all_users(db):
    return [_user(r) for r in db.query(f"SELECT {USER_COLUMNS} FROM users ORDER BY name, email")]


def active_consultants(db):
    """Everyone who can be given registrations: consultants and admins alike."""
    return [user for user in all_users(db) if user.active]


class PasswordProblem(ValueError):
    pass


def check_password_rules(password):
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise PasswordProblem("short")
    if len(password) > MAXIMUM_PASSWORD_LENGTH:
        raise PasswordProblem("long")


def create_user(db, email, name, role, password, *, now=None):
    """A new account with its one-time-code secret; the code is confirmed at first sign-in."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    check_password_rules(password)
    with write_transaction(db):
        cursor = db.execute(
            """
            INSERT INTO users (public_id, email, name, role, password_hash, totp_secret, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                secrets.token_urlsafe(9),
                email.strip(),
                name.strip() or email.strip(),
                role,
                hasher.hash(password),
                pyotp.random_base32(),
                iso(now or utc_now()),
            ],
        )
    return user_by_id(db, cursor.lastrowid)


def set_password(db, user, password):
    check_password_rules(password)
    with write_transaction(db):
        db.execute(
            "UPDATE users SET password_hash = ? WHERE id = ?", [hasher.hash(password), user.id]
        )


def update_user(db, user, *, name, role, active):
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    with write_transaction(db):
        db.execute(
            "UPDATE users SET name = ?, role = ?, active = ? WHERE id = ?",
            [name.strip(), role, int(active), user.id],
        )
        if not active:
            db.execute("DELETE FROM staff_sessions WHERE user_id = ?", [user.id])


def unlock(db, user):
    with write_transaction(db):
        db.execute(
            "UPDATE users SET failed_sign_ins = 0, last_failed_at = NULL, locked_until = NULL "
            "WHERE id = ?",
            [user.id],
        )


def reset_two_factor(db, user):
    """A lost phone: a new secret, to be set up again with a QR code at the next sign-in."""
    with write_transaction(db):
        db.execute(
            "UPDATE users SET totp_secret = ?, totp_confirmed = 0, totp_last_step = 0 "
            "WHERE id = ?",
            [pyotp.random_base32(), user.id],
        )
        db.execute("DELETE FROM staff_sessions WHERE user_id = ?", [user.id])


# --------------------------------------------------------------------------------------
# Signing in: the password, then the code


@dataclass
class SignInAttempt:
    user: User | None = None
    # None when the password was right; else "wrong", "wait" or "locked".
    problem: str | None = None
    wait_seconds: int = 0


def seconds_to_wait(user, now):
    """How long this account must wait before the next attempt (0: it may try now)."""
    if user.locked_at(now):
        return int((datetime.fromisoformat(user.locked_until) - now).total_seconds()) + 1
    if user.failed_sign_ins < FREE_FAILURES or not user.last_failed_at:
        return 0
    delay = timedelta(seconds=2 ** (user.failed_sign_ins - FREE_FAILURES + 1))
    allowed_at = datetime.fromisoformat(user.last_failed_at) + delay
    return max(0, int((allowed_at - now).total_seconds()) + 1) if allowed_at > now else 0


def check_password(db, email, password, *, now=None):
    now = now or utc_now()
    user = user_by_email(db, email)
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password)
        log.warning("Failed sign-in for an unknown or inactive account")
        return SignInAttempt(problem="wrong")
    wait = seconds_to_wait(user, now)
    if wait:
        return SignInAttempt(user, "locked" if user.locked_at(now) else "wait", wait)
    stored = next(db.query("SELECT password_hash FROM users WHERE id = ?", [user.id]))
    if not _verify(stored["password_hash"], password):
        return record_failure(db, user, now)
    if hasher.check_needs_rehash(stored["password_hash"]):
        set_password(db, user, password)
    return SignInAttempt(user)


def _verify(stored_hash, password):
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def record_failure(db, user, now):
    """Count a failed password or code. At LOCK_AFTER_FAILURES the account is locked and
    the count starts again, so the slow-down comes back after the lock."""
    with write_transaction(db):
        db.execute(
            "UPDATE users SET failed_sign_ins = failed_sign_ins + 1, last_failed_at = ? "
            "WHERE id = ?",
            [iso(now), user.id],
        )
        failures = next(db.query("SELECT failed_sign_ins FROM users WHERE id = ?", [user.id]))
        locked = failures["failed_sign_ins"] >= LOCK_AFTER_FAILURES
        if locked:
            db.execute(
                "UPDATE users SET locked_until = ?, failed_sign_ins = 0 WHERE id = ?",
                [iso(now + timedelta(minutes=LOCK_MINUTES)), user.id],
            )
    log.warning(
        "Failed sign-in for user %s (%d in a row)%s",
        user.public_id,
        failures["failed_sign_ins"],
        ": locked" if locked else "",
    )
    if locked:
        return SignInAttempt(user, "locked", LOCK_MINUTES * 60)
    return SignInAttempt(user, "wrong")


def record_success(db, user):
    with write_transaction(db):
        db.execute(
            "UPDATE users SET failed_sign_ins = 0, last_failed_at = NULL, locked_until = NULL, "
            "totp_confirmed = 1 WHERE id = ?",
            [user.id],
        )


def totp_for(user):
    return pyotp.TOTP(user.totp_secret)


def provisioning_uri(user):
    """The otpauth:// address an authenticator app reads (from the QR code or a link)."""
    return totp_for(user).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_code_data_uri(user):
    return segno.make(provisioning_uri(user), error="m").svg_data_uri(scale=5, border=4)


def spaced_secret(user):
    """The secret in groups of four, for typing into an app by hand."""
    secret = user.totp_secret
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def check_code(db, user, code, *, now=None):
    """True when `code` is the code of now (or 30 s either side) and has not been used
    before. A used code is spent: its time step is stored, and earlier ones refused."""
    now = now or utc_now()
    digits = "".join(ch for ch in code or "" if ch.isdigit())
    if len(digits) != 6:
        return False
    totp = totp_for(user)
    current = totp.timecode(now)
    for step in (current - 1, current, current + 1):
        if step <= user.totp_last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), digits):
            with write_transaction(db):
                changed = db.execute(
                    "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                    [step, user.id, step],
                ).rowcount
            return changed == 1
    return False
