"""Registrations that do not start on the site: staff fill in the journey's own questions
with a person on the phone (a call, a job centre referral, a meeting sign-up), or carry on
with a person's unsent draft, and record the consent the person gave by phone.

The answers live in a draft, as on the site, held here by its hash: the questions, their
order and their checks are the journey's (app/domain/questions), never a copy.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.domain.questions.model import Answers
from app.domain.registrations.sending import Consents, submit_draft
from app.staff.core import audit, monthly_figures
from app.staff.core.access import signup_visibility, visibility
from app.staff.core.history import add_history
from app.staff.core.statuses import CHANNELS, REACHED
from app.staff.core.users import User


@dataclass
class Intake:
    id: int
    public_id: str
    draft_token_hash: str
    channel: str
    language: str
    # The meeting sign-up it began from, if any: marked registered when it is sent.
    signup_id: int | None = None

    @property
    def channel_label(self) -> str:
        return CHANNELS[self.channel]


def start_intake(
    db: Database,
    user: User,
    channel: str,
    *,
    answers: Answers | None = None,
    draft_hash: str | None = None,
    language: str = "da",
    signup_id: int | None = None,
) -> str:
    """A new intake: on a new draft (with `answers` to begin from, from the sign-up
    `signup_id` if given), or on the person's own unsent draft (`draft_hash`). Returns its
    public id."""
    if channel not in CHANNELS:
        raise ValueError(channel)
    public_id = codes.new_public_id(12)
    with write_transaction(db):
        if draft_hash is None:
            draft_hash = codes.token_hash(
                codes.new_token()
            )  # nobody holds the token: staff use the hash
            stamp = clock.now_iso()
            db.execute(
                "INSERT INTO drafts (token_hash, answers, completed, language, created_at,"
                " updated_at) VALUES (?, ?, '[]', ?, ?, ?)",
                [draft_hash, json.dumps(answers or {}), language, stamp, stamp],
            )
        existing = list(
            db.query("SELECT public_id FROM staff_intakes WHERE draft_token_hash = ?", [draft_hash])
        )
        if existing:
            return existing[0]["public_id"]
        db.execute(
            "INSERT INTO staff_intakes (public_id, draft_token_hash, channel, started_by,"
            " started_at, signup_id) VALUES (?, ?, ?, ?, ?, ?)",
            [public_id, draft_hash, channel, user.id, clock.iso(clock.now()), signup_id],
        )
    return public_id


def intake_by_public_id(db: Database, user: User, public_id: str) -> Intake | None:
    """The registration `user` is taking by phone: theirs, or any for an admin. Until it
    is sent it holds answers (health too) that only the one who took them has heard."""
    rows = list(
        db.query(
            "SELECT i.id, i.public_id, i.draft_token_hash, i.channel, d.language, i.signup_id"
            " FROM staff_intakes i JOIN drafts d ON d.token_hash = i.draft_token_hash"
            " WHERE i.public_id = ? AND (i.started_by = ? OR ?)",
            [public_id, user.id, int(user.is_admin)],
        )
    )
    return Intake(**rows[0]) if rows else None


def signup_columns(user: User) -> tuple[str, list[Any]]:
    """The SQL columns (and their parameters) that say whether a sign-up `s` is registered:
    `registered_at`, when it was registered from the sign-up, or else when the person
    registered another way (on the site, or by phone when they called: the same phone
    number), and `case_public_id`, that case, among the ones `user` may see."""
    where, params = visibility(user)
    same_phone = f"FROM registrations r WHERE r.phone = s.phone AND {where}"
    return (
        f"coalesce(s.registered_at, (SELECT min(r.submitted_at) {same_phone})) AS registered_at,"
        f" (SELECT r.public_id {same_phone} ORDER BY r.id DESC LIMIT 1) AS case_public_id",
        [*params, *params],
    )


def recent_signups(db: Database, user: User, limit: int = 30) -> list:
    """The latest sign-ups `user` may see, those registered already marked."""
    where, params = signup_visibility(user)
    columns, column_params = signup_columns(user)
    return list(
        db.query(
            f"SELECT s.id, s.name, {columns}, m.starts_at, m.place FROM meeting_signups s"
            f" JOIN meetings m ON m.id = s.meeting_id WHERE {where} ORDER BY s.id DESC LIMIT ?",
            [*column_params, *params, limit],
        )
    )


def signup_to_register(db: Database, user: User, signup_id: int | None) -> dict[str, Any] | None:
    """The meeting sign-up `signup_id` (its name, phone, meeting's municipality and when it
    was registered) if `user` may see it, else None: the caller answers 404 either way."""
    where, params = signup_visibility(user)
    columns, column_params = signup_columns(user)
    rows = list(
        db.query(
            f"SELECT s.id, s.name, s.phone, {columns}, m.municipality_code"
            " FROM meeting_signups s JOIN meetings m ON m.id = s.meeting_id"
            f" WHERE s.id = ? AND {where}",
            [*column_params, signup_id, *params],
        )
    )
    return rows[0] if rows else None


def answers_from_signup(row: Mapping[str, Any]) -> dict[str, str]:
    """What a meeting sign-up already tells: the name, the phone, the meeting's
    municipality."""
    return {
        "filled_by": "self",
        "name": row["name"],
        "contact_method": "phone",
        "phone": row["phone"],
        "municipality": row["municipality_code"],
    }


def send_intake(
    db: Database, user: User, intake: Intake, consents: Consents, *, now: datetime | None = None
) -> int:
    """The registration, with the consent recorded as given by phone: who took it, when,
    through which channel; audited in the same transaction."""
    now = now or clock.now()

    def record_consent(db: Database, registration_id: int) -> None:
        # Each yes was read to the person on the phone: KLAPjob has talked with them, the
        # first real contact, whatever brought the registration.
        db.execute(
            "UPDATE registrations SET channel = ?, consent_taken_by = ?, consent_taken_at = ?,"
            " status = 'contacted', status_changed_at = ?, first_contact_at = ? WHERE id = ?",
            [intake.channel, user.id, *[clock.iso(now)] * 3, registration_id],
        )
        monthly_figures.count_first_contact(db, registration_id, now)
        # On the case and in the inbox it is the last contact, as any call that reached them.
        add_history(db, SimpleNamespace(id=registration_id), user, REACHED, now=now)
        if intake.signup_id is not None:
            db.execute(
                "UPDATE meeting_signups SET registered_at = ? WHERE id = ?",
                [clock.iso(now), intake.signup_id],
            )
        reference = next(
            db.query("SELECT reference FROM registrations WHERE id = ?", [registration_id])
        )["reference"]
        audit.record(
            db,
            user,
            "registered_by_phone",
            reference=reference,
            detail=f"channel: {intake.channel}",
            now=now,
        )

    return submit_draft(
        db,
        intake.draft_token_hash,
        language=intake.language,
        consents=consents,
        recorded=record_consent,
    )


def consents_from(form: Any) -> Consents:
    return Consents(
        health=form.consent_health.data,
        contact_helper=form.consent_contact_helper.data,
        jobcentre=form.consent_jobcentre.data,
    )
