"""The form staff fill in when a person asks to see or delete their data."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, InputRequired

from app.staff.core.forms import DAYS_GONE_BY, DayField, choices, strip
from app.staff.data_requests.data.person_requests import CHANNELS, KINDS


class PersonRequestForm(FlaskForm):
    kind = SelectField(
        _l("The person asks to"),
        choices=choices(KINDS.items(), empty=_l("Choose what they ask")),
        validators=[DataRequired(_l("Choose what they ask"))],
    )
    received_on = DayField(
        _l("We got the request on"),
        validators=[InputRequired(_l("Enter the day we got it")), DAYS_GONE_BY],
    )
    channel = SelectField(
        _l("How it came"),
        choices=choices(CHANNELS.items(), empty=_l("Choose how it came")),
        validators=[DataRequired(_l("Choose how it came"))],
    )


class DeleteForm(FlaskForm):
    reference = StringField(
        _l("Write the reference to confirm"),
        filters=[strip],
        validators=[DataRequired(_l("Write the reference to confirm"))],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
