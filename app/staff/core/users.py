"""Staff accounts: passwords (argon2id) and one-time codes (TOTP). Failed attempts are
counted and slowed down by sign_in_guard.py.

Plain functions over the database; the views and the `flask users` commands call them.
"""

import hmac
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyotp
import segno
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.core.passwords import check_password_rules
from app.staff.core.sign_in_guard import (
    LOCK_MINUTES,
    Guard,
    forget_failures,
    record_failure,
    seconds_to_wait,
)

ROLES = ("admin", "consultant")
ISSUER = "KLAPjob"

# argon2-cffi's defaults: argon2id, t=3, m=64 MiB, p=4 (OWASP ASVS 5 passes them).
REAL_HASHER = PasswordHasher()
hasher = REAL_HASHER
# Checked when an email address is unknown (or its account inactive), so that a wrong
# address does the same work as a wrong password and the answer says nothing about who
# has an account.
_DUMMY_HASH = hasher.hash(codes.new_token(16))


def use_hasher(new_hasher: PasswordHasher) -> None:
    """Only the tests call this (tests/conftest.py): a cheap cost there, as hundreds of
    sign-ins at the real cost took minutes; one test checks the real parameters."""
    global hasher, _DUMMY_HASH
    hasher = new_hasher
    _DUMMY_HASH = new_hasher.hash(codes.new_token(16))


log = logging.getLogger("klapjob.sign_in")


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
    # Set by an admin (a first password, a reset): the person chooses their own next.
    must_change_password: bool
    # The team they cover for each other in (access.py), or None: a team of one.
    team: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


USER_COLUMNS = (
    "id, public_id, email, name, role, active, totp_secret, totp_confirmed, totp_last_step,"
    " must_change_password, (SELECT name FROM teams WHERE teams.id = users.team_id) AS team"
)


def _user(row: dict[str, Any] | None) -> User | None:
    if row is None:
        return None
    row = dict(row)
    for flag in ("active", "totp_confirmed", "must_change_password"):
        row[flag] = bool(row[flag])
    return User(**row)


def _one_user(db: Database, where: str, params: list[Any]) -> User | None:
    rows = list(db.query(f"SELECT {USER_COLUMNS} FROM users WHERE {where}", params))
    return _user(rows[0]) if rows else None


def user_by_id(db: Database, user_id: int | None) -> User | None:
    return _one_user(db, "id = ?", [user_id])


def user_by_public_id(db: Database, public_id: str) -> User | None:
    return _one_user(db, "public_id = ?", [public_id])


def user_by_email(db: Database, email: str) -> User | None:
    return _one_user(db, "email = ?", [email.strip()])


def all_users(db: Database) -> list:
    return [_user(r) for r in db.query(f"SELECT {USER_COLUMNS} FROM users ORDER BY name, email")]


def active_consultants(db: Database) -> list:
    """Everyone who can be given registrations: consultants and admins alike."""
    return [user for user in all_users(db) if user.active]


def create_user(
    db: Database,
    email: str,
    name: str,
    role: str,
    password: str,
    *,
    must_change_password: bool = True,
    now: datetime | None = None,
) -> User:
    """A new account with its one-time-code secret; the code is confirmed at first sign-in.
    The first password is someone else's choice: the person replaces it at first sign-in
    (`must_change_password=False` only for a person who chose it themselves)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    check_password_rules(password, (name, email))
    with write_transaction(db):
        cursor = db.execute(
            """
            INSERT INTO users (public_id, email, name, role, password_hash, totp_secret,
                               created_at, must_change_password)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                codes.new_public_id(),
                email.strip(),
                name.strip() or email.strip(),
                role,
                hasher.hash(password),
                pyotp.random_base32(),
                clock.iso(now or clock.now()),
                int(must_change_password),
            ],
        )
    created = user_by_id(db, cursor.lastrowid)
    assert created is not None  # inserted just now
    return created


def set_password(db: Database, user: User, password: str) -> None:
    """The person's own new password (they gave the current one): every session of theirs
    ends; the caller starts a new one for the browser they are in."""
    check_password_rules(password, (user.name, user.email))
    with write_transaction(db):
        db.execute(
            "UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?",
            [hasher.hash(password), user.id],
        )
        db.execute("DELETE FROM staff_sessions WHERE user_id = ?", [user.id])


def reset_password(db: Database, user: User, temporary_password: str) -> None:
    """An admin's reset: a password for one sign-in, after which the person chooses their
    own, and the authenticator app set up again, so that nothing the admin knows is left
    to sign in with. Every session of theirs ends."""
    check_password_rules(temporary_password, (user.name, user.email))
    with write_transaction(db):
        db.execute(
            "UPDATE users SET password_hash = ?, must_change_password = 1 WHERE id = ?",
            [hasher.hash(temporary_password), user.id],
        )
        reset_two_factor(db, user)


def _rehash(db: Database, user: User, password: str) -> None:
    with write_transaction(db):
        db.execute(
            "UPDATE users SET password_hash = ? WHERE id = ?", [hasher.hash(password), user.id]
        )


def update_user(db: Database, user: User, *, name: str, role: str, active: bool) -> None:
    """Deactivating signs the person out at once; a new role too (a session never carries
    more, or other, rights than it was started with)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    with write_transaction(db):
        db.execute(
            "UPDATE users SET name = ?, role = ?, active = ? WHERE id = ?",
            [name.strip(), role, int(active), user.id],
        )
        if not active or role != user.role:
            db.execute("DELETE FROM staff_sessions WHERE user_id = ?", [user.id])


def unlock(db: Database, user: User) -> None:
    forget_failures(db, user.email)


def reset_two_factor(db: Database, user: User) -> None:
    """A lost phone: a new secret, to be set up again with a QR code at the next sign-in."""
    with write_transaction(db):
        db.execute(
            "UPDATE users SET totp_secret = ?, totp_confirmed = 0, totp_last_step = 0 WHERE id = ?",
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


def check_password(
    db: Database, email: str, password: str, guard: Guard, *, now: datetime | None = None
) -> SignInAttempt:
    """The same steps for a known and an unknown address, in every state: first the wait
    (no password is checked while it lasts), then one argon2 verification (of a dummy hash
    when there is no such active account), then the failure counted against `guard`."""
    moment = (now or clock.now()).timestamp()
    wait, locked = seconds_to_wait(db, guard, moment)
    if wait:
        log.warning("Sign-in refused: %s", "locked" if locked else "waiting")
        return SignInAttempt(problem="locked" if locked else "wait", wait_seconds=wait)
    user = user_by_email(db, email)
    rows = list(
        db.query(
            "SELECT password_hash FROM users WHERE email = ? AND active = 1",
            [(email or "").strip()],
        )
    )
    stored = rows[0]["password_hash"] if rows and user else _DUMMY_HASH
    if _verify(stored, password) and rows and user:
        if hasher.check_needs_rehash(stored):
            _rehash(db, user, password)
        return SignInAttempt(user)
    locked = record_failure(db, guard, moment)
    log.warning("Failed sign-in%s", ": locked for now" if locked else "")
    known = user if rows else None
    if locked:
        return SignInAttempt(known, "locked", LOCK_MINUTES * 60)
    return SignInAttempt(known, "wrong")


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def confirm_two_factor(db: Database, user: User) -> None:
    """The first right code: the app is set up."""
    with write_transaction(db):
        db.execute("UPDATE users SET totp_confirmed = 1 WHERE id = ?", [user.id])


def totp_for(user: User) -> pyotp.TOTP:
    return pyotp.TOTP(user.totp_secret)


def provisioning_uri(user: User) -> str:
    """The otpauth:// address an authenticator app reads (from the QR code or a link)."""
    return totp_for(user).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_code_data_uri(user: User) -> str:
    return segno.make(provisioning_uri(user), error="m").svg_data_uri(scale=5, border=4)


def spaced_secret(user: User) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    secret = user.totp_secret
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def ascii_digits(typed: str | None) -> str:
    """The decimal digits of `typed` as 0-9: a phone set to Arabic types '٤٢', which is 42.
    Raised or circled digits ('²', '①') are not digits of a code (str.isdigit says they are)."""
    return "".join(str(int(ch)) for ch in typed or "" if ch.isdecimal())


def check_code(db: Database, user: User, code: str | None, *, now: datetime | None = None) -> bool:
    """True when `code` is the code of now (or 30 s either side) and has not been used
    before. A used code is spent: its time step is stored, and earlier ones refused."""
    now = now or clock.now()
    digits = ascii_digits(code)
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
