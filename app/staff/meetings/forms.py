"""Information meetings and ambassadors: a meeting and who came to it, an ambassador and
their line of work, a match and a talk."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
)

from app.domain.municipalities import municipalities_by_name
from app.staff.core.forms import (
    DAYS_GONE_BY,
    NOTE_LENGTH,
    DayField,
    MeetingTimeAndPlace,
    choices,
    strip,
)
from app.staff.meetings.data.ambassadors import LINES_OF_WORK


class MeetingForm(MeetingTimeAndPlace):
    municipality = SelectField(
        _l("Municipality"),
        choices=choices(municipalities_by_name(), empty=_l("Choose the municipality")),
        validators=[DataRequired(_l("Choose the municipality"))],
    )
    description_da = TextAreaField(
        _l("What happens at the meeting, in easy Danish"),
        filters=[strip],
        validators=[DataRequired(_l("Write what happens at the meeting")), Length(max=600)],
    )
    description_en = TextAreaField(
        _l("The same in English (optional)"), filters=[strip], validators=[Length(max=600)]
    )


class AmbassadorForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the name")), Length(max=100)],
    )
    phone = StringField(_l("Phone number"), filters=[strip], validators=[Length(max=30)])
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[Optional(), Email(_l("Enter an email address like name@mail.dk"))],
    )
    municipality = SelectField(
        _l("Municipality"),
        choices=choices(municipalities_by_name(), empty=_l("Choose the municipality")),
        validators=[Optional()],
    )
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )


class MatchForm(FlaskForm):
    ambassador = SelectField(
        _l("Ambassador"), validators=[DataRequired(_l("Choose an ambassador"))]
    )
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )


class TalkedForm(FlaskForm):
    talked_on = DayField(
        _l("They talked on"),
        validators=[InputRequired(_l("Enter the day they talked")), DAYS_GONE_BY],
    )


class AmbassadorWithWorkForm(AmbassadorForm):
    line_of_work = SelectField(
        _l("Line of work (optional)"),
        choices=choices(LINES_OF_WORK.items(), empty=_l("No line of work")),
        validators=[Optional()],
    )


class AttendanceForm(FlaskForm):
    # Two buttons named "attended": "Came" sends 1, "Did not come" sends 0.
    attended = RadioField(
        choices=choices([("1", _l("Came")), ("0", _l("Did not come"))]), validators=[DataRequired()]
    )
