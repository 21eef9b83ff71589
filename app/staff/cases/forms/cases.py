"""The forms on a registration's page: status, who has it, a job, a note, the next
follow-up, deleting a person, and carrying on with a person's draft."""

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.staff.core.forms import (
    CASE_DAYS,
    HOURS_MESSAGE,
    NOTE_LENGTH,
    DayField,
    HoursField,
    choices,
    strip,
)
from app.staff.core.statuses import CLOSE_REASONS, STATUSES
from app.staff.core.users import User


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), choices=choices(STATUSES.items()))
    reason = SelectField(
        _l("Reason for closing (when you close)"),
        choices=choices(CLOSE_REASONS.items(), empty=_l("Choose a reason")),
        default="",
        # Checked in validate_reason: empty is fine unless the registration is closed.
        validate_choice=False,
    )
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )

    def validate_reason(self, field: Any) -> None:
        if field.data and field.data not in CLOSE_REASONS:
            raise ValidationError(_l("Choose a reason from the list"))
        if self.status.data == "closed" and not field.data:
            raise ValidationError(_l("Choose why the registration is closed"))
        if self.status.data == "closed" and field.data == "other" and not self.note.data:
            raise ValidationError(_l("Write the reason in the note"))


class AssignForm(FlaskForm):
    consultant = SelectField(_l("Consultant"), validate_choice=True)
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )

    def offer(self, users: Iterable[User]) -> None:
        self.consultant.choices = choices(
            ((u.public_id, u.name) for u in users), empty=_l("Nobody yet")
        )


class GiveCasesForm(FlaskForm):
    """The inbox's chosen cases, given to one colleague in one go (someone is away)."""

    cases = SelectMultipleField(validate_choice=False)
    to = SelectField(_l("Give the chosen cases to"), validate_choice=True)

    def offer(self, users: Iterable[User]) -> None:
        self.to.choices = [(u.public_id, u.name) for u in users]


class JobForm(FlaskForm):
    praktik_start = DayField(_l("Work trial starts"), validators=[Optional(), CASE_DAYS])
    job_start = DayField(_l("Job starts"), validators=[Optional(), CASE_DAYS])
    employer = StringField(_l("Employer"), filters=[strip], validators=[Length(max=200)])
    hours = HoursField(
        _l("Hours a week"),
        places=1,
        validators=[Optional(), NumberRange(min=0, max=60, message=HOURS_MESSAGE)],
        render_kw={"inputmode": "decimal"},
    )
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )


class NoteForm(FlaskForm):
    note = TextAreaField(
        _l("Note"),
        filters=[strip],
        validators=[DataRequired(_l("Write the note")), Length(max=NOTE_LENGTH)],
    )


class FollowUpForm(FlaskForm):
    """How a follow-up went, in answers the team can count, and the note."""

    still_in_job = SelectField(
        _l("Is the person still in the work trial or job?"),
        choices=choices(
            [("yes", _l("Yes, still in it")), ("no", _l("No, it has ended"))], empty=_l("Choose")
        ),
        validators=[DataRequired(_l("Choose yes or no"))],
    )
    hours = HoursField(
        _l("Hours a week now (optional)"),
        places=1,
        validators=[Optional(), NumberRange(min=0, max=60, message=HOURS_MESSAGE)],
        render_kw={"inputmode": "decimal"},
    )
    employer_spoken = BooleanField(_l("I have talked with the employer"))
    note = TextAreaField(
        _l("How is it going? (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )

    def outcome(self) -> dict[str, bool | float | None]:
        return {
            "still_in_job": self.still_in_job.data == "yes",
            "hours": float(self.hours.data) if self.hours.data is not None else None,
            "employer_spoken": bool(self.employer_spoken.data),
        }


class MergeForm(FlaskForm):
    """The yes to a merge, after the consultant checked with the person."""

    other = HiddenField(validators=[DataRequired()])
    same_person = BooleanField(
        _l("I have checked with the person: the two registrations are the same person."),
        validators=[DataRequired(_l("Tick the box when you have checked it is the same person"))],
    )
