"""Signing in, the second step's code, and the admin's forms for accounts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectField,
    StringField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
)

from app.staff.accounts.users import MAXIMUM_PASSWORD_LENGTH, MINIMUM_PASSWORD_LENGTH
from app.staff.forms.common import choices, strip


class SignInForm(FlaskForm):
    # Password managers fill these by their autocomplete names; pasting always works.
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[DataRequired(_l("Enter your email address"))],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password"))],
        render_kw={"autocomplete": "current-password"},
    )


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code from the app"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the 6 digits from your authenticator app"))],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"},
    )


class NewUserForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[
            DataRequired(_l("Enter an email address")),
            Email(message=_l("Enter an email address like name@klapjob.dk")),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the person's name")), Length(max=100)],
        render_kw={"autocomplete": "off"},
    )
    role = SelectField(
        _l("Role"),
        choices=choices([("consultant", _l("Consultant")), ("admin", _l("Admin"))]),
    )
    password = PasswordField(
        _l("First password"),
        validators=[
            InputRequired(_l("Enter a first password")),
            Length(
                min=MINIMUM_PASSWORD_LENGTH,
                max=MAXIMUM_PASSWORD_LENGTH,
                message=_l("The password must have at least 12 characters"),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class EditUserForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the person's name")), Length(max=100)],
    )
    role = NewUserForm.role
    active = BooleanField(_l("The account may sign in"))
