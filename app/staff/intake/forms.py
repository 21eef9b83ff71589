"""The forms staff use to take a registration by phone and to open a draft by its code."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired

from app.core.db import LARGEST_INTEGER
from app.domain.questions.model import Answers
from app.staff.core.forms import strip
from app.staff.core.statuses import CHANNELS


def channel_field() -> RadioField:
    return RadioField(
        _l("How did the person come to KLAPjob?"),
        choices=[SelectChoice(value, label) for value, label in CHANNELS.items()],
        validators=[InputRequired(_l("Choose how the person came to KLAPjob"))],
    )


class StartIntakeForm(FlaskForm):
    channel = channel_field()


class RowNumberField(IntegerField):
    """A row's number from a hidden field: a whole number SQLite can hold. (WTForms'
    NumberRange cannot judge 400 digits: it turns them into a float first.)"""

    data: int | None

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if self.data is not None and not 1 <= self.data <= LARGEST_INTEGER:
            self.data = None
            raise ValueError("not a row number")


class SignupIntakeForm(FlaskForm):
    signup = RowNumberField(validators=[InputRequired()])


class ContinueDraftForm(FlaskForm):
    code = HiddenField(validators=[DataRequired()])
    channel = channel_field()


class PhoneConsentForm(FlaskForm):
    """What the person said yes to on the phone, each its own yes, as on the site."""

    consent = BooleanField(
        _l("The person said yes on the phone: KLAPjob may keep the answers and contact them."),
        validators=[DataRequired(_l("Tick the box when the person has said yes"))],
    )
    consent_contact_helper = BooleanField(
        _l("The helper said yes: KLAPjob may also contact the helper.")
    )
    consent_jobcentre = BooleanField(
        _l("The person said yes: KLAPjob may talk with the job centre about them.")
    )
    consent_health = BooleanField(
        _l("The person said yes: KLAPjob may keep what they told about their health.")
    )

    def validate_for(self, answers: Answers) -> bool:
        valid = self.validate()
        if answers.get("contact_method") == "helper" and not self.consent_contact_helper.data:
            self.consent_contact_helper.errors = [
                _l("The person wants contact through the helper: the helper must say yes")
            ]
            valid = False
        return valid


class DraftCodeForm(FlaskForm):
    code = StringField(
        _l("The person's code"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the code the person reads to you"))],
    )
