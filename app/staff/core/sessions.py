"""Staff sessions, kept on the server: the cookie holds only a random token, the database
its hash. Signing out, an idle period, or an admin deactivating the account ends the
session for real, whatever copy of the cookie is left somewhere.

A person sees their own sessions (named by a random id and the browser they began in) and
ends the others; a new password ends them all."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.core.users import User, user_by_id

# However active a person is, they sign in again after a working day.
LONGEST_SESSION = timedelta(hours=12)
# Writing last_seen_at on every request is needless: once a minute is precise enough.
TOUCH_EVERY = timedelta(minutes=1)
# Enough for a person to know their own browsers; the rest of a User-Agent says nothing to them.
BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("Linux", "Linux"),
)


@dataclass(frozen=True)
class StaffSession:
    public_id: str
    browser: str
    created_at: str
    last_seen_at: str
    current: bool


def browser_of(user_agent: str | None) -> str:
    """ "Firefox, Windows" from a User-Agent header; "" when it names neither."""
    user_agent = user_agent or ""
    found = [
        next((name for mark, name in names if mark in user_agent), "")
        for names in (BROWSERS, SYSTEMS)
    ]
    return ", ".join(name for name in found if name)


def start_session(
    db: Database, user: User, *, browser: str = "", now: datetime | None = None
) -> str:
    token = codes.new_token()
    stamp = clock.iso(now or clock.now())
    with write_transaction(db):
        db.execute(
            "INSERT INTO staff_sessions (token_hash, public_id, user_id, browser, created_at,"
            " last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            [codes.token_hash(token), codes.new_public_id(), user.id, browser, stamp, stamp],
        )
    return token


def user_of_session(
    db: Database, token: str | None, *, idle: timedelta, now: datetime | None = None
) -> User | None:
    """The active user behind `token`, or None when there is no such session or it has
    been idle longer than `idle` (then it is ended)."""
    if not token:
        return None
    now = now or clock.now()
    rows = list(
        db.query(
            "SELECT user_id, created_at, last_seen_at FROM staff_sessions WHERE token_hash = ?",
            [codes.token_hash(token)],
        )
    )
    if not rows:
        return None
    row = rows[0]
    last_seen = datetime.fromisoformat(row["last_seen_at"])
    started = datetime.fromisoformat(row["created_at"])
    user = user_by_id(db, row["user_id"])
    if user is None or now - last_seen > idle or now - started > LONGEST_SESSION or not user.active:
        end_session(db, token)
        return None
    if now - last_seen > TOUCH_EVERY:
        with write_transaction(db):
            db.execute(
                "UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?",
                [clock.iso(now), codes.token_hash(token)],
            )
    return user


def owner_of(db: Database, token: str | None) -> int | None:
    """The id of the user whose session `token` is or was until now, or None."""
    if not token:
        return None
    found = db.query(
        "SELECT user_id FROM staff_sessions WHERE token_hash = ?", [codes.token_hash(token)]
    )
    return next((row["user_id"] for row in found), None)


def end_session(db: Database, token: str) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM staff_sessions WHERE token_hash = ?", [codes.token_hash(token)])


def sessions_of(db: Database, user: User, current_token: str | None) -> list[StaffSession]:
    """The person's sessions, the newest used first; `current` marks this browser's."""
    current_hash = codes.token_hash(current_token or "")
    return [
        StaffSession(
            public_id=row["public_id"],
            browser=row["browser"],
            created_at=row["created_at"],
            last_seen_at=row["last_seen_at"],
            current=row["token_hash"] == current_hash,
        )
        for row in db.query(
            "SELECT token_hash, public_id, browser, created_at, last_seen_at FROM staff_sessions"
            " WHERE user_id = ? ORDER BY last_seen_at DESC, created_at DESC",
            [user.id],
        )
    ]


def end_sessions(db: Database, user: User, public_ids: Iterable[str]) -> int:
    """End those of `public_ids` that are the person's own; returns how many ended."""
    ended = 0
    with write_transaction(db):
        for public_id in public_ids:
            ended += db.execute(
                "DELETE FROM staff_sessions WHERE user_id = ? AND public_id = ?",
                [user.id, public_id],
            ).rowcount
    return ended
