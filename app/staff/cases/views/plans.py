"""A case's plan: the next step and its day, meetings on the case (and each as a
calendar file), and when to follow up after a work trial or a job."""

from typing import Any

from flask import Response, abort
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.staff.cases.data.appointments import (
    add_appointment,
    calendar_file,
    visible_appointment,
)
from app.staff.cases.data.next_steps import choose_follow_up_plan, set_next_step
from app.staff.cases.forms.day import AppointmentForm, FollowUpPlanForm, NextStepForm
from app.staff.cases.views._case_page import act
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import at_time
from app.staff.core.permissions import current_user, requires, with_registration
from app.staff.core.users import User
from app.web.database import get_db
from app.web.links import public_url


@blueprint.post("/registrations/<public_id>/next-step")
@requires("staff")
@with_registration
def set_registration_next_step(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        set_next_step(
            db,
            user,
            registration,
            kind=form.kind.data,
            due_on=form.due_on.data,
            note=form.note.data,
        )

    return act(
        registration,
        "next_step",
        NextStepForm(prefix="next_step"),
        action,
        _l("The next step is saved."),
    )


@blueprint.post("/registrations/<public_id>/follow-up-plan")
@requires("staff")
@with_registration
def choose_registration_follow_up_plan(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        choose_follow_up_plan(db, user, registration, form.plan.data)

    return act(
        registration,
        "plan",
        FollowUpPlanForm(prefix="plan"),
        action,
        _l("The follow-ups are planned."),
    )


@blueprint.post("/registrations/<public_id>/appointments")
@requires("staff")
@with_registration
def add_registration_appointment(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        day = form.day.data
        add_appointment(
            db,
            user,
            registration,
            starts_at=at_time(day, form.starts_at.data),
            ends_at=at_time(day, form.ends_at.data) if form.ends_at.data else None,
            place=form.place.data,
            attendees=form.attendees(),
            note=form.note.data,
        )

    return act(
        registration,
        "appointment",
        AppointmentForm(prefix="appointment"),
        action,
        _l("The meeting is saved. Download it to your calendar."),
    )


@blueprint.get("/appointments/<public_id>.ics")
@requires("staff")
def appointment_calendar_file(public_id: str) -> Response:
    db = get_db()
    appointment = visible_appointment(db, current_user(), public_id)
    if appointment is None:
        abort(404)
    audit.record_now(db, current_user(), "exported_calendar", reference=appointment.reference)
    case_url = public_url("staff.registration", public_id=appointment.registration_public_id)
    who = ", ".join(str(label) for label in appointment.attendee_labels)
    body = calendar_file(
        appointment,
        summary=_("KLAPjob meeting, case %(reference)s", reference=appointment.reference),
        description=_("Who comes: %(who)s", who=who or "–"),
        url=case_url,
    )
    return Response(
        body,
        mimetype="text/calendar",
        headers={
            "Content-Disposition": f'attachment; filename="klapjob-{appointment.starts_at:%Y-%m-%d}.ics"'
        },
    )
