"""Requests from a person to see or delete their data: staff register them on the
person's case; admins see the register with what is due first, and mark them done."""

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.core import clock
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import (
    current_user,
    keeps_typed_work,
    requires,
    typed_work_here,
    with_registration,
)
from app.staff.data_requests.data.person_requests import (
    all_requests,
    mark_done,
    register_request,
    request_by_public_id,
    requests_of,
)
from app.staff.data_requests.forms import PersonRequestForm
from app.web.database import get_db


@blueprint.route("/registrations/<public_id>/requests", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
@with_registration
def person_requests(registration: RegistrationRow) -> ResponseReturnValue:
    db = get_db()
    typed = typed_work_here(registration.id)
    form = PersonRequestForm(formdata=typed) if typed else PersonRequestForm()
    if form.validate_on_submit():
        register_request(
            db,
            current_user(),
            registration,
            kind=form.kind.data,
            received_on=form.received_on.data,
            channel=form.channel.data,
        )
        flash(_l("The request is saved. It must be answered within 30 days."))
        return redirect(url_for(".person_requests", public_id=registration.public_id))
    return render_template(
        "staff/person_requests.html",
        registration=registration,
        form=form,
        requests=requests_of(db, registration.id),
        today=clock.today(),
    )


@blueprint.get("/requests")
@requires("admin")
def request_register() -> ResponseReturnValue:
    open_requests, done = all_requests(get_db())
    return render_template(
        "staff/request_register.html",
        open_requests=open_requests,
        done=done,
        today=clock.today(),
        action_form=ActionForm(formdata=None),
    )


@blueprint.post("/requests/<public_id>/done")
@requires("admin")
def request_done(public_id: str) -> ResponseReturnValue:
    db = get_db()
    found = request_by_public_id(db, public_id) or abort(404)
    if ActionForm().validate_on_submit():
        mark_done(db, current_user(), found, today=clock.local_now().date())
        flash(_l("The request is marked as done."))
    return redirect(url_for(".request_register"))
