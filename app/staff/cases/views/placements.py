"""Work trials and jobs as a history on the case: add one, end one, correct or remove
one typed wrong."""

from typing import Any

from flask import abort, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.staff.cases.data.placement_corrections import (
    FIELDS,
    correct_placement,
    placement_of,
    remove_placement,
)
from app.staff.cases.data.placements import Placement, add_placement, end_placement, placements_of
from app.staff.cases.forms.corrections import CorrectPlacementForm, RemovePlacementForm
from app.staff.cases.forms.day import EndPlacementForm, PlacementForm
from app.staff.cases.views._case_page import act, done
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires, with_registration
from app.staff.core.users import User
from app.web.database import get_db


@blueprint.post("/registrations/<public_id>/placements")
@requires("staff")
@with_registration
def add_registration_placement(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        add_placement(
            db,
            user,
            registration,
            kind=form.kind.data,
            workplace=form.workplace.data,
            contact_name=form.contact_name.data,
            contact_phone=form.contact_phone.data,
            starts_on=form.starts_on.data,
            ends_on=form.ends_on.data,
            hours=form.hours.data,
            granted=form.granted.data,
            granted_on=form.granted_on.data,
            note=form.note.data,
        )

    return act(
        registration,
        "placement",
        PlacementForm(prefix="placement"),
        action,
        _l("The work trial or job is added to the history."),
    )


@blueprint.post("/registrations/<public_id>/placements/end")
@requires("staff")
@with_registration
def end_registration_placement(registration: RegistrationRow) -> ResponseReturnValue:
    def action(db: Database, user: User, form: Any) -> None:
        end_placement(
            db,
            user,
            registration,
            form.placement.data,
            ends_on=form.ends_on.data,
            reason=form.reason.data,
        )

    form = EndPlacementForm(prefix="end")
    form.offer(placements_of(get_db(), registration.id))
    return act(registration, "end", form, action, _l("The end is saved."))


def placement_or_404(registration: RegistrationRow, placement_id: str) -> Placement:
    return placement_of(get_db(), registration, placement_id) or abort(404)


def show_correction(
    registration: RegistrationRow,
    placement: Placement,
    *,
    edit: Any = None,
    remove: Any = None,
    status: int = 200,
) -> ResponseReturnValue:
    """The page to correct or remove one work trial or job; a form that came back keeps
    what was typed, with its messages beside the fields."""
    if edit is None:
        edit = CorrectPlacementForm(formdata=None, prefix="edit", obj=placement)
    remove = remove or RemovePlacementForm(formdata=None, prefix="remove")
    return render_template(
        "staff/placement_correction.html",
        row=registration,
        placement=placement,
        edit=edit,
        remove=remove,
    ), status


@blueprint.get("/registrations/<public_id>/placements/<placement_id>")
@requires("staff")
@with_registration
def placement_correction(registration: RegistrationRow, placement_id: str) -> ResponseReturnValue:
    return show_correction(registration, placement_or_404(registration, placement_id))


@blueprint.post("/registrations/<public_id>/placements/<placement_id>/edit")
@requires("staff")
@with_registration
def correct_registration_placement(
    registration: RegistrationRow, placement_id: str
) -> ResponseReturnValue:
    placement = placement_or_404(registration, placement_id)
    form = CorrectPlacementForm(prefix="edit")
    if not form.validate():
        return show_correction(registration, placement, edit=form)
    values = {name: form[name].data for name in FIELDS}
    correct_placement(
        get_db(), current_user(), registration, placement_id, values, reason=form.reason.data
    )
    return done(registration, _l("The work trial or job is corrected."))


@blueprint.post("/registrations/<public_id>/placements/<placement_id>/remove")
@requires("staff")
@with_registration
def remove_registration_placement(
    registration: RegistrationRow, placement_id: str
) -> ResponseReturnValue:
    placement = placement_or_404(registration, placement_id)
    form = RemovePlacementForm(prefix="remove")
    if not form.validate():
        return show_correction(registration, placement, remove=form)
    remove_placement(get_db(), current_user(), registration, placement_id, reason=form.reason.data)
    return done(registration, _l("The work trial or job is removed."))
