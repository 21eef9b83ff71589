"""Forms for editing ambassadors and marking who came to a meeting."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField
from wtforms.validators import DataRequired, Optional

from app.staff.ambassadors import LINES_OF_WORK
from app.staff.forms import AmbassadorForm, choices


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
