"""Calling people back: "Jeg tager den" (the case becomes mine) and the call sheet (what
came of a call, a text message or a mail, with a note and the next step in one press)."""

from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.staff.cases.data.calls import OUTCOMES, UNANSWERED, record_contact, take
from app.staff.cases.forms.day import ContactForm
from app.staff.cases.views._case_page import act
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import (
    current_user,
    requires,
    safe_staff_path,
    with_registration,
)
from app.staff.core.users import User
from app.web.database import get_db


@blueprint.post("/registrations/<public_id>/take")
@requires("staff")
@with_registration
def take_registration(registration: RegistrationRow) -> ResponseReturnValue:
    """From the inbox or the case: back where the button was."""
    back = safe_staff_path(request.form.get("next")) or url_for(
        ".registration", public_id=registration.public_id
    )
    if ActionForm().validate_on_submit():
        take(get_db(), current_user(), registration)
        flash(_l("%(name)s is yours now.", name=registration.name))
    return redirect(back)


@blueprint.post("/registrations/<public_id>/contact")
@requires("staff")
@with_registration
def record_registration_contact(registration: RegistrationRow) -> ResponseReturnValue:
    form = ContactForm(prefix="contact")

    def action(db: Database, user: User, form: Any) -> None:
        record_contact(
            db,
            user,
            registration,
            form.outcome.data,
            note=form.note.data,
            next_step=form.next_step(),
        )

    if form.outcome.data in UNANSWERED:
        message = _l("The call is counted. The case is still open.")
    else:
        message = _l("Saved: %(what)s.", what=OUTCOMES.get(form.outcome.data, ""))
    return act(registration, "contact", form, action, message)
