"""A likely duplicate compared side by side with the case, and the merge after a yes.

The consultant is often on the phone with the person: the page shows both registrations
next to each other, says in words what the merge will do, and asks for one yes. The merge
itself checks everything again (merges.py); a pair it may not merge gets the reasons."""

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core.db import write_transaction
from app.domain.questions.summary import summary_rows
from app.domain.registrations.sending import answers_of
from app.staff.cases.data.merges import (
    REFUSALS,
    MergeRefused,
    has_health_answers,
    merge,
    plan_merge,
)
from app.staff.cases.forms.cases import MergeForm
from app.staff.cases.views._case_page import contact_rows
from app.staff.core import audit
from app.staff.core.access import RegistrationRow, visible_registration
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires, with_registration
from app.staff.core.statuses import CHANNELS
from app.web.database import get_db

ON_THE_SITE = _l("On the site")


@dataclass
class Side:
    """One of the two registrations, as the comparison shows it (health never: only
    whether there is any)."""

    row: object
    channel: str
    contact: list
    answers: list
    has_health: bool


def side_of(db: Database, row: RegistrationRow) -> Side:
    answers = answers_of(db, row.id)
    channel = next(db.query("SELECT channel FROM registrations WHERE id = ?", [row.id]))
    return Side(
        row,
        CHANNELS.get(channel["channel"], ON_THE_SITE),
        contact_rows(answers),
        summary_rows(answers, include_sensitive=False),
        has_health_answers(db, row.id),
    )


def other_of(db: Database, form_value: str | None) -> RegistrationRow:
    other = visible_registration(db, current_user(), form_value or "")
    if other is None:
        abort(404)
    return other


def show_comparison(
    registration: RegistrationRow,
    other: RegistrationRow,
    form: Any,
    *,
    refusals: list[str] | None = None,
) -> ResponseReturnValue:
    db = get_db()
    with write_transaction(db):  # both persons' data are shown
        for row in (registration, other):
            audit.record(db, current_user(), "viewed", reference=row.reference)
    plan = plan_merge(db, current_user(), registration, other)
    refusals = refusals if refusals is not None else plan.refusals
    return render_template(
        "staff/merge.html",
        row=registration,
        plan=plan,
        refusals=[REFUSALS[refusal] for refusal in refusals],
        sides=[side_of(db, registration), side_of(db, other)],
        form=form,
    ), (409 if refusals else 200)


@blueprint.get("/registrations/<public_id>/merge")
@requires("staff")
@with_registration
def compare_duplicate(registration: RegistrationRow) -> ResponseReturnValue:
    """The case and a likely duplicate side by side, with what a merge would do."""
    other = other_of(get_db(), request.args.get("other"))
    return show_comparison(registration, other, MergeForm(formdata=None, other=other.public_id))


@blueprint.post("/registrations/<public_id>/merge")
@requires("staff")
@with_registration
def merge_duplicate(registration: RegistrationRow) -> ResponseReturnValue:
    """Keep this registration; move the other one's history onto it."""
    db = get_db()
    form = MergeForm()
    other = other_of(db, form.other.data)
    if other.id == registration.id:
        abort(404)
    plan = plan_merge(db, current_user(), registration, other)
    if plan.refusals or not form.validate():
        return show_comparison(registration, other, form)
    try:
        merge(db, current_user(), registration, other)
    except MergeRefused as refused:
        return show_comparison(registration, other, form, refusals=refused.refusals)
    flash(_l("The two registrations are one now. Both histories are kept here."))
    return redirect(url_for("staff.registration", public_id=registration.public_id))
