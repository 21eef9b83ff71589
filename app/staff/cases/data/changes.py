"""A consultant's changes to a case: the status from new to closed, the consultant, the
job, a note. Each is written with its history line, its audit entry and the monthly
figures in one transaction."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.staff.core import audit, monthly_figures
from app.staff.core.access import RegistrationRow
from app.staff.core.history import add_history
from app.staff.core.statuses import CLOSE_REASONS, STATUSES, is_real_contact
from app.staff.core.users import User


def change_status(
    db: Database,
    user: User,
    registration: RegistrationRow,
    status: str,
    *,
    reason: str | None = None,
    note: str = "",
    now: datetime | None = None,
) -> None:
    """Move to `status`, recording who, when and why. Closing needs a reason; the first
    real contact (is_real_contact) is counted once, in the monthly figures too."""
    if status not in STATUSES:
        raise ValueError(status)
    if status == "closed" and reason not in CLOSE_REASONS:
        raise ValueError("closing needs a reason")
    now = now or clock.now()
    reason = reason if status == "closed" else None
    with write_transaction(db):
        first_contact = (
            is_real_contact(status, reason)
            and next(
                db.query(
                    "SELECT first_contact_at IS NULL AS first FROM registrations WHERE id = ?",
                    [registration.id],
                )
            )["first"]
        )
        db.execute(
            """
            UPDATE registrations SET
                status = ?, status_changed_at = ?, close_reason = ?,
                closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END,
                first_contact_at = CASE WHEN ? THEN ? ELSE first_contact_at END
            WHERE id = ?
            """,
            [
                status,
                clock.iso(now),
                reason,
                status,
                clock.iso(now),
                int(bool(first_contact)),
                clock.iso(now),
                registration.id,
            ],
        )
        if first_contact:
            monthly_figures.count_first_contact(db, registration.id, now)
        if status == "closed":
            assert reason is not None  # a case closes with a reason (StatusForm asks for one)
            monthly_figures.add(
                db,
                monthly_figures.CLOSED,
                kind=reason,
                municipality=registration.municipality_code,
                month=monthly_figures.month_of(now),
            )
        add_history(
            db, registration, user, "status", now=now, status=status, reason=reason, note=note
        )
        audit.record(
            db,
            user,
            "changed",
            reference=registration.reference,
            detail=f"status: {status}",
            now=now,
        )


def assign(
    db: Database,
    user: User,
    registration: RegistrationRow,
    consultant_id: int | None,
    *,
    note: str = "",
    now: datetime | None = None,
) -> None:
    """Give the registration to a consultant (or to nobody, with None)."""
    now = now or clock.now()
    with write_transaction(db):
        db.execute(
            "UPDATE registrations SET consultant_id = ? WHERE id = ?",
            [consultant_id, registration.id],
        )
        add_history(
            db, registration, user, "assigned", now=now, assignee_id=consultant_id, note=note
        )
        audit.record(
            db, user, "changed", reference=registration.reference, detail="consultant", now=now
        )


def give_cases(
    db: Database,
    user: User,
    registrations: Iterable[RegistrationRow],
    consultant_id: int,
    *,
    now: datetime | None = None,
) -> None:
    """Give every one of `registrations` to one consultant, each with its history line and
    audit entry, all in one transaction."""
    with write_transaction(db):
        for registration in registrations:
            assign(db, user, registration, consultant_id, now=now)


def save_job(
    db: Database,
    user: User,
    registration: RegistrationRow,
    *,
    praktik_start: date | None,
    job_start: date | None,
    employer: str,
    hours: float | Decimal | None,
    note: str = "",
    now: datetime | None = None,
) -> None:
    """The work trial and the job: dates as date objects (or None), hours a week."""
    now = now or clock.now()
    with write_transaction(db):
        db.execute(
            "UPDATE registrations SET praktik_start = ?, job_start = ?, employer = ?, "
            "job_hours = ? WHERE id = ?",
            [
                praktik_start.isoformat() if praktik_start else None,
                job_start.isoformat() if job_start else None,
                employer.strip() or None,
                hours,
                registration.id,
            ],
        )
        add_history(db, registration, user, "job", now=now, note=note)
        audit.record(db, user, "changed", reference=registration.reference, detail="job", now=now)


def add_note(
    db: Database,
    user: User,
    registration: RegistrationRow,
    note: str,
    *,
    now: datetime | None = None,
) -> None:
    now = now or clock.now()
    with write_transaction(db):
        add_history(db, registration, user, "note", now=now, note=note)
        audit.record(db, user, "changed", reference=registration.reference, detail="note", now=now)
