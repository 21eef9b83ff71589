"""Giving a list of cases to a colleague in one go, from the inbox: when someone is away,
their cases go to the one who covers for them."""

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.staff.cases.data.changes import give_cases
from app.staff.cases.forms.cases import GiveCasesForm
from app.staff.core.access import visible_registration
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires, safe_staff_path
from app.staff.core.users import active_consultants, user_by_public_id
from app.web.database import get_db


@blueprint.post("/registrations/give")
@requires("staff")
def give_registrations() -> ResponseReturnValue:
    """Only cases this user may see are given; any other id is passed over as unknown."""
    db, user = get_db(), current_user()
    back = safe_staff_path(request.form.get("next")) or url_for(".inbox")
    form = GiveCasesForm(prefix="give")
    form.offer(active_consultants(db))
    if not form.validate_on_submit():
        flash(_l("Choose who gets the cases."))
        return redirect(back)
    chosen = [visible_registration(db, user, public_id) for public_id in form.cases.data]
    cases = [case for case in chosen if case is not None]
    if not cases:
        flash(_l("Tick the cases to give first."))
        return redirect(back)
    colleague = user_by_public_id(db, form.to.data)
    assert colleague is not None  # the form offers only active consultants
    give_cases(db, user, cases, colleague.id)
    flash(
        ngettext(
            "%(num)d case is given to %(name)s.",
            "%(num)d cases are given to %(name)s.",
            len(cases),
            name=colleague.name,
        )
    )
    return redirect(back)
