"""Calling people back: "Jeg tager den" (the case becomes mine), the call sheet (what came
of a call, a text message or a mail, with a note and the next step in one press) and
"Ringet, intet svar" on its own (a call nobody answered: counted, the case stays open)."""

from flask import flash, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from app.staff.cases.data.calls import OUTCOMES, record_contact, record_no_answer, take
from app.staff.cases.forms.day import CallForm, ContactForm
from app.staff.cases.views._case_page import act
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import (
    current_user,
    requires,
    safe_staff_path,
    with_registration,
)
from app.web.database import get_db


@blueprint.post("/registrations/<public_id>/take")
@requires("staff")
@with_registration
def take_registration(registration):
    """From the inbox or the case: back where the button was."""
    back = safe_staff_path(request.form.get("next")) or url_for(
        ".registration", public_id=registration.public_id
    )
    if ActionForm().validate_on_submit():
        take(get_db(), current_user(), registration)
        flash(_l("%(name)s is yours now.", name=registration.name))
    return redirect(back)


@blueprint.post("/registrations/<public_id>/no-answer")
@requires("staff")
@with_registration
def record_call_without_answer(registration):
    def action(db, user, form):
        record_no_answer(db, user, registration, note=form.note.data)

    return act(
        registration,
        "call",
        CallForm(prefix="call"),
        action,
        _l("The call is counted. The case is still open."),
    )


@blueprint.post("/registrations/<public_id>/contact")
@requires("staff")
@with_registration
def record_registration_contact(registration):
    form = ContactForm(prefix="contact")

    def action(db, user, form):
        record_contact(
            db,
            user,
            registration,
            form.outcome.data,
            note=form.note.data,
            next_step=form.next_step(),
        )

    return act(
        registration,
        "contact",
        form,
        action,
        _l("Saved: %(what)s.", what=OUTCOMES.get(form.outcome.data, "")),
    )
