"""The forms that put a case right: a work trial or job corrected or removed, and a yes
the person gives (or takes back) after sending."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from app.staff.cases.forms.day import PlacementForm, optional_note
from app.staff.core.access import RegistrationRow
from app.staff.core.forms import DAYS_GONE_BY, NOTE_LENGTH, DayField, choices, strip


def reason_field() -> TextAreaField:
    return TextAreaField(
        _l("Why"),
        filters=[strip],
        validators=[
            DataRequired(_l("Write why, so colleagues can see it later")),
            Length(max=NOTE_LENGTH),
        ],
    )


class CorrectPlacementForm(PlacementForm):
    reason = reason_field()


class RemovePlacementForm(FlaskForm):
    reason = reason_field()


# How the person gave their yes (or took it back) after sending.
HOW_GIVEN = {
    "phone": _l("On the phone"),
    "in_person": _l("In person"),
    "letter": _l("In a letter or a mail"),
}
YES_NO = {"yes": _l("Yes"), "no": _l("No")}


class ConsentRecordForm(FlaskForm):
    """The person's yes to the job centre, and their own yes to their health going there
    too, as they say it now: who took it is the user, when and how are asked."""

    jobcentre = RadioField(
        _l("May KLAPjob talk about the person with the job centre?"),
        choices=choices(YES_NO.items()),
        validators=[InputRequired(_l("Choose yes or no"))],
    )
    health_jobcentre = RadioField(
        _l("May KLAPjob also tell the job centre what the person wrote about their health?"),
        choices=choices(YES_NO.items()),
        validators=[InputRequired(_l("Choose yes or no"))],
    )
    how = SelectField(
        _l("How did the person say it?"),
        choices=choices(HOW_GIVEN.items(), empty=_l("Choose how")),
        validators=[DataRequired(_l("Choose how the person said it"))],
    )
    given_on = DayField(
        _l("The day the person said it"),
        validators=[InputRequired(_l("Enter the day the person said it")), DAYS_GONE_BY],
    )
    note = optional_note()
    # The case as it is now (set by the view): what the yes or no changes.
    row: RegistrationRow | None = None

    def validate(self, extra_validators: Any = None) -> bool:
        """Valid, and a change: health goes to the job centre only with a yes to the job
        centre, and only when KLAPjob keeps the health answer at all."""
        row = self.row
        assert row is not None, "the view sets the case before validating"
        valid = super().validate(extra_validators)
        if self.health_jobcentre.data == "yes":
            if self.jobcentre.data == "no":
                self.health_jobcentre.errors.append(
                    _l("Health can only go to the job centre with a yes to the job centre")
                )
            elif not row.consent_health:
                self.health_jobcentre.errors.append(
                    _l("KLAPjob does not keep the person's health answer: there is none to give")
                )
        if valid and not self.health_jobcentre.errors and not self.changes(row):
            self.jobcentre.errors.append(_l("This is what is saved already: change a yes or no"))
        return not any(field.errors for field in self)

    def changes(self, row: RegistrationRow) -> dict[str, tuple[bool, bool]]:
        """{consent column: (before, after)} of what this form changes."""
        wanted = {
            "consent_jobcentre": self.jobcentre.data == "yes",
            "consent_health_jobcentre": self.health_jobcentre.data == "yes",
        }
        return {
            column: (bool(getattr(row, column)), after)
            for column, after in wanted.items()
            if bool(getattr(row, column)) != after
        }
