"""The forms of a consultant's day: calls, next steps, meetings on a case, and the work
trials and jobs a person has had. (The older forms are in forms.py.)"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length

from app.staff.forms import NOTE_LENGTH, strip


def optional_note():
    return TextAreaField(_l("Note (optional)"), filters=[strip],
                         validators=[Length(max=NOTE_LENGTH)])


class CallForm(FlaskForm):
    """"Ringet, intet svar": a call nobody answered, with an optional note."""

    note = optional_note()
