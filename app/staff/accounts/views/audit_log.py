"""The audit log, for admins: who saw or changed what, and when; looked for by a
registration's reference, by who, by what and by the days it happened."""

from collections.abc import Iterable
from typing import Any

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue

from app.staff.accounts.forms import AuditFilterForm
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.paging import page_count, requested_page
from app.staff.core.permissions import requires
from app.staff.core.users import User, all_users
from app.web.database import get_db


def looking_for(form: Any, users: Iterable[User]) -> audit.Looking:
    """What the filled-in filters ask for; a filter with a mistake asks for nothing (its
    message stands beside it)."""
    if not form.validate():
        return audit.Looking()
    reference = "".join(ch for ch in (form.reference.data or "").upper() if ch.isalnum())
    user = next((u for u in users if u.public_id == form.user.data), None)
    return audit.Looking(
        reference=reference or None,
        user_id=user.id if user else None,
        action=form.action.data or None,
        since=form.since.data,
        until=form.until.data,
    )


@blueprint.get("/audit")
@requires("admin")
def audit_log() -> ResponseReturnValue:
    users = all_users(get_db())
    form = AuditFilterForm(request.args)
    form.offer(users, audit.ACTIONS)
    page = requested_page(request.args.get("page"))
    entries, total, page = audit.entries(get_db(), looking=looking_for(form, users), page=page)
    pages = page_count(total, audit.PAGE_SIZE)

    def page_url(number: int) -> str:
        args: dict[str, Any] = {**request.args.to_dict(flat=True), "page": number}
        return url_for(".audit_log", **args)

    return render_template(
        "staff/audit_log.html",
        form=form,
        entries=entries,
        total=total,
        page=page,
        pages=pages,
        previous_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page < pages else None,
    )
