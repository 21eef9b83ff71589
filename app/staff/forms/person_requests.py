"""The form staff fill in when a person asks to see or delete their data."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField
from wtforms.validators import DataRequired, InputRequired

from app.staff.core.forms import DAYS_GONE_BY, choices
from app.staff.person_requests import CHANNELS, KINDS


class PersonRequestForm(FlaskForm):
    kind = SelectField(
        _l("The person asks to"),
        choices=choices(KINDS.items(), empty=_l("Choose what they ask")),
        validators=[DataRequired(_l("Choose what they ask"))],
    )
    received_on = DateField(
        _l("We got the request on"),
        validators=[InputRequired(_l("Enter the day we got it")), DAYS_GONE_BY],
    )
    channel = SelectField(
        _l("How it came"),
        choices=choices(CHANNELS.items(), empty=_l("Choose how it came")),
        validators=[DataRequired(_l("Choose how it came"))],
    )
