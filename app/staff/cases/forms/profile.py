"""The back office's forms for the job profile: what was learned, and the person's yes to
showing the profile to an employer."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from app.staff.core.forms import DAYS_GONE_BY, DayField, strip

ADDITION_LENGTH = 1000


class LearnedForm(FlaskForm):
    """What the consultant adds with the person after a meeting or a praktik."""

    good_at = TextAreaField(
        _l("What the person is good at"), filters=[strip], validators=[Length(max=ADDITION_LENGTH)]
    )
    went_well = TextAreaField(
        _l("What went well in the work trial"),
        filters=[strip],
        validators=[Length(max=ADDITION_LENGTH)],
    )
    was_hard = TextAreaField(
        _l("What was hard"), filters=[strip], validators=[Length(max=ADDITION_LENGTH)]
    )
    accommodations = TextAreaField(
        _l("Accommodations that worked"), filters=[strip], validators=[Length(max=ADDITION_LENGTH)]
    )


class EmployerYesForm(FlaskForm):
    employer = StringField(
        _l("Employer"),
        filters=[strip],
        validators=[DataRequired(_l("Write the employer's name")), Length(max=200)],
    )
    agreed_on = DayField(
        _l("The day the person said yes"),
        validators=[InputRequired(_l("Write the day the person said yes")), DAYS_GONE_BY],
    )
    # Never ticked in advance: the person's own yes, asked for this employer.
    with_voice = BooleanField(_l("The person also says yes to their own voice on this version"))
    with_photo = BooleanField(_l("The person also says yes to their photo on this version"))


class ProfileMailForm(FlaskForm):
    """The newest version to the person by email: only with the yes they give now."""

    person_agrees = BooleanField(
        _l("The person has just said yes to getting the profile by email"),
        validators=[InputRequired(_l("Tick the box when the person has said yes"))],
    )
