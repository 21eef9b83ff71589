"""Cells as Danish Excel reads them, for every CSV file the back office makes: a decimal
comma ('7.5' is a date or a text there) and days written day-month-year."""

from datetime import date

from babel.numbers import format_decimal

from app.core import clock

DAY_FORMAT = "%d-%m-%Y"


def danish_decimal(number: float | None) -> str:
    """'7,5' for 7.5; '' for nothing."""
    if number is None or number == "":
        return ""
    return format_decimal(number, locale="da", group_separator=False)


def danish_day(day: date | str | None) -> str:
    """'02-03-2026' for a date, an ISO day ('2026-03-02') or a stored UTC time stamp (its
    day in Denmark: sent at 23:30 UTC is the next day there); '' for nothing."""
    if not day:
        return ""
    if isinstance(day, str):
        day = clock.day_in_denmark(day) if len(day) > 10 else date.fromisoformat(day)
    return day.strftime(DAY_FORMAT)
