"""Coming back to a draft from another device or another day, without a password: a link
sent by mail, or a short code shown on the screen (and told to KLAPjob on the phone).

Both are single use, for one draft only, and expire. Only a keyed hash of each is stored,
so a copy of the database gives neither. Using one moves the draft to a new cookie token:
the device that saved it no longer opens it.
"""

import re
from datetime import datetime, timedelta
from typing import Literal

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.core.limits import Limit

CODE_LENGTH = 8
HOUR = 3600
# A link sent by mail, or a code shown on the screen.
ResumeKind = Literal["link", "code"]


class ResumeRefused(Exception):
    """A link or code that does not (or no longer) open a draft. `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "unknown", "used" or "expired"


def new_code() -> str:
    return codes.random_code(CODE_LENGTH)


def spaced_code(code: str) -> str:
    return codes.spaced(code, 4)


def normalise_code(typed: str | None) -> str:
    """People write codes with spaces, dashes and small letters."""
    return re.sub(r"[^0-9A-Z]", "", (typed or "").upper())[: CODE_LENGTH + 4]


def create_resume_key(
    db: Database, draft_token: str, kind: ResumeKind, *, secret: str, days: int
) -> str:
    """A new link key or code for this draft. A draft has one live link and one live code
    at a time: a new one replaces the last (used ones stay, to say "used")."""
    key = codes.new_token() if kind == "link" else new_code()
    now = clock.now()
    with write_transaction(db):
        db.execute(
            "DELETE FROM resume_keys WHERE draft_token_hash = ? AND kind = ? AND used_at IS NULL",
            [codes.token_hash(draft_token), kind],
        )
        db.execute(
            """
            INSERT INTO resume_keys (draft_token_hash, kind, key_hash, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            """,
            [
                codes.token_hash(draft_token),
                kind,
                codes.keyed_hash(secret, key),
                now.isoformat(timespec="seconds"),
                (now + timedelta(days=days)).isoformat(timespec="seconds"),
            ],
        )
    return key


def redeem(db: Database, kind: ResumeKind, key: str, *, secret: str) -> str:
    """Open the draft behind `key` on this device: returns the draft's new cookie token."""
    with write_transaction(db):
        rows = list(
            db.query(
                "SELECT id, draft_token_hash, expires_at, used_at FROM resume_keys"
                " WHERE key_hash = ? AND kind = ?",
                [codes.keyed_hash(secret, key), kind],
            )
        )
        if not rows:
            raise ResumeRefused("unknown")
        row = rows[0]
        if row["used_at"]:
            raise ResumeRefused("used")
        if datetime.fromisoformat(row["expires_at"]) < clock.now():
            raise ResumeRefused("expired")
        token = codes.new_token()
        # ON UPDATE CASCADE moves the draft's other keys along with it.
        db.execute(
            "UPDATE drafts SET token_hash = ? WHERE token_hash = ?",
            [codes.token_hash(token), row["draft_token_hash"]],
        )
        db.execute("UPDATE resume_keys SET used_at = ? WHERE id = ?", [clock.now_iso(), row["id"]])
    return token


def draft_hash_for_code(db: Database, code: str | None, *, secret: str) -> str | None:
    """For KLAPjob staff on the phone: the draft a live code belongs to, without using it."""
    rows = list(
        db.query(
            "SELECT draft_token_hash, expires_at FROM resume_keys"
            " WHERE key_hash = ? AND kind = 'code' AND used_at IS NULL",
            [codes.keyed_hash(secret, normalise_code(code))],
        )
    )
    if not rows or datetime.fromisoformat(rows[0]["expires_at"]) < clock.now():
        return None
    return rows[0]["draft_token_hash"]


def failed_codes(allowed: float) -> Limit:
    """Wrong codes from one client in an hour before it must wait
    (KLAPJOB_FAILED_CODES_PER_HOUR)."""
    return Limit("failed_code", allowed, HOUR)
