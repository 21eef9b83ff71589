"""The follow-ups after a work trial or a job starts: when each is due (by the case's
plan, core/follow_up_plans.py), which are done, and the ones due soon."""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.staff.core import audit, follow_up_plans
from app.staff.core.access import INBOX_COLUMNS, RegistrationRow, visibility
from app.staff.core.history import add_history
from app.staff.core.users import User

# --------------------------------------------------------------------------------------
# Follow-ups


def follow_up_due_date(
    start: date, number: int, plan: str = follow_up_plans.DEFAULT_PLAN
) -> date | None:
    """The due date of follow-up `number` (0 is the first) after a start; None when that
    is past the end of the calendar (a far date stored before dates had bounds)."""
    return follow_up_plans.due_date(start, number, plan, add_months=clock.add_months)


def follow_ups_done(db: Database, registration_id: int, since: date) -> int:
    """Follow-ups done for the work trial or job that started on `since`."""
    row = next(
        db.query(
            "SELECT count(*) AS n FROM registration_history "
            "WHERE registration_id = ? AND kind = 'follow_up' AND due_on >= ?",
            [registration_id, since.isoformat()],
        )
    )
    return row["n"]


def next_follow_up(db: Database, row: RegistrationRow) -> date | None:
    start = follow_up_plans.follow_up_start(row)
    if start is None:
        return None
    return follow_up_due_date(start, follow_ups_done(db, row.id, start), row.follow_up_plan)


def record_follow_up(
    db: Database,
    user: User,
    registration: RegistrationRow,
    *,
    outcome: dict[str, bool | float | None],
    note: str = "",
    now: datetime | None = None,
) -> None:
    """The follow-up due now, done: `outcome` says how it went (still in the work trial or
    job, hours a week now or None, talked with the employer), kept as the history line's
    state after it (`after`, JSON), so that it can be counted."""
    now = now or clock.now()
    due = next_follow_up(db, registration)
    if due is None:
        raise ValueError("no follow-up is due: no job start, or not in a job")
    with write_transaction(db):
        add_history(
            db,
            registration,
            user,
            "follow_up",
            now=now,
            due_on=due.isoformat(),
            note=note,
            after=json.dumps(outcome),
        )
        audit.record(
            db, user, "changed", reference=registration.reference, detail="follow-up", now=now
        )


@dataclass
class DueFollowUp:
    row: RegistrationRow
    due: date

    def is_overdue(self, today: date) -> bool:
        return self.due < today


def follow_ups_due(
    db: Database, user: User, *, today: date, within_days: int = 30
) -> list[DueFollowUp]:
    """People in a job whose next follow-up falls due within `within_days` (or is late),
    the most urgent first."""
    where, params = visibility(user)
    rows = db.query(
        f"""
        SELECT {INBOX_COLUMNS}
        FROM registrations r LEFT JOIN users u ON u.id = r.consultant_id
        WHERE {where} AND (r.job_start IS NOT NULL OR r.praktik_start IS NOT NULL)
              AND r.status IN ('praktik', 'in_job', 'follow_up')
        """,
        params,
    )
    cases = [RegistrationRow(**row) for row in rows]
    done_by_case = follow_ups_written(db, [case.id for case in cases])
    due: list[DueFollowUp] = []
    for case in cases:
        start = follow_up_plans.follow_up_start(case)
        if start is None:
            continue
        done = sum(1 for due_on in done_by_case.get(case.id, ()) if due_on >= start.isoformat())
        next_due = follow_up_due_date(start, done, case.follow_up_plan)
        if next_due is not None and (next_due - today).days <= within_days:
            due.append(DueFollowUp(case, next_due))
    return sorted(due, key=lambda item: item.due)


def follow_ups_written(db: Database, registration_ids: list[int]) -> dict[int, list[str]]:
    """The due day of every follow-up written on these registrations, by registration:
    one query for the whole list (follow_ups_done asks for one case)."""
    done: defaultdict[int, list[str]] = defaultdict(list)
    marks = ", ".join("?" * len(registration_ids))
    for row in db.query(
        "SELECT registration_id, due_on FROM registration_history "
        f"WHERE kind = 'follow_up' AND registration_id IN ({marks})",
        registration_ids,
    ):
        done[row["registration_id"]].append(row["due_on"])
    return done
