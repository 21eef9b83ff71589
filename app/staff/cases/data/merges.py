"""A merge: one person registered twice becomes one case. Only a pair the likely-duplicate
rule finds, between two registrations the user may see, after the consultant checked with
the person; all of it checked again inside the merge's own transaction.

Nothing of the person is lost or handed to somebody else: the work on both cases is kept,
the answers of the registration that goes are kept in the kept case's history, each
registration's own choices stay its own (a yes to show health on the profile covers only
the answers it was given for), open requests move with the case, and the audit log gets
new entries that link the two references (it is never changed). Health answers of the
registration that goes are deleted with it, so only an admin may merge it."""

import json
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.registrations.profile_versions import latest_version, save_version, versions
from app.domain.registrations.sending import answers_of
from app.domain.registrations.voice import keep_the_others_recordings
from app.staff.core import audit, monthly_figures
from app.staff.core.access import RegistrationRow, visible_registration
from app.staff.core.duplicates import REASONS, duplicates_of_case
from app.staff.core.history import add_history
from app.staff.core.users import User

REFUSALS = {
    "not_alike": _l(
        "These two do not look like the same person: they have no phone number or email in"
        " common, and not the same name with the same age group."
    ),
    "health_needs_admin": _l(
        "The registration that goes has health answers. The merge deletes them, so only an"
        " admin can merge these two."
    ),
}
# Rows that belong to one case and move with a merge, as they are.
MOVED_TABLES = (
    "registration_history",
    "placements",
    "appointments",
    "employer_consents",
    "person_requests",
)
# One row a case: the kept case's own stays; the other's moves only where it has none.
ONE_A_CASE_TABLES = ("next_steps", "ambassador_matches")
SENSITIVE = tuple(name for name, spec in FIELDS_BY_NAME.items() if spec.sensitive)
NOT_SENSITIVE = tuple(name for name, spec in FIELDS_BY_NAME.items() if not spec.sensitive)


class MergeRefused(Exception):
    def __init__(self, refusals: list[str]) -> None:
        super().__init__(", ".join(refusals))
        self.refusals = refusals


@dataclass
class MergePlan:
    """What a merge of `other` into `kept` would do, and why it may not be done."""

    kept: RegistrationRow
    other: RegistrationRow
    reasons: list[str] = field(default_factory=list)  # why they look alike (duplicates.REASONS)
    health_deleted: bool = False
    open_requests: int = 0
    refusals: list[str] = field(default_factory=list)

    @property
    def reason_labels(self) -> list[str]:
        return [REASONS[reason] for reason in self.reasons]


def plan_merge(
    db: Database, user: User, kept: RegistrationRow, other: RegistrationRow
) -> MergePlan:
    found = [d for d in duplicates_of_case(db, user, kept) if d.public_id == other.public_id]
    plan = MergePlan(
        kept,
        other,
        reasons=found[0].reasons if found else [],
        health_deleted=has_health_answers(db, other.id),
        open_requests=open_requests_of(db, other.id),
    )
    if not found or kept.id == other.id:
        plan.refusals.append("not_alike")
    if plan.health_deleted and not user.is_admin:
        plan.refusals.append("health_needs_admin")
    return plan


def has_health_answers(db: Database, registration_id: int) -> bool:
    """Written or said in the person's own voice."""
    placeholders = ", ".join("?" for _ in SENSITIVE)
    rows = db.query(
        f"SELECT 1 FROM answers WHERE registration_id = ? AND field IN ({placeholders})"
        " AND value != ''"
        f" UNION ALL SELECT 1 FROM voice_answers WHERE registration_id = ? AND field IN"
        f" ({placeholders}) LIMIT 1",
        [registration_id, *SENSITIVE, registration_id, *SENSITIVE],
    )
    return any(True for _ in rows)


def open_requests_of(db: Database, registration_id: int) -> int:
    return next(
        db.query(
            "SELECT count(*) AS n FROM person_requests WHERE registration_id = ?"
            " AND done_on IS NULL",
            [registration_id],
        )
    )["n"]


def merge(
    db: Database,
    user: User,
    kept: RegistrationRow,
    other: RegistrationRow,
    *,
    now: datetime | None = None,
) -> None:
    """Merge `other` into `kept` in one transaction with its audit entries, or refuse
    (MergeRefused) when the pair, seen again under the write lock, may not be merged."""
    now = now or clock.now()
    with write_transaction(db):
        kept_now = visible_registration(db, user, kept.public_id)
        other_now = visible_registration(db, user, other.public_id)
        if kept_now is None or other_now is None:
            raise MergeRefused(["not_alike"])
        kept, other = kept_now, other_now
        plan = plan_merge(db, user, kept, other)
        if plan.refusals:
            raise MergeRefused(plan.refusals)
        keep_what_the_other_said(db, user, kept, other, now)
        keep_the_others_recordings(db, kept.id, other.id)
        monthly_figures.count_merged_once(db, kept.id, other.id)
        move_the_work(db, kept, other)
        move_profile_versions(db, user, kept, other)
        add_history(db, kept, user, "merged", now=now, note=other.reference)
        detail = f"merged: {other.reference}" + ("; health deleted" if plan.health_deleted else "")
        audit.record(
            db,
            user,
            "merged",
            reference=kept.reference,
            detail=detail,
            linked_reference=other.reference,
            now=now,
        )
        audit.record(
            db,
            user,
            "merged_into",
            reference=other.reference,
            detail=f"merged into: {kept.reference}",
            linked_reference=kept.reference,
            now=now,
        )
        db.execute("DELETE FROM registrations WHERE id = ?", [other.id])


def keep_what_the_other_said(
    db: Database, user: User, kept: RegistrationRow, other: RegistrationRow, now: datetime
) -> None:
    """The other's answers (not health) in the kept case's history, and the answers the
    kept case lacks among its own."""
    answers = answers_of(db, other.id)
    row = next(db.query("SELECT channel, submitted_at FROM registrations WHERE id = ?", [other.id]))
    db.execute(
        "INSERT INTO merged_registrations (registration_id, reference, channel, submitted_at,"
        " answers, merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            kept.id,
            other.reference,
            row["channel"],
            row["submitted_at"],
            json.dumps({k: v for k, v in answers.items() if k in NOT_SENSITIVE}),
            clock.iso(now),
            user.id,
        ],
    )
    placeholders = ", ".join("?" for _ in NOT_SENSITIVE)
    db.execute(
        "INSERT INTO answers (registration_id, field, position, value)"
        " SELECT ?, field, position, value FROM answers WHERE registration_id = ?"
        f" AND field IN ({placeholders}) AND field NOT IN"
        " (SELECT field FROM answers WHERE registration_id = ?)",
        [kept.id, other.id, *NOT_SENSITIVE, kept.id],
    )


def move_the_work(db: Database, kept: RegistrationRow, other: RegistrationRow) -> None:
    """Notes, calls, placements, meetings, consents to employers and requests move; of the
    one-a-case rows, the kept case's own stay."""
    for table in MOVED_TABLES:
        db.execute(
            f"UPDATE {table} SET registration_id = ? WHERE registration_id = ?",
            [kept.id, other.id],
        )
    for table in ONE_A_CASE_TABLES:
        db.execute(
            f"UPDATE OR IGNORE {table} SET registration_id = ? WHERE registration_id = ?",
            [kept.id, other.id],
        )


def move_profile_versions(
    db: Database, user: User, kept: RegistrationRow, other: RegistrationRow
) -> None:
    """The other's versions come into the kept profile's history, numbered after its own,
    without their yes to show health or the person's voice (given for the other's answers,
    not these). Then the kept profile is again what it was: its own choices about health
    and voice, and its own words (the other's words when it had none)."""
    had_own = bool(versions(db, kept.id))
    own = latest_version(db, kept.id)
    after = own.number
    db.execute(
        "UPDATE profile_versions SET registration_id = ?, number = number + ?,"
        " include_health = 0, include_voice = 0 WHERE registration_id = ?",
        [kept.id, after, other.id],
    )
    save_version(
        db,
        kept.id,
        user=user,
        include_health=own.include_health,
        include_voice=own.include_voice,
        additions=own.additions if had_own else None,
    )


@dataclass
class MergedRegistration:
    reference: str
    channel: str
    submitted_at: str
    answers: dict


def merged_into(db: Database, registration_id: int) -> dict:
    """The registrations merged into this case, by their reference."""
    return {
        row["reference"]: MergedRegistration(
            row["reference"], row["channel"], row["submitted_at"], json.loads(row["answers"])
        )
        for row in db.query(
            "SELECT reference, channel, submitted_at, answers FROM merged_registrations"
            " WHERE registration_id = ? ORDER BY id",
            [registration_id],
        )
    }
