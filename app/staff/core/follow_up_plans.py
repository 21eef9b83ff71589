"""When to follow up after a work trial or a job starts, chosen per case.

The usual plan follows one municipality's agreement (6 months after the start, then once
a year: ../shared/domain.md); a consultant can follow a person more closely at first.
Each plan is a list of offsets from the start; after the last one, once a year.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from flask_babel import lazy_gettext as _l

EVERY_MONTHS_AFTER = 12


@dataclass(frozen=True)
class Offset:
    months: int = 0
    days: int = 0


PLANS = {
    "standard": (_l("6 months after the start, then once a year"), (Offset(months=6),)),
    "close": (
        _l("After 2 weeks, 3 months and 6 months, then once a year"),
        (Offset(days=14), Offset(months=3), Offset(months=6)),
    ),
    "yearly": (_l("Once a year after the start"), (Offset(months=12),)),
}
DEFAULT_PLAN = "standard"


def plan_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _offsets) in PLANS.items()]


def plan_label(key: str) -> str:
    return PLANS.get(key, PLANS[DEFAULT_PLAN])[0]


def due_date(
    start: date,
    number: int,
    plan: str = DEFAULT_PLAN,
    *,
    add_months: Callable[[date, int], date],
) -> date | None:
    """The due date of follow-up `number` (0 is the first) after `start`; None past the
    end of the calendar."""
    offsets = PLANS.get(plan, PLANS[DEFAULT_PLAN])[1]
    if number < len(offsets):
        offset = offsets[number]
    else:
        last = offsets[-1]
        offset = Offset(
            months=last.months + EVERY_MONTHS_AFTER * (number - len(offsets) + 1), days=last.days
        )
    try:
        return add_months(start, offset.months) + timedelta(days=offset.days)
    except OverflowError:
        return None


class Started(Protocol):
    """A registration (access.RegistrationRow), as far as its follow-ups go."""

    status: str
    job_start: str | None
    praktik_start: str | None


def follow_up_start(row: Started) -> date | None:
    """The day follow-ups count from: the job's start in a job, the work trial's in one."""
    if row.status in ("in_job", "follow_up") and row.job_start:
        return date.fromisoformat(row.job_start)
    if row.status == "praktik" and row.praktik_start:
        return date.fromisoformat(row.praktik_start)
    return None
