"""Signing in, the second step's code, the admin's forms for accounts, and a person's own
password and sessions."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from app.staff.core.forms import DAYS_GONE_BY, DayField, choices, strip
from app.staff.core.passwords import PasswordProblem, check_password_rules
from app.staff.core.users import User

PASSWORD_PROBLEMS = {
    "short": _l("The password must have at least 12 characters"),
    "long": _l("The password can have at most 256 characters"),
    "guessable": _l("Choose a password that is harder to guess, for example 4 or 5 ordinary words"),
}


class GoodPassword:
    """The password rules (passwords.py), told whose password it is: `person(form)` gives
    the name and address the password must not be built from."""

    def __init__(self, person: Callable[[Any], Iterable[str | None]]) -> None:
        self.person = person

    def __call__(self, form: Any, field: Any) -> None:
        try:
            check_password_rules(field.data or "", self.person(form))
        except PasswordProblem as problem:
            raise ValidationError(PASSWORD_PROBLEMS[str(problem)]) from None


def the_account_holder(form: Any) -> tuple[str, str]:
    """A form about an existing account: the view sets `form.user`."""
    return (form.user.name, form.user.email)


def new_password_field(label: str, *, required_message: str) -> Any:
    return PasswordField(
        label,
        validators=[InputRequired(required_message), GoodPassword(the_account_holder)],
        render_kw={"autocomplete": "new-password", "spellcheck": "false"},
    )


def current_password_field(label: str) -> PasswordField:
    return PasswordField(
        label,
        validators=[DataRequired(_l("Enter your password"))],
        render_kw={"autocomplete": "current-password"},
    )


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
            GoodPassword(lambda form: (form.name.data, form.email.data)),
        ],
        render_kw={"autocomplete": "new-password", "spellcheck": "false"},
    )


class EditUserForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the person's name")), Length(max=100)],
    )
    role = NewUserForm.role
    active = BooleanField(_l("The account may sign in"))
    team = StringField(
        _l("Team"),
        filters=[strip],
        validators=[Length(max=60)],
        render_kw={"autocomplete": "off", "list": "team-names"},
    )


class ChangePasswordForm(FlaskForm):
    current_password = current_password_field(_l("Your password now"))
    new_password = new_password_field(
        _l("New password"), required_message=_l("Enter a new password")
    )
    new_password_again = PasswordField(
        _l("The new password again"),
        validators=[EqualTo("new_password", _l("Enter the same new password twice"))],
        render_kw={"autocomplete": "new-password", "spellcheck": "false"},
    )

    def validate_new_password(self, field: Any) -> None:
        if field.data and field.data == self.current_password.data:
            raise ValidationError(_l("Choose a password that is not the one you have now"))


class ResetPasswordForm(FlaskForm):
    temporary_password = new_password_field(
        _l("Password for one sign-in"), required_message=_l("Enter a password for one sign-in")
    )


class EndSessionsForm(FlaskForm):
    # The person's own sessions only: the view ends none of anybody else's.
    sessions = SelectMultipleField(choices=[], validate_choice=False)
    password = current_password_field(_l("Your password"))


class AuditFilterForm(FlaskForm):
    """The audit log's filters, read from the address: a registration's reference (never a
    name), who, what, and the Danish days from and to."""

    class Meta:
        csrf = False

    reference = StringField(
        _l("Reference"), filters=[strip], render_kw={"autocomplete": "off", "spellcheck": "false"}
    )
    user = SelectField(_l("Who"), default="")
    action = SelectField(_l("What"), default="")
    since = DayField(_l("From the day"), validators=[Optional(), DAYS_GONE_BY])
    until = DayField(_l("To the day"), validators=[Optional(), DAYS_GONE_BY])

    def offer(self, users: Iterable[User], actions: Mapping[str, str]) -> None:
        self.user.choices = choices([(u.public_id, u.name) for u in users], empty=_l("All"))
        self.action.choices = choices(actions.items(), empty=_l("All"))

    def validate_until(self, field: Any) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_l("Write a day on or after the first day"))
