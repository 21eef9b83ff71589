"""The back office's forms. Labels and messages are product copy: plain words that say
what to do."""

from datetime import date, timedelta

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.domain.municipalities import municipalities_by_name
from app.staff.accounts.users import MAXIMUM_PASSWORD_LENGTH, MINIMUM_PASSWORD_LENGTH
from app.staff.casework.changes import CLOSE_REASONS, STATUSES

NOTE_LENGTH = 2000


def choices(pairs, *, empty=None):
    """SelectChoice objects (WTForms 3.4 drops tuples), with an optional empty first one."""
    options = [SelectChoice("", empty)] if empty is not None else []
    return options + [SelectChoice(value, label) for value, label in pairs]


def strip(value):
    return value.strip() if isinstance(value, str) else value


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


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), choices=choices(STATUSES.items()))
    reason = SelectField(
        _l("Reason for closing (when you close)"),
        choices=choices(CLOSE_REASONS.items(), empty=_l("Choose a reason")),
        default="",
        # Checked in validate_reason: empty is fine unless the registration is closed.
        validate_choice=False,
    )
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )

    def validate_reason(self, field):
        if field.data and field.data not in CLOSE_REASONS:
            raise ValidationError(_l("Choose a reason from the list"))
        if self.status.data == "closed" and not field.data:
            raise ValidationError(_l("Choose why the registration is closed"))
        if self.status.data == "closed" and field.data == "other" and not self.note.data:
            raise ValidationError(_l("Write the reason in the note"))


class AssignForm(FlaskForm):
    consultant = SelectField(_l("Consultant"), validate_choice=True)
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )

    def offer(self, users):
        self.consultant.choices = choices(
            ((u.public_id, u.name) for u in users), empty=_l("Nobody yet")
        )


HOURS_MESSAGE = _l("Write the hours a week as a number from 0 to 60")


class HoursField(DecimalField):
    """Hours as people write them in Danish too: 12,5 as well as 12.5."""

    def process_formdata(self, valuelist):
        if valuelist and valuelist[0].strip():
            try:
                super().process_formdata([valuelist[0].strip().replace(",", ".")])
            except ValueError:
                raise ValueError(HOURS_MESSAGE) from None
            # Decimal reads "NaN", "sNaN" and "Infinity" too: none of them is a number of hours.
            if self.data is None or not self.data.is_finite():
                self.data = None
                raise ValueError(HOURS_MESSAGE)
        else:
            self.data = None


class DayWithin:
    """A day between `earliest` and `latest` days from today (callables of today, so the
    bounds move with the calendar). A far date once made every page that works out
    follow-ups fail for everybody."""

    def __init__(self, earliest, latest):
        self.earliest, self.latest = earliest, latest

    def __call__(self, form, field):
        if field.data is None:
            return
        today = date.today()
        first, last = self.earliest(today), self.latest(today)
        if not first <= field.data <= last:
            raise ValidationError(
                _l(
                    "Write a day from %(first)s to %(last)s",
                    first=format_date(first, "short"),
                    last=format_date(last, "short"),
                )
            )


def years_from(years):
    """The same day `years` from a day (28 February for 29 February)."""

    def moved(today):
        try:
            return today.replace(year=today.year + years)
        except ValueError:
            return today.replace(year=today.year + years, day=28)

    return moved


def days_from(days):
    return lambda today: today + timedelta(days=days)


# KLAPjob began in 2009: no work trial, job or talk of ours is older. Plans reach a few
# years ahead at most.
def SINCE_KLAPJOB_BEGAN(_today):
    return date(2009, 1, 1)


CASE_DAYS = DayWithin(SINCE_KLAPJOB_BEGAN, years_from(2))
MEETING_DAYS = DayWithin(days_from(-31), years_from(2))
DAYS_GONE_BY = DayWithin(SINCE_KLAPJOB_BEGAN, days_from(1))


class JobForm(FlaskForm):
    praktik_start = DateField(_l("Work trial starts"), validators=[Optional(), CASE_DAYS])
    job_start = DateField(_l("Job starts"), validators=[Optional(), CASE_DAYS])
    employer = StringField(_l("Employer"), filters=[strip], validators=[Length(max=200)])
    hours = HoursField(
        _l("Hours a week"),
        places=1,
        validators=[Optional(), NumberRange(min=0, max=60, message=HOURS_MESSAGE)],
        render_kw={"inputmode": "decimal"},
    )
    note = TextAreaField(
        _l("Note (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )


class NoteForm(FlaskForm):
    note = TextAreaField(
        _l("Note"),
        filters=[strip],
        validators=[DataRequired(_l("Write the note")), Length(max=NOTE_LENGTH)],
    )


class FollowUpForm(FlaskForm):
    note = TextAreaField(
        _l("How is it going? (optional)"), filters=[strip], validators=[Length(max=NOTE_LENGTH)]
    )


class FilterForm(FlaskForm):
    """The inbox's filters: read from the address, so a filtered list can be bookmarked."""

    class Meta:
        csrf = False

    status = SelectField(
        _l("Status"),
        choices=choices([("open", _l("Open (not closed)")), *STATUSES.items()], empty=_l("All")),
        default="open",
    )
    municipality = SelectField(
        _l("Municipality"), choices=choices(municipalities_by_name(), empty=_l("All"))
    )
    consultant = SelectField(_l("Consultant"))
    helped = BooleanField(_l("Helped by someone"))
    ambassador = BooleanField(_l("Wants an ambassador"))
    search = StringField(
        _l("Search by name, reference or phone"),
        filters=[strip],
        render_kw={"spellcheck": "false", "autocomplete": "off"},
    )
    order = SelectField(
        _l("Order"),
        choices=choices([("callback", _l("Who to call first")), ("newest", _l("Newest first"))]),
        default="callback",
    )

    def offer(self, users):
        self.consultant.choices = choices(
            [("mine", _l("Mine, and nobody's in my municipalities")), ("none", _l("Nobody yet"))]
            + [(u.public_id, u.name) for u in users],
            empty=_l("All"),
        )


class SearchForm(FlaskForm):
    """The inbox's search, sent as a form: a name never goes into an address."""

    search = StringField(
        _l("Search by name, reference or phone"),
        filters=[strip],
        validators=[Length(max=100)],
        render_kw={"spellcheck": "false", "autocomplete": "off"},
    )


class ExportForm(FilterForm):
    """Sent as a POST form (with its token): what it holds never goes into an address."""

    class Meta:
        csrf = True

    status = SelectField(_l("Status"), choices=FilterForm.status.kwargs["choices"], default="")
    order = SelectField(_l("Order"), choices=FilterForm.order.kwargs["choices"], default="newest")
    include_contact = BooleanField(
        _l("Reference, names, phone numbers, email addresses and employers")
    )
    include_free_text = BooleanField(_l("What people wrote in their own words"))
    include_sensitive = BooleanField(_l("Health information"))
    purpose = StringField(
        _l("Why does the file need health information?"),
        filters=[strip],
        validators=[Length(max=200)],
    )

    def validate_for(self, user):
        """An admin who takes health answers out of the back office says why (it is kept
        in the audit log); a consultant gets health only for their own registrations."""
        valid = self.validate()
        if user.is_admin and self.include_sensitive.data and not self.purpose.data:
            self.purpose.errors.append(_l("Write why the file needs health information"))
            valid = False
        return valid


class DeleteForm(FlaskForm):
    reference = StringField(
        _l("Write the reference to confirm"),
        filters=[strip],
        validators=[DataRequired(_l("Write the reference to confirm"))],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
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


class ActionForm(FlaskForm):
    """A button that changes something: only the security token."""


class MeetingForm(FlaskForm):
    starts_on = DateField(_l("Day"), validators=[InputRequired(_l("Enter the day")), MEETING_DAYS])
    starts_at = StringField(
        _l("Starts at"),
        filters=[strip],
        validators=[DataRequired(_l("Enter when it starts, for example 10:00"))],
    )
    ends_at = StringField(_l("Ends at (optional)"), filters=[strip])
    place = StringField(
        _l("Place"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the place")), Length(max=200)],
    )
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

    def validate_starts_at(self, field):
        parse_clock(field.data)

    def validate_ends_at(self, field):
        if field.data:
            parse_clock(field.data)


def parse_clock(text):
    """'10:00', '10.00' or '10' as (hours, minutes); a kind message otherwise."""
    parts = text.replace(".", ":").split(":")
    try:
        hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        raise ValidationError(_l("Write the time like this: 10:00")) from None
    if not (0 <= hours < 24 and 0 <= minutes < 60) or len(parts) > 2:
        raise ValidationError(_l("Write the time like this: 10:00"))
    return hours, minutes


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
    talked_on = DateField(
        _l("They talked on"),
        validators=[InputRequired(_l("Enter the day they talked")), DAYS_GONE_BY],
    )


class DraftCodeForm(FlaskForm):
    code = StringField(
        _l("The person's code"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the code the person reads to you"))],
    )
