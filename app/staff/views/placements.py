"""Work trials and jobs as a history on the case: add one, end one."""

from flask_babel import lazy_gettext as _l

from app.staff.blueprint import blueprint
from app.staff.casework.placements import add_placement, end_placement, placements_of
from app.staff.forms.day import EndPlacementForm, PlacementForm
from app.staff.permissions import requires, with_registration
from app.staff.views.registration import act
from app.web.database import get_db


@blueprint.post("/registrations/<public_id>/placements")
@requires("staff")
@with_registration
def add_registration_placement(registration):
    def action(db, user, form):
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
def end_registration_placement(registration):
    def action(db, user, form):
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
