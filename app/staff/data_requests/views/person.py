"""An access request (GDPR art. 15): one person's data as a JSON file and as a page to
print. A request to be forgotten (art. 17): delete it. Admins only; each is logged."""

import json

from flask import Response, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.domain.questions.summary import summary_rows
from app.domain.registrations.voice import voice_answers_export
from app.staff.cases.data.case_file import CaseFile, case_file
from app.staff.cases.data.profile_export import job_profile_export
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires, with_registration
from app.staff.data_requests.data.access_printout import (
    drafts_of,
    history_in_words,
    job_profile_in_words,
    meeting_signups_of,
    seen_by_staff,
)
from app.staff.data_requests.data.person_requests import requests_of
from app.staff.data_requests.data.personal_data import audit_trail, delete_person, person_export
from app.staff.data_requests.forms import DeleteForm
from app.web.database import get_db


def audited_case(registration: RegistrationRow, action: str) -> tuple[Database, CaseFile]:
    """The whole case file, after logging who is about to see it and how."""
    db = get_db()
    audit.record_now(db, current_user(), action, reference=registration.reference)
    return db, case_file(db, registration)


@blueprint.get("/registrations/<public_id>/data.json")
@requires("admin")
@with_registration
def person_json(registration: RegistrationRow) -> Response:
    db, case = audited_case(registration, "exported_json")
    data = person_export(db, case)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="klapjob-{registration.reference}.json"'
        },
    )


@blueprint.get("/registrations/<public_id>/print")
@requires("admin")
@with_registration
def person_print(registration: RegistrationRow) -> ResponseReturnValue:
    db, case = audited_case(registration, "printed")
    return render_template(
        "staff/person_print.html",
        case=case,
        row=registration,
        rows=summary_rows(case.answers),
        history=[(entry, history_in_words(entry)) for entry in case.history],
        profile=job_profile_in_words(
            job_profile_export(db, registration.id, case.answers),
            voice_answers_export(db, registration.id),
        ),
        seen=seen_by_staff(audit_trail(db, registration.reference)),
        signups=meeting_signups_of(db, registration.phone),
        drafts=drafts_of(db, registration.phone, registration.email),
        requests=requests_of(db, registration.id),
    )


@blueprint.route("/registrations/<public_id>/delete", methods=["GET", "POST"])
@requires("admin")
@with_registration
def delete_registration(registration: RegistrationRow) -> ResponseReturnValue:
    form = DeleteForm()
    if form.validate_on_submit():
        typed = "".join(ch for ch in form.reference.data.upper() if ch.isalnum())
        if typed == registration.reference:
            delete_person(get_db(), current_user(), registration)
            flash(
                _l("The registration %(reference)s is deleted.", reference=registration.reference)
            )
            return redirect(url_for(".inbox"))
        form.reference.errors.append(_l("The reference does not match. Write it as shown"))
    return render_template("staff/delete.html", form=form, row=registration)
