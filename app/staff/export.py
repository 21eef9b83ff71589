"""A filtered list as a CSV file, for reporting to the municipalities."""

from datetime import date

from flask import Response, render_template, request

from ..db import get_db, write_transaction
from ..users import active_consultants
from . import audit, blueprint
from .access import current_user, requires
from .inbox_list import filtered_registrations
from .csv_export import csv_text
from .forms import ExportForm
from .inbox import filters_from


@blueprint.get("/export")
@requires("staff")
def export():
    form = ExportForm(request.args)
    form.offer(active_consultants(get_db()))
    if "download" not in request.args:
        return render_template("staff/export.html", form=form)
    db = get_db()
    user = current_user()
    rows = filtered_registrations(db, user, filters_from(form))
    detail = "contact" if form.include_contact.data else ""
    if form.include_sensitive.data:
        detail += " health"
    with write_transaction(db):
        for row in rows:
            audit.record(db, user, "exported_csv", reference=row.reference, detail=detail.strip())
    text = csv_text(db, rows, include_contact=form.include_contact.data,
                    include_sensitive=form.include_sensitive.data)
    filename = f"klapjob-{date.today().isoformat()}.csv"
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
