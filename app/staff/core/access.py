"""Who may see which registration and which meeting sign-up, and a registration as the
back office reads it.

An admin sees every registration; a consultant those of their team (a team of one if they
are in none) and of the municipalities it covers, and the queue nobody covers. A meeting
sign-up is nobody's case yet: it follows the same municipality rule, by the meeting's
municipality. Health data
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

# The user (the first ?) and everyone in their team (the second ?, the same user): a
# person in no team is a team of one.
TEAM = """(SELECT t.id FROM users t WHERE t.id = ? OR (t.team_id IS NOT NULL
           AND t.team_id = (SELECT me.team_id FROM users me WHERE me.id = ?)))"""
# The municipalities the user's team covers.
TEAM_MUNICIPALITIES = f"(SELECT code FROM municipality_agreements WHERE consultant_id IN {TEAM})"
# The municipalities an active consultant covers: a new case there has someone to call.
COVERED_MUNICIPALITIES = """(SELECT m.code FROM municipality_agreements m
                             JOIN users u ON u.id = m.consultant_id WHERE u.active = 1)"""


class Viewer(Protocol):
    """A signed-in user (users.User), as far as what they may see goes."""

    @property
    def id(self) -> int: ...

    @property
    def is_admin(self) -> bool: ...


def visibility(user: Viewer, alias: str = "r") -> tuple[str, list[Any]]:
    """The SQL condition (and its parameters) for the registrations `user` may see: an
    admin every one; a consultant those of their team (theirs and their teammates'), every
    one in a municipality the team covers (a case handed on stays in sight), and the queue
    of cases nobody has in a municipality nobody covers (anyone may pick one up)."""
    if user.is_admin:
        return "1 = 1", []
    team, team_params = of_the_team(user, alias)
    queue, queue_params = in_the_queue(alias)
    return f"({team} OR {queue})", [*team_params, *queue_params]


def of_the_team(user: Viewer, alias: str = "r") -> tuple[str, list[Any]]:
    """The SQL condition: the registration is held by the user's team, or lies in a
    municipality the team covers."""
    return (
        f"({alias}.consultant_id IN {TEAM} OR {alias}.municipality_code IN {TEAM_MUNICIPALITIES})",
        [user.id, user.id, user.id, user.id],
    )


def in_the_queue(alias: str = "r") -> tuple[str, list[Any]]:
    """The SQL condition: nobody has the registration and no active consultant covers its
    municipality (or the person did not know it)."""
    return (
        f"({alias}.consultant_id IS NULL"
        f" AND coalesce({alias}.municipality_code, '') NOT IN {COVERED_MUNICIPALITIES})",
        [],
    )


def in_covered_municipality(user: Viewer, column: str) -> tuple[str, list[Any]]:
    """The SQL condition: the municipality code in `column` is one `user`'s team covers."""
    return f"{column} IN {TEAM_MUNICIPALITIES}", [user.id, user.id]


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
    rule: an admin may open any; a consultant one in a municipality their team covers. A draft
    that names no municipality yet (or "I don't know") lies in nobody's: the consultant
    on the phone asks."""
    code = known_municipality_code(answers.get("municipality", ""))
    if user.is_admin or not code:
        return True
    covered, params = in_covered_municipality(user, "?")
    return any(True for _row in db.query(f"SELECT 1 WHERE {covered}", [code, *params]))


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
