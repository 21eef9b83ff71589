"""Staff sessions, kept on the server: the cookie holds only a random token, the database
its hash. Signing out, an idle period, or an admin deactivating the account ends the
session for real, whatever copy of the cookie is left somewhere."""

from datetime import datetime, timedelta

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.accounts.users import user_by_id

# However active a person is, they sign in again after a working day.
LONGEST_SESSION = timedelta(hours=12)
# Writing last_seen_at on every request is needless: once a minute is precise enough.
TOUCH_EVERY = timedelta(minutes=1)


def start_session(db, user, *, now=None):
    token = codes.new_token()
    stamp = clock.iso(now or clock.now())
    with write_transaction(db):
        db.execute(
            "INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at) "
            "VALUES (?, ?, ?, ?)",
            [codes.token_hash(token), user.id, stamp, stamp],
        )
    return token


def user_of_session(db, token, *, idle, now=None):
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
    if now - last_seen > idle or now - started > LONGEST_SESSION or not user.active:
        end_session(db, token)
        return None
    if now - last_seen > TOUCH_EVERY:
        with write_transaction(db):
            db.execute(
                "UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?",
                [clock.iso(now), codes.token_hash(token)],
            )
    return user


def end_session(db, token):
    with write_transaction(db):
        db.execute("DELETE FROM staff_sessions WHERE token_hash = ?", [codes.token_hash(token)])
