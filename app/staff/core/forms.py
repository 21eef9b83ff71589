"""What the back office's forms share: choices, trimmed text, days within bounds, hours
a week, a clock time, and the form of a button that only needs its CSRF token."""

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from flask_babel import format_date, format_time, get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    ValidationError,
)

from app.core import clock

NOTE_LENGTH = 2000
# A day worked out from today (DayWithin's bounds).
DayOf = Callable[[date], date]


def choices(pairs: Iterable[tuple[str, str]], *, empty: str | None = None) -> list[Any]:
    """SelectChoice objects (WTForms 3.4 drops tuples), with an optional empty first one."""
    options = [SelectChoice("", empty)] if empty is not None else []
    return options + [SelectChoice(value, label) for value, label in pairs]


def strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


HOURS_MESSAGE = _l("Write the hours a week as a number from 0 to 60")


class HoursField(DecimalField):
    """Hours as people write them in Danish too: 12,5 as well as 12.5."""

    data: Decimal | None

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist and valuelist[0].strip():
            try:
                super().process_formdata([valuelist[0].strip().replace(",", ".")])
            except ValueError:
                raise ValueError(HOURS_MESSAGE) from None
            # Decimal reads "NaN", "sNaN" and "Infinity" too: none of them is a number of hours.
            if self.data is None or not self.data.is_finite():
                self.data = None
                raise ValueError(HOURS_MESSAGE)
        else:
            self.data = None


# A date box sends 2026-12-24; a day typed by hand is written as Danes write it.
DAY_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"]


class DayField(DateField):
    """A day, as a date box sends it or as a Dane writes it; a wrong one is explained in
    the consultant's language (WTForms has no Danish of its own)."""

    def __init__(
        self, label: str | None = None, validators: list[Any] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault(
            "invalid_value_message", _l("Write the day as a date, for example 24-12-2026")
        )
        super().__init__(label, validators, format=DAY_FORMATS, **kwargs)


class DayWithin:
    """A day between `earliest` and `latest` days from today (callables of today, so the
    bounds move with the calendar). A far date once made every page that works out
    follow-ups fail for everybody."""

    def __init__(self, earliest: DayOf, latest: DayOf) -> None:
        self.earliest, self.latest = earliest, latest

    def __call__(self, form: Any, field: Any) -> None:
        if field.data is None:
            return
        today = clock.today()
        first, last = self.earliest(today), self.latest(today)
        if not first <= field.data <= last:
            raise ValidationError(
                _l(
                    "Write a day from %(first)s to %(last)s",
                    first=format_date(first, "short"),
                    last=format_date(last, "short"),
                )
            )


def years_from(years: int) -> DayOf:
    """The same day `years` from a day (28 February for 29 February)."""

    def moved(today: date) -> date:
        try:
            return today.replace(year=today.year + years)
        except ValueError:
            return today.replace(year=today.year + years, day=28)

    return moved


def days_from(days: int) -> DayOf:
    return lambda today: today + timedelta(days=days)


# KLAPjob began in 2009: no work trial, job or talk of ours is older. Plans reach a few
# years ahead at most.
def SINCE_KLAPJOB_BEGAN(_today: date) -> date:
    return date(2009, 1, 1)


CASE_DAYS = DayWithin(SINCE_KLAPJOB_BEGAN, years_from(2))


MEETING_DAYS = DayWithin(days_from(-31), years_from(2))


DAYS_GONE_BY = DayWithin(SINCE_KLAPJOB_BEGAN, days_from(1))


def parse_clock(text: str) -> tuple[int, int]:
    """'10:00', '10.00' or '10' as (hours, minutes); a kind message otherwise."""
    parts = text.replace(".", ":").split(":")
    try:
        hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        raise ValidationError(_l("Write the time like this: 10:00")) from None
    if not (0 <= hours < 24 and 0 <= minutes < 60) or len(parts) > 2:
        raise ValidationError(_l("Write the time like this: 10:00"))
    return hours, minutes


class ActionForm(FlaskForm):
    """A button that changes something: only the security token."""


# A time of day in a form's field, as the page's language writes it with a 24-hour clock
# (parse_clock reads both): "13.00" in Danish, "13:00" in English.
CLOCK_PATTERNS = {"da": "HH.mm"}


def clock_text(moment: datetime) -> str:
    return format_time(moment, CLOCK_PATTERNS.get(str(get_locale()), "HH:mm"))


def at_time(day: date, clock: str) -> datetime:
    """The day and an 'HH:MM' the form accepted, as one datetime."""
    hours, minutes = parse_clock(clock)
    return datetime(day.year, day.month, day.day, hours, minutes)


class MeetingTimeAndPlace(FlaskForm):
    """The day, times and place of a meeting: a jobkaravane meeting's and a meeting on a
    case (AppointmentForm) alike."""

    starts_on = DayField(_l("Day"), validators=[InputRequired(_l("Enter the day")), MEETING_DAYS])
    starts_at = StringField(
        _l("Starts at"),
        filters=[strip],
        validators=[DataRequired(_l("Enter when it starts, for example 10:00"))],
    )
    ends_at = StringField(_l("Ends at (optional)"), filters=[strip])
    place = StringField(
        _l("Place"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the place")), Length(max=200)],
    )

    def validate_starts_at(self, field: Any) -> None:
        parse_clock(field.data)

    def validate_ends_at(self, field: Any) -> None:
        if field.data:
            parse_clock(field.data)
