"""Jobkaravane meetings: staff record them and see who signed up."""

from datetime import datetime

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l

from app.core.db import write_transaction
from app.web.database import get_db
from app.web.question_page import form_errors
from app.domain.meetings import (
    all_meetings,
    create_meeting,
    delete_meeting,
    meeting_by_public_id,
    signups_for,
)
from app.staff import audit
from app.staff.blueprint import blueprint
from app.staff.permissions import current_user, requires
from app.staff.forms import ActionForm, MeetingForm, parse_clock


def at_time(day, clock):
    hours, minutes = parse_clock(clock)
    return datetime(day.year, day.month, day.day, hours, minutes)


@blueprint.get("/meetings")
@requires("staff")
def meetings():
    return render_template("staff/meetings.html", meetings=all_meetings(get_db()))


@blueprint.route("/meetings/new", methods=["GET", "POST"])
@requires("staff")
def new_meeting():
    form = MeetingForm()
    if form.validate_on_submit():
        day = form.starts_on.data
        db = get_db()
        with write_transaction(db):  # the meeting and its audit entry, or neither
            public_id = create_meeting(
                db,
                starts_at=at_time(day, form.starts_at.data),
                ends_at=at_time(day, form.ends_at.data) if form.ends_at.data else None,
                place=form.place.data,
                municipality_code=form.municipality.data,
                description_da=form.description_da.data,
                description_en=form.description_en.data or "",
                created_by=current_user().id,
            )
            audit.record(db, current_user(), "meeting_created", detail=public_id)
        flash(_l("The meeting is saved. People can now sign up."))
        return redirect(url_for(".meeting", public_id=public_id))
    return render_template("staff/new_meeting.html", form=form, errors=form_errors(form))


@blueprint.get("/meetings/<public_id>")
@requires("staff")
def meeting(public_id):
    found = meeting_by_public_id(get_db(), public_id) or abort(404)
    audit.record_now(get_db(), current_user(), "viewed_signups", detail=public_id)
    return render_template(
        "staff/meeting.html",
        meeting=found,
        signups=signups_for(get_db(), found),
        action_form=ActionForm(formdata=None),
    )


@blueprint.post("/meetings/<public_id>/delete")
@requires("staff")
def remove_meeting(public_id):
    found = meeting_by_public_id(get_db(), public_id) or abort(404)
    if ActionForm().validate_on_submit():
        db = get_db()
        with write_transaction(db):
            delete_meeting(db, found)
            audit.record(db, current_user(), "meeting_deleted", detail=public_id)
        flash(_l("The meeting and its sign-ups are deleted."))
    return redirect(url_for(".meetings"))
