"""The day KLAPjob promises to call back by.

Counted in Danish working days: weekends and public holidays (from the `holidays` package)
are not counted. A day is promised only where a consultant covers the person's
municipality: elsewhere nobody could keep it, so the receipt promises no day.
"""

from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@lru_cache(maxsize=16)
def danish_public_holidays(year):
    return holidays.country_holidays("DK", years=year)


def is_working_day(day):
    return day.weekday() < 5 and day not in danish_public_holidays(day.year)


def add_working_days(start, days):
    """The day `days` Danish working days after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            days -= 1
    return current


def day_in_denmark(stamp):
    """The Danish calendar day of a stored UTC time stamp."""
    return datetime.fromisoformat(stamp).astimezone(DANISH_TIME).date()


def today_in_denmark():
    return datetime.now(DANISH_TIME).date()


def promised_callback_day(submitted_at, working_days, *, covered):
    """The day promised on the receipt, or None where no consultant covers the
    municipality."""
    if not covered:
        return None
    return add_working_days(day_in_denmark(submitted_at), working_days)


def is_overdue(promised_iso, status):
    """A new registration whose promised day has passed without a first contact."""
    if not promised_iso or status != "new":
        return False
    return today_in_denmark() > datetime.fromisoformat(promised_iso).date()
