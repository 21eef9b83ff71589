"""Follow-ups falling due: 6 months after a job starts, then once a year."""

from flask import render_template
from flask.typing import ResponseReturnValue

from app.core import clock
from app.staff.cases.data.follow_ups import follow_ups_due
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires
from app.web.database import get_db

WITHIN_DAYS = 30


@blueprint.get("/follow-ups")
@requires("staff")
def follow_ups() -> ResponseReturnValue:
    today = clock.today()
    return render_template(
        "staff/follow_ups.html",
        due=follow_ups_due(get_db(), current_user(), today=today, within_days=WITHIN_DAYS),
        today=today,
        within_days=WITHIN_DAYS,
    )
