"""The day KLAPjob promises to call back by.

Counted in Danish working days: weekends and public holidays (from the `holidays` package)
are not counted, nor the days KLAPjob's phone is closed (a setting). A day is promised only where a consultant covers the person's
municipality: elsewhere nobody could keep it, so the receipt promises no day.
"""

from collections.abc import Iterable
from datetime import date, datetime

from app.core import clock


def promised_callback_day(
    submitted_at: str,
    working_days: int,
    *,
    covered: bool,
    closed_days: Iterable[tuple[int, int]] = (),
) -> date | None:
    """The day promised on the receipt, or None where no consultant covers the
    municipality."""
    if not covered:
        return None
    start = clock.day_in_denmark(submitted_at)
    return clock.add_working_days(start, working_days, closed_days=closed_days)


def is_overdue(promised_iso: str | None, status: str) -> bool:
    """A new registration whose promised day has passed without a first contact."""
    if not promised_iso or status != "new":
        return False
    return clock.today() > datetime.fromisoformat(promised_iso).date()
