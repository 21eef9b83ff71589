""" "I dag og denne uge": a consultant's own cases whose next step is due today (or is
late) or later this week, their meetings this week, the open cases with no next step, and
the team's caseload."""

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.core import clock
from app.staff.cases.data.appointments import my_appointments
from app.staff.cases.data.caseload import NOBODY_COVERS, NOBODY_YET, OPEN_STATUSES, team_caseload
from app.staff.cases.data.next_steps import end_of_week, this_week
from app.staff.cases.views._queue import queue_alarm
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires
from app.web.database import get_db


@blueprint.get("/week")
@requires("staff")
def week() -> ResponseReturnValue:
    db, user, today = get_db(), current_user(), clock.today()
    due_now, later, missing = this_week(db, user, today)
    return render_template(
        "staff/week.html",
        due_now=due_now,
        later=later,
        missing=missing,
        today=today,
        appointments=my_appointments(db, user, today, end_of_week(today)),
        caseload=team_caseload(db),
        nobody={NOBODY_YET: _l("Nobody yet"), NOBODY_COVERS: _l("Nobody covers the municipality")},
        open_statuses=OPEN_STATUSES,
        waited_too_long=queue_alarm(),
    )
