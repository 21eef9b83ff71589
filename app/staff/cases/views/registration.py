"""One registration: every answer as the person saw it, how to contact them, and the
consultant's work on it: status, consultant, job, follow-ups, notes. Every view is
written to the audit log."""

from typing import Any

from flask import flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.staff.cases.data.changes import add_note, assign, change_status, save_job
from app.staff.cases.data.follow_ups import record_follow_up
from app.staff.cases.forms.cases import AssignForm, FollowUpForm, JobForm, NoteForm, StatusForm
from app.staff.cases.views._case_page import act, done, show_case
from app.staff.core.access import RegistrationRow, visible_registration
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import requires, with_registration
from app.staff.core.users import User, active_consultants, user_by_public_id
from app.web.database import get_db


@blueprint.get("/registrations/<public_id>")
@requires("staff")
@with_registration
def registration(registration: RegistrationRow) -> ResponseReturnValue:
    return show_case(registration)


@blueprint.post("/registrations/<public_id>/health")
@requires("staff")
@with_registration
def show_health(registration: RegistrationRow) -> ResponseReturnValue:
    """ "Show health": the health answers of a registration that is not this user's, once,
    written to the audit log."""
    if not ActionForm().validate_on_submit():
        return redirect(url_for(".registration", public_id=registration.public_id))
    return show_case(registration, health_asked=True)


@blueprint.post("/registrations/<public_id>/status")
@requires("staff")
@with_registration
def change_registration_status(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        change_status(
            db,
            user,
            registration,
            form.status.data,
            reason=form.reason.data or None,
            note=form.note.data,
        )

    return act(
        registration, "status", StatusForm(prefix="status"), action, _l("The status is changed.")
    )


@blueprint.post("/registrations/<public_id>/consultant")
@requires("staff")
@with_registration
def assign_registration(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> ResponseReturnValue | None:
        consultant = user_by_public_id(db, form.consultant.data) if form.consultant.data else None
        assign(db, user, registration, consultant.id if consultant else None, note=form.note.data)
        if not visible_registration(db, user, registration.public_id):
            # Handed to a colleague (or nobody) outside the team's sight: back to the inbox.
            if consultant:
                flash(_l("The registration is given to %(name)s.", name=consultant.name))
            else:
                flash(_l("The consultant is changed."))
            return redirect(url_for(".inbox"))
        return None

    form = AssignForm(prefix="assign")
    form.offer(active_consultants(get_db()))
    return act(registration, "assign", form, action, _l("The consultant is changed."))


@blueprint.post("/registrations/<public_id>/job")
@requires("staff")
@with_registration
def save_registration_job(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        hours = float(form.hours.data) if form.hours.data is not None else None
        save_job(
            db,
            user,
            registration,
            praktik_start=form.praktik_start.data,
            job_start=form.job_start.data,
            employer=form.employer.data or "",
            hours=hours,
            note=form.note.data,
        )

    return act(
        registration, "job", JobForm(prefix="job"), action, _l("The work trial and job are saved.")
    )


@blueprint.post("/registrations/<public_id>/note")
@requires("staff")
@with_registration
def add_registration_note(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        add_note(db, user, registration, form.note.data)

    return act(registration, "note", NoteForm(prefix="note"), action, _l("The note is saved."))


@blueprint.post("/registrations/<public_id>/follow-up")
@requires("staff")
@with_registration
def record_registration_follow_up(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> ResponseReturnValue | None:
        try:
            record_follow_up(db, user, registration, outcome=form.outcome(), note=form.note.data)
        except ValueError:
            return done(registration, _l("No follow-up is due: save the job start first."))
        return None

    return act(
        registration,
        "follow_up",
        FollowUpForm(prefix="follow_up"),
        action,
        _l("The follow-up is recorded."),
    )
