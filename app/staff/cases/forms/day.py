"""The forms of a consultant's day: calls, next steps, meetings on a case, and the work
trials and jobs a person has had."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from app.staff.cases.data.appointments import ATTENDEES
from app.staff.cases.data.calls import OUTCOMES
from app.staff.cases.data.next_steps import KINDS
from app.staff.cases.data.placements import END_REASONS, Placement
from app.staff.cases.data.placements import KINDS as PLACEMENT_KINDS
from app.staff.core.follow_up_plans import plan_choices
from app.staff.core.forms import (
    CASE_DAYS,
    DAYS_GONE_BY,
    MEETING_DAYS,
    NOTE_LENGTH,
    DayField,
    MeetingTimeAndPlace,
    choices,
    strip,
)


def optional_note() -> TextAreaField:
    return TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )


class ContactForm(FlaskForm):
    """The call sheet: what came of it (one button each), a note, and the next step if
    the consultant sets one in the same press."""

    outcome = SelectField(
        _l("What happened?"),
        choices=choices(OUTCOMES.items()),
        validators=[DataRequired(_l("Choose what happened"))],
        validate_choice=False,
    )
    note = optional_note()
    next_kind = SelectField(
        _l("Next step (optional)"),
        choices=choices(KINDS.items(), empty=_l("Keep the next step as it is")),
        default="",
    )
    next_due = DayField(_l("Do it by"), validators=[Optional(), MEETING_DAYS])

    def validate_outcome(self, field: Any) -> None:
        if field.data not in OUTCOMES:
            raise ValidationError(_l("Choose what happened"))

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.next_kind.data and self.next_due.data is None and not self.next_due.errors:
            self.next_due.errors.append(_l("Enter the day to do it by"))
            valid = False
        if self.next_due.data and not self.next_kind.data:
            self.next_kind.errors.append(_l("Choose the next step, or leave the day empty"))
            valid = False
        return valid

    def next_step(self) -> tuple[str, date] | None:
        """(kind, due_on), or None to keep the next step the case has."""
        return (self.next_kind.data, self.next_due.data) if self.next_kind.data else None


class NextStepForm(FlaskForm):
    kind = SelectField(_l("What is the next step?"), choices=choices(KINDS.items()))
    due_on = DayField(
        _l("Do it by"), validators=[InputRequired(_l("Enter the day to do it by")), MEETING_DAYS]
    )
    note = optional_note()


class AppointmentForm(FlaskForm):
    # The day, times and place as on a jobkaravane meeting (core.forms.MeetingTimeAndPlace).
    day = MeetingTimeAndPlace.starts_on
    starts_at = MeetingTimeAndPlace.starts_at
    ends_at = MeetingTimeAndPlace.ends_at
    place = MeetingTimeAndPlace.place
    with_person = BooleanField(ATTENDEES["person"], default=True)
    with_helper = BooleanField(ATTENDEES["helper"])
    with_jobcentre = BooleanField(ATTENDEES["jobcentre"])
    with_employer = BooleanField(ATTENDEES["employer"])
    note = optional_note()
    validate_starts_at = MeetingTimeAndPlace.validate_starts_at
    validate_ends_at = MeetingTimeAndPlace.validate_ends_at

    def attendees(self) -> list:
        return [key for key in ATTENDEES if getattr(self, f"with_{key}").data]


class FollowUpPlanForm(FlaskForm):
    plan = SelectField(_l("When to follow up"), choices=choices(plan_choices()))


HOURS_MESSAGE = _l("Write the hours a week as a number from 0 to 60, for example 7,5")


def parse_hours(text: str) -> Decimal | None:
    """Hours as people write them: "7,5" (Danish, read first: KLAPjob works in Danish) or
    "7.5", parsed with Babel on the server, so every browser's input works."""
    for locale in ("da", "en"):
        try:
            return parse_decimal(text, locale=locale, strict=True)
        except NumberFormatError:
            continue
    return None


class DanishDecimalField(StringField):
    """A number typed as text (no <input type=number>, which drops a comma in some
    browsers), read with Babel."""

    def process_formdata(self, valuelist: list[str]) -> None:
        self.raw_text = valuelist[0].strip() if valuelist else ""
        self.data = None
        if self.raw_text:
            number = parse_hours(self.raw_text)
            if number is None or not number.is_finite() or not 0 <= number <= 60:
                raise ValueError(HOURS_MESSAGE)
            self.data = number

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return format_decimal(self.data) if self.data is not None else ""


class PlacementForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=choices(PLACEMENT_KINDS.items()))
    workplace = StringField(
        _l("Workplace"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the workplace")), Length(max=200)],
    )
    contact_name = StringField(
        _l("Contact person at the workplace (optional)"),
        filters=[strip],
        validators=[Length(max=100)],
    )
    contact_phone = StringField(
        _l("The contact person's phone (optional)"),
        filters=[strip],
        validators=[Length(max=30)],
        render_kw={"inputmode": "tel"},
    )
    starts_on = DayField(
        _l("Starts"), validators=[InputRequired(_l("Enter the day it starts")), CASE_DAYS]
    )
    ends_on = DayField(_l("Ends (optional)"), validators=[Optional(), CASE_DAYS])
    hours = DanishDecimalField(_l("Hours a week (optional)"), render_kw={"inputmode": "decimal"})
    granted = BooleanField(_l("The job centre has granted it (bevilling)"))
    granted_on = DayField(_l("Granted on (optional)"), validators=[Optional(), DAYS_GONE_BY])
    note = optional_note()

    def validate_ends_on(self, field: Any) -> None:
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end must be on or after the start"))


class EndPlacementForm(FlaskForm):
    placement = SelectField(_l("Which one"), validators=[DataRequired(_l("Choose which one"))])
    ends_on = DayField(
        _l("Ended on"), validators=[InputRequired(_l("Enter the day it ended")), CASE_DAYS]
    )
    reason = SelectField(_l("Why it ended"), choices=choices(END_REASONS.items()))

    def offer(self, placements: Iterable[Placement]) -> None:
        # Nothing chosen before the consultant chooses: one press must not end the job
        # when the work trial was meant.
        self.placement.choices = choices(
            ((p.public_id, f"{p.kind_label}: {p.workplace}") for p in placements if not p.ends_on),
            empty=_l("Choose which one"),
        )
