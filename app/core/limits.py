"""How much one client, one account or one device may do in a while: counted in SQLite, so
that every gunicorn worker sees the same counts (a counter in memory would let each worker
count alone).

Who did it is stored only as a keyed hash (`subject`): an IP address is personal data, and
the table needs nothing but "the same one as before". Events older than their window are
deleted as new ones come in, and by `flask data purge`.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from flask import current_app, request
from sqlite_utils import Database

from app.core import clock
from app.core.codes import keyed_hash
from app.core.db import write_transaction


def subject(*parts: object) -> str:
    """A keyed hash of what identifies a client, an account or a device."""
    message = "\x1f".join(str(part) for part in parts)
    return keyed_hash(current_app.config["SECRET_KEY"], message)[:32]


def client_address() -> str:
    """The client's address: the proxy's X-Forwarded-For when KLAPJOB_TRUSTED_PROXIES says
    there is a proxy (ProxyFix has then put it in remote_addr), else the connection's."""
    return request.remote_addr or "unknown"


def this_client() -> str:
    return subject("client", client_address())


@dataclass(frozen=True)
class Limit:
    """At most `allowed` (a count, or seconds of work) in any `window` seconds."""

    kind: str
    allowed: float
    window: float

    def spent(self, db: Database, who: str, now: float | None = None) -> float:
        now = clock.seconds() if now is None else now
        [row] = db.query(
            "SELECT coalesce(sum(amount), 0) AS spent FROM rate_events"
            " WHERE kind = ? AND subject = ? AND at > ?",
            [self.kind, who, now - self.window],
        )
        return row["spent"]

    def reached(self, db: Database, who: str, now: float | None = None) -> bool:
        return self.spent(db, who, now) >= self.allowed

    def record(self, db: Database, who: str, amount: float = 1, now: float | None = None) -> None:
        now = clock.seconds() if now is None else now
        with write_transaction(db):
            db.execute(
                "DELETE FROM rate_events WHERE kind = ? AND at <= ?", [self.kind, now - self.window]
            )
            db.execute(
                "INSERT INTO rate_events (kind, subject, at, amount) VALUES (?, ?, ?, ?)",
                [self.kind, who, now, amount],
            )

    def forget(self, db: Database, who: str) -> None:
        with write_transaction(db):
            db.execute("DELETE FROM rate_events WHERE kind = ? AND subject = ?", [self.kind, who])


def take_one_of_each(db: Database, limits: Sequence[tuple[Limit, str]]) -> bool:
    """One more of each limit for its subject, or none at all when any is spent. Checked and
    counted in one write transaction: two workers cannot both take the last one."""
    with write_transaction(db):
        if any(limit.reached(db, who) for limit, who in limits):
            return False
        for limit, who in limits:
            limit.record(db, who)
    return True


LONGEST_WINDOW = 24 * 3600


def purge_old_events(db: Database, now: float | None = None) -> int:
    """Events older than any window: nothing needs them."""
    now = clock.seconds() if now is None else now
    with write_transaction(db):
        return db.execute("DELETE FROM rate_events WHERE at <= ?", [now - LONGEST_WINDOW]).rowcount
