"""Registrations: what a person sends to KLAPjob, stored once, with all their answers."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.domain.coverage import covering_consultant_id
from app.domain.municipalities import known_municipality_code
from app.domain.questions.flow import CHECK_ANSWERS, answers_to_send, first_unfinished
from app.domain.questions.model import Answer
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.registrations.callback import promised_callback_day
from app.domain.registrations.drafts import load_draft_by_hash
from app.domain.registrations.events import registration_sent, registration_stored
from app.domain.registrations.voice import move_to_registration

# Easy to read aloud and to write down: no 0/O, 1/I/L, 5/S, 8/B or 2/Z mix-ups.
REFERENCE_LENGTH = 6


def spaced_reference(reference: str) -> str:
    """'K7M4PX' -> 'K7M 4PX': two groups of three are easier to read and say."""
    return codes.spaced(reference)


@dataclass
class Registration:
    id: int
    reference: str
    submitted_at: str
    language: str
    helper_copy_sent_at: str | None
    municipality_code: str
    callback_promised_by: str | None
    consent_jobcentre: int
    answers: dict[str, Answer]


@dataclass(frozen=True)
class Consents:
    """What the person said yes to, beyond sending: each is its own explicit yes."""

    health: bool = False
    contact_helper: bool = False
    # KLAPjob may talk with the job centre in the person's municipality about them.
    jobcentre: bool = False


class DraftNotFinished(Exception):
    """The draft still has a question to answer (or is gone): nothing can be sent."""

    def __init__(self, step_key: str) -> None:
        super().__init__(step_key)
        self.step_key = step_key


# Runs inside the transaction that stores a registration: (db, registration_id).
Recorder = Callable[[Database, int], object]


def submit_registration(
    db: Database,
    token: str,
    *,
    language: str,
    consents: Consents,
    recorded: Recorder | None = None,
) -> int:
    """Turn the draft behind `token` into a registration, in one transaction, and remove
    the draft. Sending twice (a double click, a refresh) gives back the first one."""
    return submit_draft(
        db, codes.token_hash(token), language=language, consents=consents, recorded=recorded
    )


def submit_draft(
    db: Database,
    hashed: str,
    *,
    language: str,
    consents: Consents,
    recorded: Recorder | None = None,
) -> int:
    """submit_registration for the draft whose token hashes to `hashed`. `recorded(db,
    registration_id)` runs in the same transaction: staff who take a registration on the
    phone record there who took the consent, when and how."""
    with write_transaction(db):
        existing = registration_id_from_draft(db, hashed)
        if existing is not None:
            return existing
        draft = load_draft_by_hash(db, hashed)
        unfinished = first_unfinished(draft.answers, draft.completed)
        if unfinished != CHECK_ANSWERS:
            raise DraftNotFinished(unfinished)
        answers = answers_to_send(draft.answers)
        withheld = False
        if not consents.health:
            kept = {k: v for k, v in answers.items() if not FIELDS_BY_NAME[k].sensitive}
            withheld = any(answers[k] for k in answers.keys() - kept.keys())
            answers = kept
        registration_id = insert_registration(db, hashed, answers, language, consents)
        if withheld:
            db.execute(
                "UPDATE registrations SET health_withheld = 1 WHERE id = ?", [registration_id]
            )
        store_answers_and_route(db, registration_id, answers)
        if recorded is not None:
            recorded(db, registration_id)
        move_to_registration(db, hashed, registration_id, draft.answers, health=consents.health)
        db.execute("DELETE FROM drafts WHERE token_hash = ?", [hashed])
    # After the commit: the registration stands whether the staff email goes or not.
    registration_sent.send(db, registration_id=registration_id)
    return registration_id


def registration_id_from_draft(db: Database, hashed: str) -> int | None:
    rows = list(db.query("SELECT id FROM registrations WHERE draft_token_hash = ?", [hashed]))
    return rows[0]["id"] if rows else None


def unused_reference(db: Database) -> str:
    while True:
        reference = codes.make_reference()
        taken = list(db.query("SELECT 1 FROM registrations WHERE reference = ?", [reference]))
        if not taken:
            return reference


def insert_registration(
    db: Database, hashed: str, answers: Mapping[str, Answer], language: str, consents: Consents
) -> int:
    cursor = db.execute(
        """
        INSERT INTO registrations (
            reference, draft_token_hash, submitted_at, language, name, filled_by,
            contact_method, phone, email, municipality_code, wants_ambassador,
            consent_health, consent_contact_helper, consent_jobcentre
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            unused_reference(db),
            hashed,
            clock.now_iso(),
            language,
            answers["name"],
            answers["filled_by"],
            answers["contact_method"],
            answers.get("phone"),
            answers.get("email"),
            known_municipality_code(answers["municipality"]),
            answers.get("ambassador"),
            int(consents.health),
            int(consents.contact_helper and answers["filled_by"] == "helper"),
            int(consents.jobcentre),
        ],
    )
    # An INSERT always gives its row's id (None only before any row was inserted).
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def store_answers_and_route(
    db: Database, registration_id: int, answers: Mapping[str, Answer]
) -> None:
    """The answers stored, and the registration given to whoever covers its municipality.
    Who it goes to is the domain's answer, worked out once: the back office is told (and
    writes it), and the promised day rests on it, not on what was written."""
    insert_answers(db, registration_id, answers)
    municipality = known_municipality_code(str(answers.get("municipality", "")))
    consultant_id = covering_consultant_id(db, municipality)
    registration_stored.send(
        db,
        registration_id=registration_id,
        municipality_code=municipality,
        consultant_id=consultant_id,
    )
    promise_callback(db, registration_id, covered=consultant_id is not None)


def promise_callback(db: Database, registration_id: int, *, covered: bool) -> None:
    """Keep the day the receipt promises, so the receipt and the staff see the same day."""
    submitted_at = next(
        db.query("SELECT submitted_at FROM registrations WHERE id = ?", [registration_id])
    )["submitted_at"]
    day = promised_callback_day(
        submitted_at,
        current_app.config["CALLBACK_WORKING_DAYS"],
        covered=covered,
        closed_days=current_app.config["PHONE_CLOSED_DAYS"],
    )
    db.execute(
        "UPDATE registrations SET callback_promised_by = ? WHERE id = ?",
        [day.isoformat() if day else None, registration_id],
    )


def insert_answers(db: Database, registration_id: int, answers: Mapping[str, Answer]) -> None:
    rows = []
    for name, value in answers.items():
        values = value if isinstance(value, list) else [value]
        rows += [(registration_id, name, position, item) for position, item in enumerate(values)]
    db.conn.executemany(
        "INSERT INTO answers (registration_id, field, position, value) VALUES (?, ?, ?, ?)", rows
    )


def load_registration(db: Database, registration_id: int) -> Registration | None:
    rows = list(
        db.query(
            "SELECT id, reference, submitted_at, language, helper_copy_sent_at,"
            " municipality_code, callback_promised_by, consent_jobcentre"
            " FROM registrations WHERE id = ?",
            [registration_id],
        )
    )
    if not rows:
        return None
    return Registration(**rows[0], answers=answers_of(db, registration_id))


def answers_of(db: Database, registration_id: int) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for row in db.query(
        "SELECT field, value FROM answers WHERE registration_id = ? ORDER BY field, position",
        [registration_id],
    ):
        name, value = row["field"], row["value"]
        spec = FIELDS_BY_NAME.get(name)
        if spec is not None and spec.takes_several:
            chosen = answers.get(name)
            answers[name] = [*chosen, value] if isinstance(chosen, list) else [value]
        else:
            answers[name] = value
    return answers


def receipt_for(db: Database, token: str | None, *, hours: int) -> Registration | None:
    """The registration sent from this browser in the last `hours`, for its receipt."""
    if not token:
        return None
    registration_id = registration_id_from_draft(db, codes.token_hash(token))
    if registration_id is None:
        return None
    registration = load_registration(db, registration_id)
    if registration is None:  # deleted since the line above
        return None
    sent = datetime.fromisoformat(registration.submitted_at)
    if clock.now() - sent > timedelta(hours=hours):
        return None
    return registration
