"""Requests from a person about their data (GDPR art. 15 access, art. 17 deletion): when
each came in, how, its deadline 30 days later, and who handled it and when.

A request outlives the registration it was about: deleting the person keeps the row
with only its kind, its days and who handled it, so the register of requests survives.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.users import User

# GDPR art. 12(3) says one month; KLAPjob promises 30 days.
ANSWER_WITHIN = timedelta(days=30)

KINDS = {
    "access": _l("See their data"),
    "deletion": _l("Delete their data"),
}

CHANNELS = {
    "phone": _l("By phone"),
    "email": _l("By email"),
    "letter": _l("By letter"),
    "in_person": _l("In person"),
}


@dataclass
class PersonRequest:
    public_id: str
    kind: str
    received_on: str
    due_on: str
    channel: str | None
    done_on: str | None
    registration_public_id: str | None = None
    name: str | None = None
    registered_by_name: str | None = None
    done_by_name: str | None = None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, "")

    @property
    def channel_label(self) -> str:
        return CHANNELS.get(self.channel or "", "")

    def days_left(self, today: date) -> int:
        return (date.fromisoformat(self.due_on) - today).days

    def is_overdue(self, today: date) -> bool:
        return self.days_left(today) < 0


def register_request(
    db: Database,
    user: User,
    registration: RegistrationRow,
    *,
    kind: str,
    received_on: date,
    channel: str,
) -> str:
    public_id = codes.new_public_id()
    with write_transaction(db):  # the request and its audit entry, or neither
        db.execute(
            "INSERT INTO person_requests (public_id, registration_id, kind, received_on,"
            " due_on, channel, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                public_id,
                registration.id,
                kind,
                received_on.isoformat(),
                (received_on + ANSWER_WITHIN).isoformat(),
                channel,
                user.id,
                clock.iso(clock.now()),
            ],
        )
        audit.record(db, user, "request_registered", reference=registration.reference, detail=kind)
    return public_id


SELECT_REQUESTS = """
    SELECT q.public_id, q.kind, q.received_on, q.due_on, q.channel, q.done_on,
           r.public_id AS registration_public_id, r.name,
           b.name AS registered_by_name, d.name AS done_by_name
    FROM person_requests q
    LEFT JOIN registrations r ON r.id = q.registration_id
    LEFT JOIN users b ON b.id = q.registered_by
    LEFT JOIN users d ON d.id = q.done_by
"""


def all_requests(db: Database) -> tuple[list[PersonRequest], list[PersonRequest]]:
    """Open requests first, the one due soonest at the top; then the done, newest first."""
    rows = db.query(SELECT_REQUESTS + " ORDER BY q.done_on IS NOT NULL, q.due_on, q.done_on DESC")
    open_requests: list[PersonRequest] = []
    done: list[PersonRequest] = []
    for row in rows:
        (done if row["done_on"] else open_requests).append(PersonRequest(**row))
    return open_requests, sorted(done, key=lambda r: r.done_on or "", reverse=True)


def requests_of(db: Database, registration_id: int) -> list:
    return [
        PersonRequest(**row)
        for row in db.query(
            SELECT_REQUESTS + " WHERE q.registration_id = ? ORDER BY q.received_on",
            [registration_id],
        )
    ]


def request_by_public_id(db: Database, public_id: str) -> PersonRequest | None:
    rows = list(db.query(SELECT_REQUESTS + " WHERE q.public_id = ?", [public_id]))
    return PersonRequest(**rows[0]) if rows else None


def mark_done(db: Database, user: User, request: PersonRequest, *, today: date) -> None:
    with write_transaction(db):  # the mark and its audit entry, or neither
        db.execute(
            "UPDATE person_requests SET done_on = ?, done_by = ?"
            " WHERE public_id = ? AND done_on IS NULL",
            [today.isoformat(), user.id, request.public_id],
        )
        audit.record(db, user, "request_done", detail=request.kind)


def done_by_deleting(
    db: Database, user: User, registration: RegistrationRow, *, today: date
) -> None:
    """Deleting the person answers their open deletion requests; every request of theirs
    keeps only its kind, days and who handled it (the registration's row goes next)."""
    db.execute(
        "UPDATE person_requests SET done_on = ?, done_by = ?"
        " WHERE registration_id = ? AND kind = 'deletion' AND done_on IS NULL",
        [today.isoformat(), user.id, registration.id],
    )
    db.execute(
        "UPDATE person_requests SET channel = NULL, registration_id = NULL"
        " WHERE registration_id = ?",
        [registration.id],
    )
