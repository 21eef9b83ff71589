"""A draft: the answers of a person who has not sent yet, saved after every step.

The browser holds an unguessable token in a cookie; the database holds only its hash, so
a copy of the database cannot be turned into someone's cookie.
"""

import json
from dataclasses import dataclass, field

from flask import current_app
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import forget_deleted, free_disk_mb, write_transaction
from app.core.limits import Limit, this_client
from app.domain.questions.model import Answer, Answers


@dataclass
class Draft:
    answers: dict[str, Answer] = field(default_factory=dict)
    completed: list[str] = field(default_factory=list)


class NoNewDraft(Exception):
    """A new draft cannot be started now. `reason`: "busy" (this address started many in
    the last hour) or "disk" (the disk is nearly full: existing drafts still save)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_drafts_limit() -> Limit:
    return Limit("new_draft", current_app.config["NEW_DRAFTS_PER_HOUR"], 3600)


def draft_exists(db: Database, token: str | None) -> bool:
    if not token:
        return False
    return bool(
        list(db.query("SELECT 1 FROM drafts WHERE token_hash = ?", [codes.token_hash(token)]))
    )


def make_room_for_new_draft(db: Database) -> None:
    """Count a new draft against this client's hourly limit, or NoNewDraft."""
    config = current_app.config
    if free_disk_mb(config["DATABASE"]) < config["DISK_FLOOR_MB"]:
        raise NoNewDraft("disk")
    limit, client = new_drafts_limit(), this_client()
    if limit.reached(db, client):
        raise NoNewDraft("busy")
    limit.record(db, client)


def load_draft(db: Database, token: str | None) -> Draft:
    """The draft behind `token`, or an empty one when there is none."""
    if not token:
        return Draft()
    return load_draft_by_hash(db, codes.token_hash(token))


def load_draft_by_hash(db: Database, hashed: str) -> Draft:
    """The draft stored under `hashed` (staff hold a draft by its hash), or an empty one."""
    rows = list(db.query("SELECT answers, completed FROM drafts WHERE token_hash = ?", [hashed]))
    if not rows:
        return Draft()
    return Draft(json.loads(rows[0]["answers"]), json.loads(rows[0]["completed"]))


def save_step(
    db: Database,
    token: str,
    step_key: str,
    answers: Answers,
    *,
    complete: bool,
    language: str,
) -> Draft:
    """Store this step's answers. A step saved without being checked (the language switch)
    keeps what was typed but is not marked complete."""
    return save_step_by_hash(
        db, codes.token_hash(token), step_key, answers, complete=complete, language=language
    )


def save_step_by_hash(
    db: Database,
    hashed: str,
    step_key: str,
    answers: Answers,
    *,
    complete: bool,
    language: str,
) -> Draft:
    with write_transaction(db):
        draft = load_draft_by_hash(db, hashed)
        draft.answers.update(answers)
        completed = [key for key in draft.completed if key != step_key]
        if complete:
            completed.append(step_key)
        stamp = clock.now_iso()
        db.execute(
            """
            INSERT INTO drafts (token_hash, answers, completed, language, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (token_hash) DO UPDATE SET
                answers = excluded.answers,
                completed = excluded.completed,
                language = excluded.language,
                updated_at = excluded.updated_at
            """,
            [hashed, json.dumps(draft.answers), json.dumps(completed), language, stamp, stamp],
        )
    return Draft(draft.answers, completed)


def delete_draft(db: Database, token: str) -> None:
    """Forget a draft nobody sent: on a shared tablet the next person is someone else."""
    with write_transaction(db):
        db.execute("DELETE FROM drafts WHERE token_hash = ?", [codes.token_hash(token)])
    forget_deleted(db)
