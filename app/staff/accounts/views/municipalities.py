"""The 98 municipalities: which have an agreement with KLAPjob, who covers each. A new
registration goes to the consultant who covers the person's municipality."""

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.core.db import write_transaction
from app.domain.coverage import all_coverage, save_coverage
from app.domain.municipalities import MUNICIPALITIES
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import current_user, requires
from app.staff.core.users import active_consultants
from app.web.database import get_db


@blueprint.route("/municipalities", methods=["GET", "POST"])
@requires("admin")
def municipalities() -> ResponseReturnValue:
    db = get_db()
    consultants = active_consultants(db)
    form = ActionForm()
    if form.validate_on_submit():
        by_public_id = {user.public_id: user.id for user in consultants}
        choices = {
            code: (
                request.form.get(f"agreement-{code}") == "y",
                by_public_id.get(request.form.get(f"consultant-{code}", "")),
            )
            for code in MUNICIPALITIES
        }
        with write_transaction(db):
            save_coverage(db, choices)
            audit.record(db, current_user(), "municipalities_changed")
        flash(_l("The municipalities are saved."))
        return redirect(url_for(".municipalities"))
    public_ids = {user.id: user.public_id for user in consultants}
    return render_template(
        "staff/municipalities.html",
        form=form,
        coverage=all_coverage(db),
        consultants=consultants,
        public_ids=public_ids,
        with_agreement=sum(1 for c in all_coverage(db) if c.has_agreement),
    )
