"""A filtered list as a CSV file, for reporting to the municipalities.

Sent as a form (POST), never as an address: the filters and the purpose can hold a name,
and addresses end up in access logs. The file holds only people who said yes to the job
centre. Health answers go into it only with the person's own yes to the job centre having
them, and then only for the consultant's own registrations, or for an admin who writes why
(kept in the audit log).
"""

from functools import partial
from typing import Any

from flask import Response, render_template, request
from flask.typing import ResponseReturnValue

from app.core import clock
from app.core.db import write_transaction
from app.staff.cases.data.csv_export import csv_text
from app.staff.cases.data.inbox import filtered_registrations
from app.staff.cases.forms.inbox import ExportForm
from app.staff.cases.views._case_page import filters_from
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.health import exports_health
from app.staff.core.permissions import current_user, requires
from app.staff.core.users import active_consultants
from app.web.database import get_db


@blueprint.route("/export", methods=["GET", "POST"])
@requires("staff")
def export() -> ResponseReturnValue:
    user = current_user()
    form = ExportForm(request.form if request.method == "POST" else request.args)
    form.offer(active_consultants(get_db()))
    if request.method == "GET" or not form.validate_for(user):
        return render_template("staff/export.html", form=form)
    db = get_db()
    # The municipality learns of the others only as numbers (Reports), as the privacy
    # page says.
    rows = [
        row
        for row in filtered_registrations(db, user, filters_from(form, form.search.data or ""))
        if row.consent_jobcentre
    ]
    health_for = partial(exports_health, user)
    with write_transaction(db):
        for row in rows:
            audit.record(
                db,
                user,
                "exported_csv",
                reference=row.reference,
                detail=what_was_exported(form, health_for(row)),
            )
    text = csv_text(
        db,
        rows,
        include_contact=form.include_contact.data,
        include_sensitive=form.include_sensitive.data,
        include_free_text=form.include_free_text.data,
        health_for=health_for,
    )
    filename = f"klapjob-{clock.today().isoformat()}.csv"
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def what_was_exported(form: Any, with_health: bool) -> str:
    """The audit entry's detail: which kinds of personal data, and an admin's purpose."""
    kinds = [
        kind
        for kind, chosen in (
            ("contact", form.include_contact.data),
            ("free text", form.include_free_text.data),
            ("health", form.include_sensitive.data and with_health),
        )
        if chosen
    ]
    detail = " ".join(kinds)
    if "health" in kinds and form.purpose.data:
        detail += f" (purpose: {form.purpose.data})"
    return detail
