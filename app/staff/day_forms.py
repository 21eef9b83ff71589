"""The forms of a consultant's day: calls, next steps, meetings on a case, and the work
trials and jobs a person has had. (The older forms are in forms.py.)"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from app.staff.casework.appointments import ATTENDEES
from app.staff.casework.follow_up_plans import plan_choices
from app.staff.casework.next_steps import KINDS
from app.staff.forms import MEETING_DAYS, NOTE_LENGTH, choices, parse_clock, strip


def optional_note():
    return TextAreaField(_l("Note (optional)"), filters=[strip],
                         validators=[Length(max=NOTE_LENGTH)])


class CallForm(FlaskForm):
    """"Ringet, intet svar": a call nobody answered, with an optional note."""

    note = optional_note()


class NextStepForm(FlaskForm):
    kind = SelectField(_l("What is the next step?"), choices=choices(KINDS.items()))
    due_on = DateField(_l("Do it by"),
                       validators=[InputRequired(_l("Enter the day to do it by")), MEETING_DAYS])
    note = optional_note()


class AppointmentForm(FlaskForm):
    day = DateField(_l("Day"), validators=[InputRequired(_l("Enter the day")), MEETING_DAYS])
    starts_at = StringField(
        _l("Starts at"), filters=[strip],
        validators=[DataRequired(_l("Enter when it starts, for example 10:00"))],
    )
    ends_at = StringField(_l("Ends at (optional)"), filters=[strip])
    place = StringField(_l("Place"), filters=[strip],
                        validators=[DataRequired(_l("Enter the place")), Length(max=200)])
    with_person = BooleanField(ATTENDEES["person"], default=True)
    with_helper = BooleanField(ATTENDEES["helper"])
    with_jobcentre = BooleanField(ATTENDEES["jobcentre"])
    with_employer = BooleanField(ATTENDEES["employer"])
    note = optional_note()

    def validate_starts_at(self, field):
        parse_clock(field.data)

    def validate_ends_at(self, field):
        if field.data:
            parse_clock(field.data)

    def attendees(self):
        return [key for key in ATTENDEES if getattr(self, f"with_{key}").data]


class FollowUpPlanForm(FlaskForm):
    plan = SelectField(_l("When to follow up"), choices=choices(plan_choices()))
