"""The one clock: now as an aware UTC datetime, stored as ISO text, read in Danish time.

Times are stored in UTC, to the second (`iso`); a day is a Danish calendar day. Danish
working days leave out weekends and the public holidays of the `holidays` package.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def now() -> datetime:
    """This moment, in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """A moment as it is stored: ISO 8601, to the second."""
    return moment.isoformat(timespec="seconds")


def now_iso() -> str:
    return iso(now())


def local_now() -> datetime:
    """This moment in Danish time."""
    return now().astimezone(DANISH_TIME)


def seconds() -> float:
    """This moment as seconds since 1970 (UTC), to compare with a file's time or to count
    in a window; a duration within one process is time.monotonic's."""
    return now().timestamp()


def today() -> date:
    """Today in Denmark: the site's day, whatever the time zone of the machine it runs on."""
    return local_now().date()


def start_of_danish_day(day: date) -> datetime:
    """The moment (in UTC) a Danish calendar day begins: 23:00 or 22:00 the day before."""
    return datetime.combine(day, time(0), tzinfo=DANISH_TIME).astimezone(UTC)


def day_in_denmark(stamp: str) -> date:
    """The Danish calendar day of a stored UTC time stamp."""
    return datetime.fromisoformat(stamp).astimezone(DANISH_TIME).date()


@lru_cache(maxsize=16)
def danish_public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("DK", years=year)


def is_working_day(day: date, closed_days: Iterable[tuple[int, int]] = ()) -> bool:
    """A weekday that is no Danish public holiday and none of `closed_days` (month, day)."""
    if (day.month, day.day) in set(closed_days):
        return False
    return day.weekday() < 5 and day not in danish_public_holidays(day.year)


def add_working_days(
    start: date, days: int, *, closed_days: Iterable[tuple[int, int]] = ()
) -> date:
    """The day `days` Danish working days after `start`, `closed_days` (month, day) left
    out as well."""
    closed = frozenset(closed_days)
    current = start
    while days > 0:
        current += timedelta(days=1)
        if is_working_day(current, closed):
            days -= 1
    return current


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month.
    OverflowError past the year 9999."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if not date.min.year <= year <= date.max.year:
        raise OverflowError(f"no year {year} in the calendar")
    for last_day in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")
