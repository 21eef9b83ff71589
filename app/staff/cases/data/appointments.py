"""Meetings on a case: a day, a time, a place and who comes (the person, a helper, the
job centre, the employer), shown on the case and on the consultant's week, and a calendar
file (iCalendar, from the `icalendar` library) for the consultant's own calendar.

The calendar file names the case by its reference, not the person: a calendar is synced
to phones and shared with colleagues, outside the back office's care.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.core import audit
from app.staff.core.access import RegistrationRow, visibility
from app.staff.core.history import add_history
from app.staff.core.users import User

ATTENDEES = {
    "person": _l("The person"),
    "helper": _l("A helper"),
    "jobcentre": _l("The job centre"),
    "employer": _l("The employer"),
}
# A meeting without an end time is put in the calendar as an hour.
USUAL_LENGTH = timedelta(hours=1)


@dataclass
class Appointment:
    public_id: str
    registration_id: int
    starts_at: datetime
    ends_at: datetime | None
    place: str
    attendees: tuple[str, ...]
    note: str
    reference: str = ""
    name: str = ""
    registration_public_id: str = ""

    @property
    def attendee_labels(self) -> list[str]:
        return [ATTENDEES[key] for key in self.attendees if key in ATTENDEES]


def _stored(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def _local(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=clock.DANISH_TIME)


def _appointment(row: dict[str, Any]) -> Appointment:
    return Appointment(
        public_id=row["public_id"],
        registration_id=row["registration_id"],
        starts_at=_local(row["starts_at"]),
        ends_at=_local(row["ends_at"]) if row["ends_at"] else None,
        place=row["place"],
        attendees=tuple(row["attendees"].split()),
        note=row["note"],
        reference=row.get("reference", ""),
        name=row.get("name", ""),
        registration_public_id=row.get("registration_public_id", ""),
    )


def add_appointment(
    db: Database,
    user: User,
    registration: RegistrationRow,
    *,
    starts_at: datetime,
    ends_at: datetime | None,
    place: str,
    attendees: Collection[str],
    note: str = "",
    now: datetime | None = None,
) -> str:
    """`starts_at`, `ends_at`: naive Danish local times. Returns the public id."""
    now = now or clock.now()
    public_id = codes.new_public_id(12)
    with write_transaction(db):
        db.execute(
            "INSERT INTO appointments (public_id, registration_id, starts_at, ends_at, place, "
            "attendees, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                public_id,
                registration.id,
                _stored(starts_at),
                _stored(ends_at) if ends_at else None,
                place,
                " ".join(key for key in ATTENDEES if key in attendees),
                note or "",
                user.id,
                clock.iso(now),
            ],
        )
        add_history(
            db,
            registration,
            user,
            "appointment",
            now=now,
            due_on=starts_at.date().isoformat(),
            note=note,
        )
        audit.record(
            db,
            user,
            "changed",
            reference=registration.reference,
            detail="meeting on the case",
            now=now,
        )
    return public_id


COLUMNS = """a.public_id, a.registration_id, a.starts_at, a.ends_at, a.place, a.attendees,
             a.note, r.reference, r.name, r.public_id AS registration_public_id"""


def appointments_of(db: Database, registration_id: int) -> list:
    rows = db.query(
        f"SELECT {COLUMNS} FROM appointments a JOIN registrations r ON r.id = a.registration_id "
        "WHERE a.registration_id = ? ORDER BY a.starts_at",
        [registration_id],
    )
    return [_appointment(row) for row in rows]


def my_appointments(db: Database, user: User, first_day: date, last_day: date) -> list[Appointment]:
    """Meetings on the cases given to `user`, from `first_day` to `last_day`."""
    where, params = visibility(user)
    rows = db.query(
        f"SELECT {COLUMNS} FROM appointments a JOIN registrations r ON r.id = a.registration_id "
        f"WHERE {where} AND r.consultant_id = ? AND a.starts_at >= ? AND a.starts_at < ? "
        "ORDER BY a.starts_at",
        [*params, user.id, first_day.isoformat(), (last_day + timedelta(days=1)).isoformat()],
    )
    return [_appointment(row) for row in rows]


def visible_appointment(db: Database, user: User, public_id: str) -> Appointment | None:
    where, params = visibility(user)
    rows = list(
        db.query(
            f"SELECT {COLUMNS} FROM appointments a JOIN registrations r ON r.id = a.registration_id "
            f"WHERE a.public_id = ? AND {where}",
            [public_id, *params],
        )
    )
    return _appointment(rows[0]) if rows else None


def calendar_file(appointment: Appointment, *, summary: str, description: str, url: str) -> bytes:
    """The meeting as an iCalendar file (bytes), its times in UTC."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//KLAPjob//Back office//DA")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"{appointment.public_id}@klapjob.dk")
    event.add("dtstamp", clock.now())
    starts = appointment.starts_at
    ends = appointment.ends_at or starts + USUAL_LENGTH
    event.add("dtstart", starts.astimezone(UTC))
    event.add("dtend", ends.astimezone(UTC))
    event.add("summary", summary)
    event.add("location", appointment.place)
    event.add("description", description)
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
