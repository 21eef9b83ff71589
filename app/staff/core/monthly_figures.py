"""Anonymous monthly figures per municipality, for the municipalities' reports.

Each change that a report counts adds to them in its own transaction: a registration sent,
the first real contact (and how many days it took), a work trial or a job started (and its
hours), a case closed (and why), a job still going 6 and 12 months after its start. No
person is in them, and deleting or purging a person leaves them as they are.
"""

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlite_utils import Database

from app.core import clock

REGISTERED = "registered"
CONTACTED = "contacted"
PLACEMENT = "placement"
CLOSED = "closed"
STILL_IN_JOB = "still_in_job"
# A job is looked at this many months after its start.
ANNIVERSARIES = (6, 12)


def month_of(moment: str | datetime | date) -> str:
    """'YYYY-MM' of a moment (aware datetime, or an ISO time stamp) in Danish time."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if isinstance(moment, datetime):
        moment = moment.astimezone(clock.DANISH_TIME).date()
    return f"{moment.year:04d}-{moment.month:02d}"


def add(
    db: Database,
    measure: str,
    *,
    municipality: str | None,
    month: str,
    kind: str = "",
    amount: float | Decimal = 0.0,
) -> None:
    """Count one more. Call it inside the transaction that makes the change."""
    db.execute(
        "INSERT INTO monthly_figures (month, municipality_code, measure, kind, count, amount) "
        "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (month, municipality_code, measure, kind) "
        "DO UPDATE SET count = count + 1, amount = amount + excluded.amount",
        [month, municipality or "", measure, kind, float(amount or 0)],
    )


def take_off(
    db: Database,
    measure: str,
    *,
    municipality: str | None,
    month: str,
    kind: str = "",
    amount: float | Decimal = 0.0,
) -> None:
    """Count one less (never below nothing). Inside the transaction of the change."""
    db.execute(
        "UPDATE monthly_figures SET count = count - 1, amount = amount - ? WHERE month = ?"
        " AND municipality_code = ? AND measure = ? AND kind = ? AND count > 0",
        [float(amount or 0), month, municipality or "", measure, kind],
    )


def count_merged_once(db: Database, kept_id: int, other_id: int) -> None:
    """`other` is merged into `kept`: one person, counted once. Its registration comes off
    its month; so does its first contact when the kept case had one too, or else the kept
    case takes that first contact over (so it is not counted again later)."""
    rows = {
        row["id"]: row
        for row in db.query(
            "SELECT id, submitted_at, first_contact_at, municipality_code FROM registrations"
            " WHERE id IN (?, ?)",
            [kept_id, other_id],
        )
    }
    kept, other = rows[kept_id], rows[other_id]
    municipality = other["municipality_code"]
    take_off(db, REGISTERED, municipality=municipality, month=month_of(other["submitted_at"]))
    if other["first_contact_at"] is None:
        return
    if kept["first_contact_at"] is None:
        db.execute(
            "UPDATE registrations SET first_contact_at = ? WHERE id = ?",
            [other["first_contact_at"], kept_id],
        )
        return
    days = (
        clock.day_in_denmark(other["first_contact_at"])
        - clock.day_in_denmark(other["submitted_at"])
    ).days
    take_off(
        db,
        CONTACTED,
        municipality=municipality,
        month=month_of(other["first_contact_at"]),
        amount=max(days, 0),
    )


def count_first_contact(db: Database, registration_id: int, now: datetime) -> None:
    """The first real contact: counted once, with the days since the person sent."""
    row = next(
        db.query(
            "SELECT submitted_at, municipality_code FROM registrations WHERE id = ?",
            [registration_id],
        )
    )
    days = (
        now.astimezone(clock.DANISH_TIME).date() - clock.day_in_denmark(row["submitted_at"])
    ).days
    add(
        db,
        CONTACTED,
        municipality=row["municipality_code"],
        month=month_of(now),
        amount=max(days, 0),
    )


def count_jobs_still_going(
    db: Database, today: date, add_months: Callable[[date, int], date], job_kinds: Sequence[str]
) -> None:
    """Jobs whose 6- or 12-month day has come: counted in that day's month when the job
    had not ended by then. Run nightly (the purge) and before a person is deleted."""
    rows = list(
        db.query(
            f"SELECT p.id, p.kind, p.starts_on, p.ends_on, p.counted_months, r.municipality_code "
            f"FROM placements p JOIN registrations r ON r.id = p.registration_id "
            f"WHERE p.kind IN ({', '.join('?' for _ in job_kinds)}) AND p.counted_months < ?",
            [*job_kinds, ANNIVERSARIES[-1]],
        )
    )
    for row in rows:
        start = date.fromisoformat(row["starts_on"])
        counted = row["counted_months"]
        for months in ANNIVERSARIES:
            day = add_months(start, months)
            if months <= counted or day > today:
                continue
            ends = date.fromisoformat(row["ends_on"]) if row["ends_on"] else None
            if ends is None or ends >= day:
                add(
                    db,
                    STILL_IN_JOB,
                    municipality=row["municipality_code"],
                    month=month_of(day),
                    kind=str(months),
                )
            counted = months
        if counted != row["counted_months"]:
            db.execute(
                "UPDATE placements SET counted_months = ? WHERE id = ?", [counted, row["id"]]
            )


def figures(
    db: Database, *, municipality: str, first_month: str, last_month: str
) -> dict[tuple[str, str], dict[str, tuple[int, float]]]:
    """{(measure, kind): {month: (count, amount)}} for one municipality ("" for all)."""
    where, params = "month BETWEEN ? AND ?", [first_month, last_month]
    if municipality:
        where += " AND municipality_code = ?"
        params.append(municipality)
    found: dict[tuple[str, str], dict[str, tuple[int, float]]] = {}
    for row in db.query(
        f"SELECT month, measure, kind, sum(count) AS count, sum(amount) AS amount "
        f"FROM monthly_figures WHERE {where} GROUP BY month, measure, kind",
        params,
    ):
        found.setdefault((row["measure"], row["kind"]), {})[row["month"]] = (
            row["count"],
            row["amount"],
        )
    return found


def first_day(month: str) -> date:
    """The first day of a 'YYYY-MM' month, as a date."""
    year, number = map(int, month.split("-"))
    return date(year, number, 1)
