"""The numbers behind the statistics page: registrations per month and per municipality,
how far people have come (the funnel), and how soon KLAPjob made the first contact.
Counts only: nothing here names a person."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from statistics import median

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock
from app.domain.municipalities import municipality_name
from app.staff.core.statuses import STATUSES

# The path to a job, in order; "closed" can follow any of them and is not a stage.
STAGES = ("new", "contacted", "meeting", "praktik", "in_job", "follow_up")
CONTACT_BUCKETS = (
    (1, _l("0 to 1 day")),
    (3, _l("2 to 3 days")),
    (7, _l("4 to 7 days")),
    (14, _l("8 to 14 days")),
    (None, _l("More than 14 days")),
)


def local_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone(clock.DANISH_TIME).date()


def per_month(db: Database, *, today: date, months: int = 12) -> list[tuple[date, int]]:
    """(first day of the month, count) for the last `months` months, this one included."""
    first = clock.add_months(today.replace(day=1), -(months - 1))
    counts: Counter[date] = Counter()
    for row in db.query("SELECT submitted_at FROM registrations"):
        day = local_day(row["submitted_at"])
        if day >= first:
            counts[day.replace(day=1)] += 1
    return [(clock.add_months(first, i), counts[clock.add_months(first, i)]) for i in range(months)]


def per_municipality(db: Database) -> list:
    """(municipality name, count), most registrations first."""
    rows = db.query(
        "SELECT municipality_code, count(*) AS n FROM registrations "
        "GROUP BY municipality_code ORDER BY n DESC, municipality_code"
    )
    return [
        (municipality_name(r["municipality_code"]) or r["municipality_code"], r["n"]) for r in rows
    ]


def funnel(db: Database) -> list[tuple[str, int]]:
    """(status, how many have reached it): a person who got a job and was then closed
    still counts as having reached the job."""
    furthest: dict[int, int] = {}
    for row in db.query(
        "SELECT id AS registration_id, status FROM registrations "
        "UNION ALL SELECT registration_id, status FROM registration_history "
        "WHERE kind = 'status'"
    ):
        stage = STAGES.index(row["status"]) if row["status"] in STAGES else 0
        furthest[row["registration_id"]] = max(furthest.get(row["registration_id"], 0), stage)
    return [
        (STATUSES[stage], sum(1 for reached in furthest.values() if reached >= index))
        for index, stage in enumerate(STAGES)
    ]


@dataclass
class ContactTimes:
    buckets: list[tuple[str, int]]  # (label, count)
    not_yet: int
    median_days: float | None


def days_to_first_contact(db: Database) -> ContactTimes:
    days, not_yet = [], 0
    for row in db.query("SELECT submitted_at, first_contact_at FROM registrations"):
        if row["first_contact_at"] is None:
            not_yet += 1
            continue
        waited = datetime.fromisoformat(row["first_contact_at"]) - datetime.fromisoformat(
            row["submitted_at"]
        )
        days.append(max(0, waited.days))
    buckets, lower = [], 0
    for upper, label in CONTACT_BUCKETS:
        count = sum(1 for d in days if d >= lower and (upper is None or d <= upper))
        buckets.append((label, count))
        lower = (upper or 0) + 1
    return ContactTimes(buckets, not_yet, median(days) if days else None)


def month_label(first_day: date) -> str:
    return format_date(first_day, format="MMM yyyy")
