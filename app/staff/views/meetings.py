"""Jobkaravane meetings: staff record them and see who signed up."""

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from app.core.db import LARGEST_INTEGER, write_transaction
from app.domain.meetings import (
    all_meetings,
    create_meeting,
    delete_meeting,
    mark_attendance,
    meeting_by_public_id,
    signups_for,
    update_meeting,
)
from app.staff import audit
from app.staff.blueprint import blueprint
from app.staff.forms.common import ActionForm, parse_clock
from app.staff.forms.meetings import AttendanceForm, MeetingForm
from app.staff.permissions import current_user, requires
from app.web.database import get_db
from app.web.question_page import form_errors


def at_time(day, clock):
    hours, minutes = parse_clock(clock)
    return datetime(day.year, day.month, day.day, hours, minutes)


def meeting_fields(form):
    day = form.starts_on.data
    return dict(
        starts_at=at_time(day, form.starts_at.data),
        ends_at=at_time(day, form.ends_at.data) if form.ends_at.data else None,
        place=form.place.data,
        municipality_code=form.municipality.data,
        description_da=form.description_da.data,
        description_en=form.description_en.data or "",
    )


def form_for(meeting):
    """The meeting form filled with the meeting as it is."""
    return MeetingForm(
        data=dict(
            starts_on=meeting.starts_at.date(),
            starts_at=meeting.starts_at.strftime("%H:%M"),
            ends_at=meeting.ends_at.strftime("%H:%M") if meeting.ends_at else "",
            place=meeting.place,
            municipality=meeting.municipality_code,
            description_da=meeting.description_da,
            description_en=meeting.description_en,
        )
    )


@blueprint.get("/meetings")
@requires("staff")
def meetings():
    return render_template("staff/meetings.html", meetings=all_meetings(get_db()))


@blueprint.route("/meetings/new", methods=["GET", "POST"])
@requires("staff")
def new_meeting():
    form = MeetingForm()
    if form.validate_on_submit():
        db = get_db()
        with write_transaction(db):  # the meeting and its audit entry, or neither
            public_id = create_meeting(db, **meeting_fields(form), created_by=current_user().id)
            audit.record(db, current_user(), "meeting_created", detail=public_id)
        flash(_l("The meeting is saved. People can now sign up."))
        return redirect(url_for(".meeting", public_id=public_id))
    return render_template(
        "staff/new_meeting.html", form=form, errors=form_errors(form), meeting=None
    )


@blueprint.route("/meetings/<public_id>/edit", methods=["GET", "POST"])
@requires("staff")
def edit_meeting(public_id):
    db = get_db()
    found = meeting_by_public_id(db, public_id) or abort(404)
    form = MeetingForm() if request.method == "POST" else form_for(found)
    if form.validate_on_submit():
        with write_transaction(db):  # the change and its audit entry, or neither
            update_meeting(db, found, **meeting_fields(form))
            audit.record(db, current_user(), "meeting_changed", detail=public_id)
        flash(_l("The meeting is changed."))
        return redirect(url_for(".meeting", public_id=public_id))
    return render_template(
        "staff/new_meeting.html", form=form, errors=form_errors(form), meeting=found
    )


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


@blueprint.post("/meetings/<public_id>/signups/<int:signup_id>/attendance")
@requires("staff")
def meeting_attendance(public_id, signup_id):
    db = get_db()
    found = meeting_by_public_id(db, public_id) or abort(404)
    if signup_id > LARGEST_INTEGER:  # no row has it, and SQLite cannot even look
        abort(404)
    form = AttendanceForm()
    if form.validate_on_submit():
        came = form.attended.data == "1"
        with write_transaction(db):  # the mark and its audit entry, or neither
            if not mark_attendance(db, found, signup_id, came):
                abort(404)
            audit.record(db, current_user(), "attendance_marked", detail=public_id)
        flash(_l("Saved: came.") if came else _l("Saved: did not come."))
    return redirect(url_for(".meeting", public_id=public_id))


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
