"""The next step on every open case, and the day it is due by.

A step the consultant set wins. Without one, a case still has a next step: a new case
waits for its first call (by the promised day, or from the day it was sent), a person in a
work trial or a job for their next follow-up. Any other open case without one is shown as
missing a next step, so that none is forgotten.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l

from app.core import clock
from app.core.db import write_transaction
from app.staff.cases.data.follow_ups import next_follow_up
from app.staff.core import audit, follow_up_plans
from app.staff.core.access import INBOX_COLUMNS, RegistrationRow, visibility
from app.staff.core.history import add_history

KINDS = {
    "call": _l("Call"),
    "meeting": _l("Meeting"),
    "praktik_start": _l("Work trial starts"),
    "job_start": _l("Job starts"),
    "follow_up": _l("Follow-up"),
    "jobcentre": _l("Talk with the job centre"),
    "other": _l("Something else (see the note)"),
}


@dataclass
class NextStep:
    kind: str
    due_on: date
    note: str = ""
    # Worked out from the case, not set by a consultant.
    implied: bool = False

    @property
    def label(self):
        return KINDS.get(self.kind, self.kind)

    def is_late(self, today):
        return self.due_on < today


def saved_step(db, registration_id):
    rows = list(
        db.query(
            "SELECT kind, due_on, note FROM next_steps WHERE registration_id = ?", [registration_id]
        )
    )
    if not rows:
        return None
    row = rows[0]
    return NextStep(row["kind"], date.fromisoformat(row["due_on"]), row["note"])


def implied_step(db, row):
    if row.status == "new":
        due = (
            date.fromisoformat(row.callback_promised_by)
            if row.callback_promised_by
            else clock.day_in_denmark(row.submitted_at)
        )
        return NextStep("call", due, implied=True)
    due = next_follow_up(db, row)
    if due is not None:
        return NextStep("follow_up", due, implied=True)
    return None


def next_step_of(db, row):
    """The case's next step, or None for a closed case or an open one that has none."""
    if row.status == "closed":
        return None
    return saved_step(db, row.id) or implied_step(db, row)


def set_next_step(db, user, registration, *, kind, due_on, note="", now=None):
    if kind not in KINDS:
        raise ValueError(kind)
    now = now or clock.now()
    with write_transaction(db):
        db.execute(
            "INSERT INTO next_steps (registration_id, kind, due_on, note, set_by, set_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (registration_id) DO UPDATE SET "
            "kind = excluded.kind, due_on = excluded.due_on, note = excluded.note, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            [registration.id, kind, due_on.isoformat(), note or "", user.id, now.isoformat()],
        )
        add_history(
            db,
            registration,
            user,
            "next_step",
            now=now,
            reason=kind,
            due_on=due_on.isoformat(),
            note=note,
        )
        audit.record(
            db, user, "changed", reference=registration.reference, detail="next step", now=now
        )


def choose_follow_up_plan(db, user, registration, plan, *, now=None):
    if plan not in follow_up_plans.PLANS:
        raise ValueError(plan)
    now = now or clock.now()
    with write_transaction(db):
        db.execute(
            "UPDATE registrations SET follow_up_plan = ? WHERE id = ?", [plan, registration.id]
        )
        add_history(db, registration, user, "follow_up_plan", now=now, reason=plan)
        audit.record(
            db, user, "changed", reference=registration.reference, detail="follow-up plan", now=now
        )


@dataclass
class WeekItem:
    row: RegistrationRow
    step: NextStep | None


def end_of_week(today):
    """The Sunday of `today`'s week."""
    return today + timedelta(days=6 - today.weekday())


def my_open_cases(db, user):
    """The open cases given to `user` (what they may see, and theirs)."""
    where, params = visibility(user)
    rows = db.query(
        f"""
        SELECT {INBOX_COLUMNS}
        FROM registrations r LEFT JOIN users u ON u.id = r.consultant_id
        WHERE {where} AND r.consultant_id = ? AND r.status != 'closed'
        """,
        [*params, user.id],
    )
    return [RegistrationRow(**row) for row in rows]


def this_week(db, user, today):
    """(due today or late, due later this week, without a next step), the earliest first."""
    due_now, later, missing = [], [], []
    sunday = end_of_week(today)
    for row in my_open_cases(db, user):
        step = next_step_of(db, row)
        if step is None:
            missing.append(WeekItem(row, None))
        elif step.due_on <= today:
            due_now.append(WeekItem(row, step))
        elif step.due_on <= sunday:
            later.append(WeekItem(row, step))

    def by_day(item):
        return item.step.due_on, item.row.submitted_at

    return sorted(due_now, key=by_day), sorted(later, key=by_day), missing
