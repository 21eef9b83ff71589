"""The audit log, for admins: who saw or changed what, and when."""

from flask import render_template, request, url_for

from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.paging import page_count, requested_page
from app.staff.core.permissions import requires
from app.web.database import get_db


@blueprint.get("/audit")
@requires("admin")
def audit_log():
    reference = "".join(ch for ch in request.args.get("reference", "").upper() if ch.isalnum())
    page = requested_page(request.args.get("page"))
    entries, total, page = audit.entries(get_db(), reference=reference or None, page=page)
    pages = page_count(total, audit.PAGE_SIZE)

    def page_url(number):
        return url_for(".audit_log", reference=reference or None, page=number)

    return render_template(
        "staff/audit_log.html",
        entries=entries,
        total=total,
        reference=reference,
        page=page,
        pages=pages,
        previous_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page < pages else None,
    )
