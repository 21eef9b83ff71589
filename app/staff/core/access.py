"""Who may see which registration and which meeting sign-up, and a registration as the
back office reads it.

An admin sees every registration; a consultant sees those given to them and those nobody
has yet in the municipalities they cover (to pick one up). A meeting sign-up is nobody's
case yet: it follows the same municipality rule, by the meeting's municipality. Health data
is seen on a need-to-know basis (GDPR art. 9): health.py holds that rule. Every object is
checked, never only the list."""

from dataclasses import dataclass
from typing import Any, Protocol

from sqlite_utils import Database

from app.domain.meetings import Meeting
from app.domain.municipalities import known_municipality_code
from app.domain.questions.model import Answers
from app.domain.registrations.callback import is_overdue
from app.staff.core import follow_up_plans
from app.staff.core.statuses import CLOSE_REASONS, STATUSES


class Viewer(Protocol):
    """A signed-in user (users.User), as far as what they may see goes."""

    @property
    def id(self) -> int: ...

    @property
    def is_admin(self) -> bool: ...


def visibility(user: Viewer, alias: str = "r") -> tuple[str, list[Any]]:
    """The SQL condition (and its parameters) for the registrations `user` may see: an
    admin every one; a consultant those given to them, and those nobody has yet in the
    municipalities they cover (to pick one up). Nobody else's, and no other municipality's."""
    if user.is_admin:
        return "1 = 1", []
    covered, params = in_covered_municipality(user, f"{alias}.municipality_code")
    return (
        f"({alias}.consultant_id = ? OR ({alias}.consultant_id IS NULL AND {covered}))",
        [user.id, *params],
    )


def in_covered_municipality(user: Viewer, column: str) -> tuple[str, list[Any]]:
    """The SQL condition: the municipality code in `column` is one `user` covers."""
    return (
        f"{column} IN (SELECT code FROM municipality_agreements WHERE consultant_id = ?)",
        [user.id],
    )


def signup_visibility(user: Viewer, meeting_alias: str = "m") -> tuple[str, list[Any]]:
    """The SQL condition for the meeting sign-ups (names, phones) `user` may see: like a
    registration nobody has yet, an admin every one, a consultant those to meetings in the
    municipalities they cover."""
    if user.is_admin:
        return "1 = 1", []
    return in_covered_municipality(user, f"{meeting_alias}.municipality_code")


def may_see_signups(db: Database, user: Viewer, meeting: Meeting) -> bool:
    """Whether `user` may see who signed up for `meeting` (by signup_visibility)."""
    where, params = signup_visibility(user)
    found = db.query(f"SELECT 1 FROM meetings m WHERE m.id = ? AND {where}", [meeting.id, *params])
    return next(found, None) is not None


def may_change_meeting(user: Viewer, meeting: Meeting) -> bool:
    """The consultant who added the meeting, or an admin. A meeting stored before its
    creator was recorded has none: admins only."""
    return user.is_admin or (meeting.created_by is not None and meeting.created_by == user.id)


def may_open_draft(db: Database, user: Viewer, answers: Answers) -> bool:
    """A person's unsent draft, found by the code they read aloud, under the registrations'
    rule: an admin may open any; a consultant one in a municipality they cover. A draft
    that names no municipality yet (or "I don't know") lies in nobody's: the consultant
    on the phone asks."""
    code = known_municipality_code(answers.get("municipality", ""))
    if user.is_admin or not code:
        return True
    covered = db.query(
        "SELECT 1 FROM municipality_agreements WHERE code = ? AND consultant_id = ?",
        [code, user.id],
    )
    return any(True for _row in covered)


INBOX_COLUMNS = """
    r.id, r.public_id, r.reference, r.name, r.submitted_at, r.municipality_code, r.status,
    r.filled_by, r.wants_ambassador, r.phone, r.email, r.contact_method, r.consent_health,
    r.praktik_start, r.job_start, r.employer, r.job_hours, r.closed_at, r.close_reason,
    r.first_contact_at, r.consultant_id, u.name AS consultant_name,
    u.public_id AS consultant_public_id, r.callback_promised_by, r.consent_jobcentre,
    (SELECT count(*) FROM registration_history c
     WHERE c.registration_id = r.id AND c.kind IN ('no_answer', 'voicemail')
     AND c.id > coalesce((SELECT max(t.id) FROM registration_history t
                          WHERE t.registration_id = r.id AND t.kind = 'reached'), 0)
    ) AS call_attempts,
    r.follow_up_plan, r.health_withheld, r.consent_contact_helper, r.consent_health_jobcentre
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
    # Calls nobody answered ("Ringet, intet svar", or a message left) since the person was
    # last reached (cases.data.calls.UNANSWERED): not a contact.
    call_attempts: int = 0
    follow_up_plan: str = follow_up_plans.DEFAULT_PLAN
    # Wrote about their health without a yes to keeping it: not kept.
    health_withheld: int = 0
    consent_contact_helper: int = 0
    # Its own yes to the job centre having what the person wrote about their health.
    consent_health_jobcentre: int = 0

    @property
    def overdue(self) -> bool:
        """Promised a call by a day that has passed, and still new."""
        return is_overdue(self.callback_promised_by, self.status)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def close_reason_label(self) -> str:
        return CLOSE_REASONS.get(self.close_reason or "", "")


def visible_registration(db: Database, user: Viewer, public_id: str) -> RegistrationRow | None:
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
