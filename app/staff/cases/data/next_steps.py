"""The next step on every open case, and the day it is due by.

A step the consultant set wins. Without one, a case still has a next step: a new case
waits for its first call (by the promised day, or from the day it was sent), a person in a
work trial or a job for their next follow-up. Any other open case without one is shown as
missing a next step, so that none is forgotten.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.staff.cases.data.follow_ups import next_follow_up
from app.staff.core import audit, follow_up_plans
from app.staff.core.access import INBOX_COLUMNS, RegistrationRow, visibility
from app.staff.core.history import add_history
from app.staff.core.users import User

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
    def label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def is_late(self, today: date) -> bool:
        return self.due_on < today


def saved_step(db: Database, registration_id: int) -> NextStep | None:
    rows = list(
        db.query(
            "SELECT kind, due_on, note FROM next_steps WHERE registration_id = ?", [registration_id]
        )
    )
    if not rows:
        return None
    row = rows[0]
    return NextStep(row["kind"], date.fromisoformat(row["due_on"]), row["note"])


def implied_step(db: Database, row: RegistrationRow) -> NextStep | None:
    if row.status == "new":
        due = (
            date.fromisoformat(row.callback_promised_by)
            if row.callback_promised_by
            else clock.day_in_denmark(row.submitted_at)
        )
        return NextStep("call", due, implied=True)
    follow_up_due = next_follow_up(db, row)
    if follow_up_due is not None:
        return NextStep("follow_up", follow_up_due, implied=True)
    return None


def next_step_of(db: Database, row: RegistrationRow) -> NextStep | None:
    """The case's next step, or None for a closed case or an open one that has none."""
    if row.status == "closed":
        return None
    return saved_step(db, row.id) or implied_step(db, row)


def set_next_step(
    db: Database,
    user: User,
    registration: RegistrationRow,
    *,
    kind: str,
    due_on: date,
    note: str = "",
    now: datetime | None = None,
) -> None:
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


def choose_follow_up_plan(
    db: Database,
    user: User,
    registration: RegistrationRow,
    plan: str,
    *,
    now: datetime | None = None,
) -> None:
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


def end_of_week(today: date) -> date:
    """The Sunday of `today`'s week."""
    return today + timedelta(days=6 - today.weekday())


def my_open_cases(db: Database, user: User) -> list[RegistrationRow]:
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


def this_week(
    db: Database, user: User, today: date
) -> tuple[list[WeekItem], list[WeekItem], list[WeekItem]]:
    """(due today or late, due later this week, without a next step), the earliest first."""
    due_now: list[WeekItem] = []
    later: list[WeekItem] = []
    missing: list[WeekItem] = []
    sunday = end_of_week(today)
    for row in my_open_cases(db, user):
        step = next_step_of(db, row)
        if step is None:
            missing.append(WeekItem(row, None))
        elif step.due_on <= today:
            due_now.append(WeekItem(row, step))
        elif step.due_on <= sunday:
            later.append(WeekItem(row, step))

    def by_day(item: WeekItem) -> tuple[date, str]:
        assert item.step is not None  # only the items with a step are sorted
        return item.step.due_on, item.row.submitted_at

    return sorted(due_now, key=by_day), sorted(later, key=by_day), missing
