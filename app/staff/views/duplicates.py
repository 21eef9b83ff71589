"""Likely duplicates on a registration, and the merge that keeps both histories."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from app.domain.registrations.sending import answers_of
from app.staff.blueprint import blueprint
from app.staff.casework.access import visible_registration
from app.staff.casework.duplicates import likely_duplicates, merge
from app.staff.forms.common import ActionForm
from app.staff.permissions import current_user, requires, with_registration
from app.web.database import get_db


def duplicates_of(db, registration):
    answers = {
        **answers_of(db, registration.id),
        "phone": registration.phone,
        "email": registration.email,
        "name": registration.name,
    }
    return likely_duplicates(db, current_user(), answers, except_id=registration.id)


@blueprint.post("/registrations/<public_id>/merge")
@requires("staff")
@with_registration
def merge_duplicate(registration):
    """Keep this registration; move the other one's history onto it."""
    db = get_db()
    form = ActionForm()
    other = visible_registration(db, current_user(), request.form.get("other", ""))
    if not form.validate() or other is None or other.id == registration.id:
        abort(404)
    merge(db, current_user(), registration, other)
    flash(_l("The two registrations are one now. Both histories are kept here."))
    return redirect(url_for("staff.registration", public_id=registration.public_id))
