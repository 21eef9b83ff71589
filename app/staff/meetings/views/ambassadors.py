"""Ambassadors: staff keep KLAPjob's ambassadors as contacts, see who asked to talk with
one, match them, and record when they talked."""

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.core.db import write_transaction
from app.core.phone import normalise_phone
from app.domain.registrations.sending import answers_of
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm, choices
from app.staff.core.permissions import (
    current_user,
    keeps_typed_work,
    requires,
    typed_work_here,
    with_registration,
)
from app.staff.meetings.data.ambassadors import (
    add_ambassador,
    ambassador_by_public_id,
    ambassador_requests,
    ambassadors,
    match,
    match_of,
    ranked_for,
    record_talk,
    set_ambassador_active,
    update_ambassador,
)
from app.staff.meetings.forms import AmbassadorWithWorkForm, MatchForm, TalkedForm
from app.web.database import get_db


@blueprint.get("/ambassadors")
@requires("staff")
def ambassador_list() -> ResponseReturnValue:
    return render_template(
        "staff/ambassadors.html",
        requests=ambassador_requests(get_db(), current_user()),
        ambassadors=ambassadors(get_db(), only_active=False),
        action_form=ActionForm(formdata=None),
    )


@blueprint.route("/ambassadors/new", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
def new_ambassador() -> ResponseReturnValue:
    typed = typed_work_here()
    form = AmbassadorWithWorkForm(formdata=typed) if typed else AmbassadorWithWorkForm()
    if form.validate_on_submit() and valid_phone(form):
        db = get_db()
        with write_transaction(db):  # the ambassador and its audit entry, or neither
            add_ambassador(db, **ambassador_fields(form))
            audit.record(db, current_user(), "ambassador_created")
        flash(_l("The ambassador is saved."))
        return redirect(url_for(".ambassador_list"))
    return render_template("staff/new_ambassador.html", form=form, ambassador=None)


@blueprint.route("/ambassadors/<public_id>/edit", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
def edit_ambassador(public_id: str) -> ResponseReturnValue:
    db = get_db()
    ambassador = ambassador_by_public_id(db, public_id) or abort(404)
    typed = typed_work_here()
    if typed:
        form = AmbassadorWithWorkForm(formdata=typed)
    elif request.method == "POST":
        form = AmbassadorWithWorkForm()
    else:
        form = AmbassadorWithWorkForm(
            data=dict(
                name=ambassador.name,
                phone=ambassador.phone,
                email=ambassador.email,
                municipality=ambassador.municipality_code,
                note=ambassador.note,
                line_of_work=ambassador.line_of_work,
            )
        )
    if form.validate_on_submit() and valid_phone(form):
        with write_transaction(db):  # the change and its audit entry, or neither
            update_ambassador(db, ambassador, **ambassador_fields(form))
            audit.record(db, current_user(), "ambassador_changed", detail=public_id)
        flash(_l("The ambassador is changed."))
        return redirect(url_for(".ambassador_list"))
    return render_template("staff/new_ambassador.html", form=form, ambassador=ambassador)


def valid_phone(form: Any) -> bool:
    phone = form.phone.data
    if phone and normalise_phone(phone) is None:
        form.phone.errors.append(_l("Enter a phone number like 20 30 40 50"))
        return False
    return True


def ambassador_fields(form: Any) -> dict[str, str]:
    return dict(
        name=form.name.data,
        phone=normalise_phone(form.phone.data) or "",
        email=form.email.data or "",
        municipality_code=form.municipality.data or "",
        note=form.note.data or "",
        line_of_work=form.line_of_work.data or "",
    )


@blueprint.post("/ambassadors/<public_id>/active")
@requires("staff")
def toggle_ambassador(public_id: str) -> ResponseReturnValue:
    ambassador = ambassador_by_public_id(get_db(), public_id) or abort(404)
    if ActionForm().validate_on_submit():
        set_ambassador_active(get_db(), ambassador, not ambassador.active)
    return redirect(url_for(".ambassador_list"))


@blueprint.route("/registrations/<public_id>/ambassador", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
@with_registration
def match_ambassador(registration: RegistrationRow) -> ResponseReturnValue:
    db = get_db()
    available = ranked_for(
        ambassadors(db),
        registration.municipality_code,
        answers_of(db, registration.id).get("work_wishes", []),
    )
    typed = typed_work_here(registration.id)
    form = MatchForm(formdata=typed) if typed else MatchForm()
    form.ambassador.choices = choices(
        [
            (a.public_id, f"{a.name} ({a.municipality})" if a.municipality else a.name)
            for a in available
        ],
        empty=_l("Choose an ambassador"),
    )
    talked_form = TalkedForm(prefix="talked")
    if form.validate_on_submit():
        chosen = ambassador_by_public_id(db, form.ambassador.data)
        if chosen is None or not chosen.active:
            form.ambassador.errors.append(_l("Choose an ambassador"))
        else:
            with write_transaction(db):  # the match and its audit entry, or neither
                match(db, current_user(), registration, chosen, note=form.note.data or "")
                audit.record(
                    db,
                    current_user(),
                    "changed",
                    reference=registration.reference,
                    detail="ambassador",
                )
            flash(_l("The ambassador is chosen. Remember to call them."))
            return redirect(url_for(".match_ambassador", public_id=registration.public_id))
    return render_template(
        "staff/match_ambassador.html",
        registration=registration,
        current=match_of(db, registration.id),
        available=available,
        form=form,
        talked_form=talked_form,
    )


@blueprint.post("/registrations/<public_id>/ambassador/talked")
@requires("staff")
@with_registration
def ambassador_talked(registration: RegistrationRow) -> ResponseReturnValue:
    form = TalkedForm(prefix="talked")
    if form.validate_on_submit() and match_of(get_db(), registration.id):
        db = get_db()
        with write_transaction(db):
            record_talk(db, current_user(), registration, form.talked_on.data)
            audit.record(
                db,
                current_user(),
                "changed",
                reference=registration.reference,
                detail="ambassador talked",
            )
        flash(_l("Saved: they have talked."))
    else:
        flash(_l("Enter the day they talked"))
    return redirect(url_for(".match_ambassador", public_id=registration.public_id))
