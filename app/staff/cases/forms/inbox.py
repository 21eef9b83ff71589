"""The inbox's filters and search, and the export that uses the same filters."""

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    SelectField,
    StringField,
)
from wtforms.validators import (
    Length,
)

from app.domain.municipalities import municipalities_by_name
from app.staff.core.forms import choices, strip
from app.staff.core.statuses import STATUSES
from app.staff.core.users import User


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

    def offer(self, users: Iterable[User]) -> None:
        self.consultant.choices = choices(
            [
                ("mine", _l("Mine, and nobody's in my municipalities")),
                ("team", _l("My team's")),
                ("queue", _l("Nobody covers the municipality")),
                ("none", _l("Nobody yet")),
            ]
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

    def validate_for(self, user: User) -> bool:
        """An admin who takes health answers out of the back office says why (it is kept
        in the audit log); a consultant gets health only for their own registrations."""
        valid = self.validate()
        if user.is_admin and self.include_sensitive.data and not self.purpose.data:
            self.purpose.errors.append(_l("Write why the file needs health information"))
            valid = False
        return valid
