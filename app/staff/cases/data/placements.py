"""A person's work trials and jobs as a history (forløb): each one its own row, so a new
job never overwrites a work trial.

The newest work trial and job are also copied to the case's own columns (praktik_start,
job_start, employer, job_hours), which the follow-ups, the inbox and the export read, and
the case's status moves with them (to "Work trial" or "In a job") unless it is closed.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.cases.data.changes import change_status
from app.staff.core import audit, monthly_figures
from app.staff.core.access import RegistrationRow
from app.staff.core.history import add_history
from app.staff.core.statuses import JOB_KINDS
from app.staff.core.statuses import PLACEMENT_KINDS as KINDS
from app.staff.core.users import User

END_REASONS = {
    "became_job": _l("Went on to a job"),
    "as_planned": _l("Ended as planned"),
    "person_stopped": _l("The person stopped"),
    "workplace_stopped": _l("The workplace stopped it"),
    "health": _l("Health"),
    "moved": _l("Moved"),
    "other": _l("Another reason (see the note)"),
}


@dataclass
class Placement:
    public_id: str
    kind: str
    workplace: str
    contact_name: str
    contact_phone: str
    starts_on: date
    ends_on: date | None
    hours: float | None
    granted: bool
    granted_on: date | None
    end_reason: str | None
    note: str

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def end_reason_label(self) -> str:
        return END_REASONS.get(self.end_reason or "", "")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def placements_of(db: Database, registration_id: int) -> list[Placement]:
    """Newest first."""
    rows = db.query(
        "SELECT public_id, kind, workplace, contact_name, contact_phone, starts_on, ends_on, "
        "hours, granted, granted_on, end_reason, note FROM placements "
        "WHERE registration_id = ? ORDER BY starts_on DESC, id DESC",
        [registration_id],
    )
    return [
        Placement(
            **{
                **row,
                "starts_on": _day(row["starts_on"]),
                "ends_on": _day(row["ends_on"]),
                "granted_on": _day(row["granted_on"]),
                "granted": bool(row["granted"]),
            }
        )
        for row in rows
    ]


def add_placement(
    db: Database,
    user: User,
    registration: RegistrationRow,
    *,
    kind: str,
    workplace: str,
    starts_on: date,
    contact_name: str = "",
    contact_phone: str = "",
    ends_on: date | None = None,
    hours: float | Decimal | None = None,
    granted: bool = False,
    granted_on: date | None = None,
    note: str = "",
    now: datetime | None = None,
) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    now = now or clock.now()
    public_id = codes.new_public_id(12)
    with write_transaction(db):
        db.execute(
            "INSERT INTO placements (public_id, registration_id, kind, workplace, contact_name, "
            "contact_phone, starts_on, ends_on, hours, granted, granted_on, note, created_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                public_id,
                registration.id,
                kind,
                workplace,
                contact_name or "",
                contact_phone or "",
                starts_on.isoformat(),
                ends_on.isoformat() if ends_on else None,
                float(hours) if hours is not None else None,
                int(bool(granted)),
                granted_on.isoformat() if granted_on else None,
                note or "",
                user.id,
                clock.iso(now),
            ],
        )
        copy_to_case(db, registration, kind, starts_on, workplace, hours)
        monthly_figures.add(
            db,
            monthly_figures.PLACEMENT,
            kind=kind,
            municipality=registration.municipality_code,
            month=monthly_figures.month_of(starts_on),
            amount=hours or 0,
        )
        add_history(
            db,
            registration,
            user,
            "placement",
            now=now,
            reason=kind,
            due_on=starts_on.isoformat(),
            note=note or "",
        )
        audit.record(
            db,
            user,
            "changed",
            reference=registration.reference,
            detail=f"placement: {kind}",
            now=now,
        )
        status = "praktik" if kind == "praktik" else "in_job"
        if registration.status not in ("closed", status) and starts_on <= clock.today():
            change_status(db, user, registration, status, now=now)
    return public_id


def copy_to_case(
    db: Database,
    registration: RegistrationRow,
    kind: str,
    starts_on: date,
    workplace: str,
    hours: float | Decimal | None,
) -> None:
    """The newest work trial's start, or the newest job's start, workplace and hours."""
    if kind == "praktik":
        db.execute(
            "UPDATE registrations SET praktik_start = ? WHERE id = ?",
            [starts_on.isoformat(), registration.id],
        )
    else:
        db.execute(
            "UPDATE registrations SET job_start = ?, employer = ?, job_hours = ? WHERE id = ?",
            [
                starts_on.isoformat(),
                workplace,
                float(hours) if hours is not None else None,
                registration.id,
            ],
        )


def count_jobs_still_going(db: Database, today: date | None = None) -> None:
    """The monthly figures' jobs still going 6 and 12 months after their start."""
    monthly_figures.count_jobs_still_going(db, today or clock.today(), clock.add_months, JOB_KINDS)


def end_placement(
    db: Database,
    user: User,
    registration: RegistrationRow,
    public_id: str,
    *,
    ends_on: date,
    reason: str,
    now: datetime | None = None,
) -> None:
    if reason not in END_REASONS:
        raise ValueError(reason)
    now = now or clock.now()
    with write_transaction(db):
        changed = db.execute(
            "UPDATE placements SET ends_on = ?, end_reason = ? "
            "WHERE public_id = ? AND registration_id = ?",
            [ends_on.isoformat(), reason, public_id, registration.id],
        ).rowcount
        if not changed:
            raise LookupError(public_id)
        add_history(
            db,
            registration,
            user,
            "placement_ended",
            now=now,
            reason=reason,
            due_on=ends_on.isoformat(),
        )
        audit.record(
            db, user, "changed", reference=registration.reference, detail="placement ended", now=now
        )
