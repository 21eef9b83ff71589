"""A work trial or job typed wrong is put right, or removed when it never happened: each
with the consultant's reason, what it was before (and after) in the case's history, an
audit entry without the workplace, and the monthly figures moved with it (the report then
counts it in the month, kind and hours it really had)."""

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.staff.cases.data.placements import JOB_KINDS, KINDS, Placement, placements_of
from app.staff.core import audit, monthly_figures
from app.staff.core.access import RegistrationRow
from app.staff.core.history import add_history
from app.staff.core.users import User

COLUMNS = ("kind", "workplace", "contact_name", "contact_phone", "starts_on", "ends_on", "hours")
FIELDS = (*COLUMNS, "granted", "granted_on", "note")


def stored(values: Mapping[str, Any]) -> dict[str, Any]:
    """The placement's values as its row keeps them (days as ISO text)."""
    out = {}
    for name in FIELDS:
        value = values.get(name)
        if isinstance(value, date):
            value = value.isoformat()
        elif name == "hours" and value is not None:
            value = float(value)
        elif name == "granted":
            value = int(bool(value))
        elif value is None and name in ("workplace", "contact_name", "contact_phone", "note"):
            value = ""
        out[name] = value
    return out


def _placement_row(db: Database, registration: RegistrationRow, public_id: str) -> dict[str, Any]:
    rows = list(
        db.query(
            f"SELECT id, counted_months, {', '.join(FIELDS)} FROM placements "
            "WHERE public_id = ? AND registration_id = ?",
            [public_id, registration.id],
        )
    )
    if not rows:
        raise LookupError(public_id)
    return rows[0]


def _count(db: Database, registration: RegistrationRow, row: Mapping[str, Any], add: bool) -> None:
    """Add (or take off) what the placement counts in the monthly figures: its start, and
    the 6- and 12-month days a job was counted as still going."""
    change = monthly_figures.add if add else monthly_figures.take_off
    start = date.fromisoformat(row["starts_on"])
    municipality = registration.municipality_code
    change(
        db,
        monthly_figures.PLACEMENT,
        kind=row["kind"],
        municipality=municipality,
        month=monthly_figures.month_of(start),
        amount=row["hours"] or 0,
    )
    if add or row["kind"] not in JOB_KINDS:
        return
    ends = date.fromisoformat(row["ends_on"]) if row["ends_on"] else None
    for months in monthly_figures.ANNIVERSARIES:
        day = clock.add_months(start, months)
        if months <= row["counted_months"] and (ends is None or ends >= day):
            monthly_figures.take_off(
                db,
                monthly_figures.STILL_IN_JOB,
                municipality=municipality,
                month=monthly_figures.month_of(day),
                kind=str(months),
            )


def copy_newest_to_case(db: Database, registration: RegistrationRow) -> None:
    """The case's own columns hold the newest work trial's start and the newest job's start,
    workplace and hours, or nothing when none is left."""
    newest: dict[str, dict[str, Any]] = {}
    for row in db.query(
        "SELECT kind, starts_on, workplace, hours FROM placements WHERE registration_id = ? "
        "ORDER BY starts_on DESC, id DESC",
        [registration.id],
    ):
        newest.setdefault("praktik" if row["kind"] == "praktik" else "job", row)
    trial, job = newest.get("praktik"), newest.get("job")
    db.execute(
        "UPDATE registrations SET praktik_start = ?, job_start = ?, employer = ?, job_hours = ? "
        "WHERE id = ?",
        [
            trial["starts_on"] if trial else None,
            job["starts_on"] if job else None,
            job["workplace"] if job else None,
            job["hours"] if job else None,
            registration.id,
        ],
    )


def _record(
    db: Database,
    user: User,
    registration: RegistrationRow,
    before: Mapping[str, Any],
    after: Mapping[str, Any] | None,
    reason: str,
    now: datetime,
) -> None:
    """The history line (corrected, or removed when there is no `after`) and the audit."""
    shown = after or before
    common = {
        "now": now,
        "reason": shown["kind"],
        "due_on": shown["starts_on"],
        "note": reason,
        "field": "placement",
        "before": json.dumps(before, ensure_ascii=False),
        "after": json.dumps(after, ensure_ascii=False) if after else None,
    }
    if after:
        add_history(db, registration, user, "placement_corrected", **common)
    else:
        add_history(db, registration, user, "placement_removed", **common)
    detail = "placement corrected" if after else "placement removed"
    audit.record(db, user, "changed", reference=registration.reference, detail=detail, now=now)


def correct_placement(
    db: Database,
    user: User,
    registration: RegistrationRow,
    public_id: str,
    values: Mapping[str, Any],
    *,
    reason: str,
    now: datetime | None = None,
) -> None:
    """Put the placement right: `values` as PlacementForm gives them; `reason` why."""
    if values["kind"] not in KINDS:
        raise ValueError(values["kind"])
    now = now or clock.now()
    after = stored(values)
    with write_transaction(db):
        row = _placement_row(db, registration, public_id)
        before = {name: row[name] for name in FIELDS}
        _count(db, registration, row, add=False)
        db.execute(
            f"UPDATE placements SET {', '.join(f'{name} = ?' for name in FIELDS)}, "
            "counted_months = 0 WHERE id = ?",
            [*after.values(), row["id"]],
        )
        _count(db, registration, {**after, "counted_months": 0}, add=True)
        # The 6- and 12-month days of the job as it now is, counted as the purge does.
        monthly_figures.count_jobs_still_going(db, clock.today(), clock.add_months, JOB_KINDS)
        copy_newest_to_case(db, registration)
        _record(db, user, registration, before, after, reason, now)


def remove_placement(
    db: Database,
    user: User,
    registration: RegistrationRow,
    public_id: str,
    *,
    reason: str,
    now: datetime | None = None,
) -> None:
    """The placement never happened (typed on the wrong case, twice): gone, with why."""
    now = now or clock.now()
    with write_transaction(db):
        row = _placement_row(db, registration, public_id)
        before = {name: row[name] for name in FIELDS}
        _count(db, registration, row, add=False)
        db.execute("DELETE FROM placements WHERE id = ?", [row["id"]])
        copy_newest_to_case(db, registration)
        _record(db, user, registration, before, None, reason, now)


def placement_of(db: Database, registration: RegistrationRow, public_id: str) -> Placement | None:
    """One placement of this case (None when it is another case's, or gone)."""
    return next((p for p in placements_of(db, registration.id) if p.public_id == public_id), None)
