"""Jobkaravane meetings: staff record them and see who signed up."""

from typing import Any

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core.db import LARGEST_INTEGER, write_transaction
from app.domain.meetings import (
    Meeting,
    MeetingFields,
    all_meetings,
    create_meeting,
    delete_meeting,
    mark_attendance,
    meeting_by_public_id,
    signups_for,
    update_meeting,
)
from app.staff.core import audit
from app.staff.core.access import may_change_meeting, may_see_signups
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm, at_time, clock_text
from app.staff.core.permissions import current_user, keeps_typed_work, requires, typed_work_here
from app.staff.meetings.forms import AttendanceForm, MeetingForm
from app.web.database import get_db


def meeting_fields(form: Any) -> MeetingFields:
    day = form.starts_on.data
    return dict(
        starts_at=at_time(day, form.starts_at.data),
        ends_at=at_time(day, form.ends_at.data) if form.ends_at.data else None,
        place=form.place.data,
        municipality_code=form.municipality.data,
        description_da=form.description_da.data,
        description_en=form.description_en.data or "",
    )


def form_for(meeting: Meeting) -> MeetingForm:
    """The meeting form filled with the meeting as it is."""
    return MeetingForm(
        data=dict(
            starts_on=meeting.starts_at.date(),
            starts_at=clock_text(meeting.starts_at),
            ends_at=clock_text(meeting.ends_at) if meeting.ends_at else "",
            place=meeting.place,
            municipality=meeting.municipality_code,
            description_da=meeting.description_da,
            description_en=meeting.description_en,
        )
    )


def meeting_or_404(public_id: str) -> Meeting:
    return meeting_by_public_id(get_db(), public_id) or abort(404)


def changeable_meeting(public_id: str) -> Meeting:
    """The meeting, if this user may change or delete it; else 403 with the reason (the
    meeting is public, so its existence is no secret)."""
    found = meeting_or_404(public_id)
    if not may_change_meeting(current_user(), found):
        reason = _l("Only the consultant who added the meeting, or an admin, can change it.")
        abort(make_response(render_template("staff/error.html", code=403, reason=reason), 403))
    return found


def moves_unseen_signups(db: Database, meeting: Meeting, form: Any) -> bool:
    """Moving a meeting to another municipality moves its sign-ups into that one's scope:
    only those who may see them already may do it. Says why next to the field."""
    if form.municipality.data == meeting.municipality_code or not meeting.signups:
        return False
    if may_see_signups(db, current_user(), meeting):
        return False
    form.municipality.errors.append(
        _l(
            "People have signed up for this meeting in %(municipality)s, which you do not"
            " cover: ask an admin to move it.",
            municipality=meeting.municipality,
        )
    )
    return True


@blueprint.get("/meetings")
@requires("staff")
def meetings() -> ResponseReturnValue:
    return render_template("staff/meetings.html", meetings=all_meetings(get_db()))


@blueprint.route("/meetings/new", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
def new_meeting() -> ResponseReturnValue:
    typed = typed_work_here()
    form = MeetingForm(formdata=typed) if typed else MeetingForm()
    if form.validate_on_submit():
        db = get_db()
        with write_transaction(db):  # the meeting and its audit entry, or neither
            public_id = create_meeting(db, **meeting_fields(form), created_by=current_user().id)
            audit.record(db, current_user(), "meeting_created", detail=public_id)
        flash(_l("The meeting is saved. People can now sign up."))
        return redirect(url_for(".meeting", public_id=public_id))
    return render_template("staff/new_meeting.html", form=form, meeting=None)


@blueprint.route("/meetings/<public_id>/edit", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
def edit_meeting(public_id: str) -> ResponseReturnValue:
    db = get_db()
    found = changeable_meeting(public_id)
    typed = typed_work_here()
    if typed:
        form = MeetingForm(formdata=typed)
    else:
        form = MeetingForm() if request.method == "POST" else form_for(found)
    if form.validate_on_submit() and not moves_unseen_signups(db, found, form):
        with write_transaction(db):  # the change and its audit entry, or neither
            update_meeting(db, found, **meeting_fields(form))
            audit.record(db, current_user(), "meeting_changed", detail=public_id)
        flash(_l("The meeting is changed."))
        return redirect(url_for(".meeting", public_id=public_id))
    return render_template("staff/new_meeting.html", form=form, meeting=found)


@blueprint.get("/meetings/<public_id>")
@requires("staff")
def meeting(public_id: str) -> ResponseReturnValue:
    db, user = get_db(), current_user()
    found = meeting_or_404(public_id)
    signups = None
    if may_see_signups(db, user, found):
        audit.record_now(db, user, "viewed_signups", detail=public_id)
        signups = signups_for(db, found)
    return render_template(
        "staff/meeting.html",
        meeting=found,
        signups=signups,
        may_change=may_change_meeting(user, found),
        action_form=ActionForm(formdata=None),
    )


@blueprint.post("/meetings/<public_id>/signups/<int:signup_id>/attendance")
@requires("staff")
def meeting_attendance(public_id: str, signup_id: int) -> ResponseReturnValue:
    db = get_db()
    if signup_id > LARGEST_INTEGER:  # no row has it, and SQLite cannot even look
        abort(404)
    found = meeting_or_404(public_id)
    if not may_see_signups(db, current_user(), found):
        abort(404)  # as a sign-up that is not this meeting's
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
def remove_meeting(public_id: str) -> ResponseReturnValue:
    found = changeable_meeting(public_id)
    if ActionForm().validate_on_submit():
        db = get_db()
        with write_transaction(db):
            delete_meeting(db, found)
            audit.record(db, current_user(), "meeting_deleted", detail=public_id)
        flash(_l("The meeting and its sign-ups are deleted."))
    return redirect(url_for(".meetings"))
