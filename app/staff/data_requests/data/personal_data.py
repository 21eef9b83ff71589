"""A person's rights over their data (GDPR art. 15 and 17), and keeping nothing longer
than the privacy page promises: export one person, delete one person, purge the old.

Deleting is real: `secure_delete` overwrites the rows' bytes, and a WAL checkpoint
clears the copies the write-ahead log still held. The audit log keeps the reference.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from app.core import clock
from app.core.db import forget_deleted, write_transaction
from app.core.limits import purge_old_events
from app.domain.meetings import old_signups
from app.domain.municipalities import municipality_name
from app.domain.questions.summary import summary_rows
from app.domain.registrations.profile_links import forget_ended_links
from app.domain.registrations.voice import voice_answers_export
from app.staff.cases.data.case_file import CaseFile
from app.staff.cases.data.placements import count_jobs_still_going
from app.staff.cases.data.profile_export import job_profile_export
from app.staff.core import audit, typed_work
from app.staff.core.access import RegistrationRow
from app.staff.core.users import User
from app.staff.data_requests.data.person_requests import done_by_deleting, requests_of
from app.staff.meetings.data.ambassadors import match_of

# The promises on the citizen's privacy page (templates/pages/privacy.html).
CLOSED_REGISTRATION_DAYS = 365
DRAFT_DAYS = 30


def person_export(db: Database, case: CaseFile) -> dict[str, Any]:
    """Everything KLAPjob holds about one person, as plain data for a JSON file."""
    row = case.row
    return {
        "reference": row.reference,
        "submitted_at": row.submitted_at,
        "status": row.status,
        "municipality": {
            "code": row.municipality_code,
            "name": municipality_name(row.municipality_code),
        },
        "consultant": row.consultant_name,
        "consent_to_health_information": bool(row.consent_health),
        "helper_may_be_contacted": bool(consent_contact_helper(db, row.id)),
        "ambassador": ambassador_match(db, row.id),
        "work": {
            "praktik_start": row.praktik_start,
            "job_start": row.job_start,
            "employer": row.employer,
            "hours_a_week": row.job_hours,
        },
        "closed_at": row.closed_at,
        "close_reason": row.close_reason,
        "answers": case.answers,
        "answers_as_shown": [
            {"question": r.label, "answer": [a.text for a in r.answers]}
            for r in summary_rows(case.answers)
        ],
        "merged_registrations": [
            {
                "reference": reference,
                "answers_as_shown": [
                    {"question": r.label, "answer": [a.text for a in r.answers]} for r in rows
                ],
            }
            for reference, rows in case.merged.items()
        ],
        "job_profile": job_profile_export(db, row.id, case.answers),
        "voice_answers": voice_answers_export(db, row.id),
        "history": [
            {
                "at": h.at,
                "what": h.kind,
                "status": h.status,
                "reason": h.reason,
                "follow_up_due_on": h.due_on,
                "note": h.note,
                "changed": h.field,
                "before": h.before,
                "after": h.after,
            }
            for h in case.history
        ],
        "seen_by_staff": [{"at": e.at, "action": e.action} for e in audit_trail(db, row.reference)],
        "requests": [
            {"kind": r.kind, "received_on": r.received_on, "due_on": r.due_on, "done_on": r.done_on}
            for r in requests_of(db, row.id)
        ],
    }


def consent_contact_helper(db: Database, registration_id: int) -> int:
    [row] = db.query(
        "SELECT consent_contact_helper FROM registrations WHERE id = ?", [registration_id]
    )
    return row["consent_contact_helper"]


def ambassador_match(db: Database, registration_id: int) -> dict[str, Any] | None:
    found = match_of(db, registration_id)
    if found is None:
        return None
    return {
        "ambassador": found["name"],
        "chosen_at": found["matched_at"],
        "talked_on": found["talked_on"],
        "note": found["note"],
    }


def audit_trail(db: Database, reference: str) -> list:
    return [
        audit.Entry(**row)
        for row in db.query(
            audit.TRAIL_REFERENCES
            + "SELECT at, NULL AS user_name, action, reference, detail FROM audit_log "
            "WHERE reference IN (SELECT reference FROM trail) ORDER BY at, id",
            [reference],
        )
    ]


def delete_person(db: Database, user: User, row: RegistrationRow) -> None:
    """Delete one registration with its answers and history; the log keeps its reference."""
    with write_transaction(db):
        # The person's jobs count in the monthly figures before the person goes.
        count_jobs_still_going(db)
        audit.record(db, user, "deleted", reference=row.reference)
        done_by_deleting(db, user, row, today=clock.now().astimezone(clock.DANISH_TIME).date())
        db.execute("DELETE FROM registrations WHERE id = ?", [row.id])
    forget_deleted(db)


@dataclass
class PurgeReport:
    registrations: list = field(default_factory=list)  # (reference, closed_at)
    drafts: list = field(default_factory=list)  # (created_at, updated_at)
    meeting_signups: list = field(default_factory=list)  # row ids, 30 days after the meeting


def due_for_purge(
    db: Database, *, closed_days: int, draft_days: int, now: datetime
) -> tuple[PurgeReport, str, str]:
    closed_before = clock.iso(now - timedelta(days=closed_days))
    drafts_before = clock.iso(now - timedelta(days=draft_days))
    return (
        PurgeReport(
            registrations=[
                (row["reference"], row["closed_at"])
                for row in db.query(
                    "SELECT reference, closed_at FROM registrations "
                    "WHERE status = 'closed' AND closed_at < ? ORDER BY closed_at",
                    [closed_before],
                )
            ],
            drafts=[
                (row["created_at"], row["updated_at"])
                for row in db.query(
                    "SELECT created_at, updated_at FROM drafts WHERE updated_at < ? "
                    "ORDER BY updated_at",
                    [drafts_before],
                )
            ],
            meeting_signups=[
                row["id"] for row in old_signups(db, now=now.astimezone(clock.DANISH_TIME))
            ],
        ),
        closed_before,
        drafts_before,
    )


def purge(
    db: Database,
    *,
    closed_days: int = CLOSED_REGISTRATION_DAYS,
    draft_days: int = DRAFT_DAYS,
    dry_run: bool = False,
    now: datetime | None = None,
) -> PurgeReport:
    """Delete registrations closed more than `closed_days` ago and drafts untouched for
    `draft_days`. With `dry_run`, only say what would go."""
    now = now or clock.now()
    report, closed_before, drafts_before = due_for_purge(
        db, closed_days=closed_days, draft_days=draft_days, now=now
    )
    if dry_run:
        return report
    purge_old_events(db, now=now.timestamp())
    with write_transaction(db):
        typed_work.forget_old(db, now)
        forget_ended_links(db, now)
        # Every night, and before anybody is purged: the jobs' 6- and 12-month figures.
        count_jobs_still_going(db, now.astimezone(clock.DANISH_TIME).date())
    if not (report.registrations or report.drafts or report.meeting_signups):
        return report
    with write_transaction(db):
        for reference, _closed_at in report.registrations:
            audit.record(db, None, "purged", reference=reference, now=now)
        db.execute(
            "DELETE FROM registrations WHERE status = 'closed' AND closed_at < ?",
            [closed_before],
        )
        # The purged people's requests stay in the register without them.
        db.execute("UPDATE person_requests SET channel = NULL WHERE registration_id IS NULL")
        db.execute("DELETE FROM drafts WHERE updated_at < ?", [drafts_before])
        db.conn.executemany(
            "DELETE FROM meeting_signups WHERE id = ?",
            [(row_id,) for row_id in report.meeting_signups],
        )
    forget_deleted(db)
    return report
