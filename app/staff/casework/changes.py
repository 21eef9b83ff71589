"""A consultant's work on registrations: who may see which, the inbox, the status from
new to closed, the consultant, the job, and the follow-ups after it.

Who may see what: an admin sees every registration; a consultant sees those given to
them and those nobody has yet in the municipalities they cover (to pick one up). Health
data is seen on a need-to-know basis (GDPR art. 9): at once only by the consultant it is
given to, by anybody else after a logged "Show health". Every object is checked, never
only the list.
"""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l

from app.core import clock
from app.core.db import write_transaction
from app.domain.registrations.callback import is_overdue
from app.domain.registrations.sending import answers_of
from app.staff import audit, monthly_figures
from app.staff.casework import follow_up_plans

STATUSES = {
    "new": _l("New"),
    "contacted": _l("Contacted"),
    "meeting": _l("Meeting"),
    "praktik": _l("Work trial"),
    "in_job": _l("In a job"),
    "follow_up": _l("Follow-up"),
    "closed": _l("Closed"),
}
CLOSE_REASONS = {
    "not_reached": _l("Could not be reached"),
    "declined": _l("Did not want help after all"),
    "moved": _l("Moved to a municipality without an agreement"),
    "other_help": _l("Gets help somewhere else"),
    "finished": _l("KLAPjob's help has ended"),
    "other": _l("Another reason (see the note)"),
}
# Follow-ups count from a work trial's or a job's start, by the case's plan
# (casework/follow_up_plans.py: 6 months after the start, then once a year, unless chosen).
FOLLOWED_UP_STATUSES = ("praktik", "in_job", "follow_up")


def visibility(user, alias="r"):
    """The SQL condition (and its parameters) for the registrations `user` may see: an
    admin every one; a consultant those given to them, and those nobody has yet in the
    municipalities they cover (to pick one up). Nobody else's, and no other municipality's."""
    if user.is_admin:
        return "1 = 1", []
    return (
        f"({alias}.consultant_id = ? OR ({alias}.consultant_id IS NULL"
        f" AND {alias}.municipality_code IN"
        " (SELECT code FROM municipality_agreements WHERE consultant_id = ?)))",
        [user.id, user.id],
    )


def may_see_health(user, row):
    """Health answers (GDPR art. 9) show at once only to the consultant the registration is
    given to; anybody else who may see the registration presses "Show health", which is
    logged."""
    return row.consultant_id is not None and row.consultant_id == user.id


INBOX_COLUMNS = """
    r.id, r.public_id, r.reference, r.name, r.submitted_at, r.municipality_code, r.status,
    r.filled_by, r.wants_ambassador, r.phone, r.email, r.contact_method, r.consent_health,
    r.praktik_start, r.job_start, r.employer, r.job_hours, r.closed_at, r.close_reason,
    r.first_contact_at, r.consultant_id, u.name AS consultant_name,
    u.public_id AS consultant_public_id, r.callback_promised_by, r.consent_jobcentre,
    (SELECT count(*) FROM registration_history c
     WHERE c.registration_id = r.id AND c.kind = 'no_answer') AS call_attempts,
    r.follow_up_plan, r.health_withheld, r.consent_contact_helper
"""


@dataclass
class RegistrationRow:
    id: int
    public_id: str
    reference: str
    name: str
    submitted_at: str
    municipality_code: str
    status: str
    filled_by: str
    wants_ambassador: str | None
    phone: str | None
    email: str | None
    contact_method: str
    consent_health: int
    praktik_start: str | None
    job_start: str | None
    employer: str | None
    job_hours: float | None
    closed_at: str | None
    close_reason: str | None
    first_contact_at: str | None
    consultant_id: int | None
    consultant_name: str | None
    consultant_public_id: str | None
    callback_promised_by: str | None
    consent_jobcentre: int
    # Calls nobody answered ("Ringet, intet svar"): not a contact.
    call_attempts: int = 0
    follow_up_plan: str = follow_up_plans.DEFAULT_PLAN
    # Wrote about their health without a yes to keeping it: not kept.
    health_withheld: int = 0
    consent_contact_helper: int = 0

    @property
    def overdue(self):
        """Promised a call by a day that has passed, and still new."""
        return is_overdue(self.callback_promised_by, self.status)

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)

    @property
    def close_reason_label(self):
        return CLOSE_REASONS.get(self.close_reason or "", "")


# --------------------------------------------------------------------------------------
# One registration


@dataclass
class HistoryEntry:
    at: str
    user_name: str | None
    kind: str
    status: str | None
    reason: str | None
    due_on: str | None
    assignee_name: str | None
    note: str

    @property
    def status_label(self):
        return STATUSES.get(self.status or "", "")

    @property
    def reason_label(self):
        return CLOSE_REASONS.get(self.reason or "", "")


@dataclass
class CaseFile:
    row: RegistrationRow
    answers: dict
    history: list = field(default_factory=list)
    next_follow_up: date | None = None


def visible_registration(db, user, public_id):
    """The registration behind `public_id` if `user` may see it, else None (the caller
    answers 404 either way: an id that exists looks like one that does not)."""
    where, params = visibility(user)
    rows = list(
        db.query(
            f"""
            SELECT {INBOX_COLUMNS}
            FROM registrations r LEFT JOIN users u ON u.id = r.consultant_id
            WHERE r.public_id = ? AND {where}
            """,
            [public_id, *params],
        )
    )
    return RegistrationRow(**rows[0]) if rows else None


def history_of(db, registration_id):
    rows = db.query(
        """
        SELECT h.at, u.name AS user_name, h.kind, h.status, h.reason, h.due_on,
               a.name AS assignee_name, h.note
        FROM registration_history h
        LEFT JOIN users u ON u.id = h.user_id
        LEFT JOIN users a ON a.id = h.assignee_id
        WHERE h.registration_id = ? ORDER BY h.at DESC, h.id DESC
        """,
        [registration_id],
    )
    return [HistoryEntry(**row) for row in rows]


def case_file(db, row):
    return CaseFile(
        row=row,
        answers=answers_of(db, row.id),
        history=history_of(db, row.id),
        next_follow_up=next_follow_up(db, row),
    )


def add_history(db, registration, user, kind, *, now, **values):
    values["note"] = values.get("note") or ""
    columns = ["registration_id", "at", "user_id", "kind", *values]
    db.execute(
        f"INSERT INTO registration_history ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        [registration.id, clock.iso(now), user.id if user else None, kind, *values.values()],
    )


def is_real_contact(status, reason):
    """Any move away from "new" is a contact, but closing for "could not be reached"."""
    return status != "new" and not (status == "closed" and reason == "not_reached")


def change_status(db, user, registration, status, *, reason=None, note="", now=None):
    """Move to `status`, recording who, when and why. Closing needs a reason; the first
    real contact (is_real_contact) is counted once, in the monthly figures too."""
    if status not in STATUSES:
        raise ValueError(status)
    if status == "closed" and reason not in CLOSE_REASONS:
        raise ValueError("closing needs a reason")
    now = now or clock.now()
    reason = reason if status == "closed" else None
    with write_transaction(db):
        first_contact = (
            is_real_contact(status, reason)
            and next(
                db.query(
                    "SELECT first_contact_at IS NULL AS first FROM registrations WHERE id = ?",
                    [registration.id],
                )
            )["first"]
        )
        db.execute(
            """
            UPDATE registrations SET
                status = ?, status_changed_at = ?, close_reason = ?,
                closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END,
                first_contact_at = CASE WHEN ? THEN ? ELSE first_contact_at END
            WHERE id = ?
            """,
            [
                status,
                clock.iso(now),
                reason,
                status,
                clock.iso(now),
                int(bool(first_contact)),
                clock.iso(now),
                registration.id,
            ],
        )
        if first_contact:
            monthly_figures.count_first_contact(db, registration.id, now)
        if status == "closed":
            monthly_figures.add(
                db,
                monthly_figures.CLOSED,
                kind=reason,
                municipality=registration.municipality_code,
                month=monthly_figures.month_of(now),
            )
        add_history(
            db, registration, user, "status", now=now, status=status, reason=reason, note=note
        )
        audit.record(
            db,
            user,
            "changed",
            reference=registration.reference,
            detail=f"status: {status}",
            now=now,
        )


def assign(db, user, registration, consultant_id, *, note="", now=None):
    """Give the registration to a consultant (or to nobody, with None)."""
    now = now or clock.now()
    with write_transaction(db):
        db.execute(
            "UPDATE registrations SET consultant_id = ? WHERE id = ?",
            [consultant_id, registration.id],
        )
        add_history(
            db, registration, user, "assigned", now=now, assignee_id=consultant_id, note=note
        )
        audit.record(
            db, user, "changed", reference=registration.reference, detail="consultant", now=now
        )


def save_job(
    db, user, registration, *, praktik_start, job_start, employer, hours, note="", now=None
):
    """The work trial and the job: dates as date objects (or None), hours a week."""
    now = now or clock.now()
    with write_transaction(db):
        db.execute(
            "UPDATE registrations SET praktik_start = ?, job_start = ?, employer = ?, "
            "job_hours = ? WHERE id = ?",
            [
                praktik_start.isoformat() if praktik_start else None,
                job_start.isoformat() if job_start else None,
                employer.strip() or None,
                hours,
                registration.id,
            ],
        )
        add_history(db, registration, user, "job", now=now, note=note)
        audit.record(db, user, "changed", reference=registration.reference, detail="job", now=now)


def add_note(db, user, registration, note, *, now=None):
    now = now or clock.now()
    with write_transaction(db):
        add_history(db, registration, user, "note", now=now, note=note)
        audit.record(db, user, "changed", reference=registration.reference, detail="note", now=now)


# --------------------------------------------------------------------------------------
# Follow-ups


def follow_up_due_date(start, number, plan=follow_up_plans.DEFAULT_PLAN):
    """The due date of follow-up `number` (0 is the first) after a start; None when that
    is past the end of the calendar (a far date stored before dates had bounds)."""
    return follow_up_plans.due_date(start, number, plan, add_months=clock.add_months)


def follow_ups_done(db, registration_id, since):
    """Follow-ups done for the work trial or job that started on `since`."""
    row = next(
        db.query(
            "SELECT count(*) AS n FROM registration_history "
            "WHERE registration_id = ? AND kind = 'follow_up' AND due_on >= ?",
            [registration_id, since.isoformat()],
        )
    )
    return row["n"]


def next_follow_up(db, row):
    start = follow_up_plans.follow_up_start(row)
    if start is None:
        return None
    return follow_up_due_date(start, follow_ups_done(db, row.id, start), row.follow_up_plan)


def record_follow_up(db, user, registration, *, note="", now=None):
    now = now or clock.now()
    due = next_follow_up(db, registration)
    if due is None:
        raise ValueError("no follow-up is due: no job start, or not in a job")
    with write_transaction(db):
        add_history(db, registration, user, "follow_up", now=now, due_on=due.isoformat(), note=note)
        audit.record(
            db, user, "changed", reference=registration.reference, detail="follow-up", now=now
        )


@dataclass
class DueFollowUp:
    row: RegistrationRow
    due: date

    def is_overdue(self, today):
        return self.due < today


def follow_ups_due(db, user, *, today, within_days=30):
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
    due = []
    for row in (RegistrationRow(**row) for row in rows):
        next_due = next_follow_up(db, row)
        if next_due is not None and (next_due - today).days <= within_days:
            due.append(DueFollowUp(row, next_due))
    return sorted(due, key=lambda item: item.due)
