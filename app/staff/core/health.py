"""Health answers (GDPR art. 9) in the back office: the one rule for every page, PDF and
intake step that can show them, and the audit entry of each reveal.

A registration's health shows at once only to the consultant it is given to. Anybody
else who may open the registration sees it only after pressing "Show health" on the page
that would show it; each press is one audit entry ("viewed_health", naming the page),
written before the page is made. A draft taken by phone has no consultant yet, so its
health always waits for the press. The person's own choice to show health on their job
profile decides what the profile holds, not who in the back office reads it.

Opening the registration or the draft at all is decided elsewhere (access.py, drafts.py);
this module decides only about health on what the user may already open. An export is
the same rule per row; an admin's export with health states its purpose instead (kept
in the audit log by the export), and an access request (GDPR art. 15) holds everything.
"""

from dataclasses import dataclass
from typing import Protocol

from sqlite_utils import Database

from app.core.db import write_transaction
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.users import User

# Where health was shown: the detail of the audit entry (never what the person wrote).
PLACES = ("case", "profile", "profile pdf", "intake health", "intake consent")


class Drafted(Protocol):
    """A registration taken by phone (intake.data.taken_by_phone.Intake)."""

    public_id: str


@dataclass(frozen=True)
class HealthOf:
    """Whose health: a registration's (its reference, the consultant it is given to) or
    a draft's (neither; `intake` names the intake it is taken in)."""

    reference: str | None
    given_to: int | None
    intake: str | None = None


def of_registration(row: RegistrationRow) -> HealthOf:
    return HealthOf(row.reference, row.consultant_id)


def of_intake(intake: Drafted) -> HealthOf:
    return HealthOf(None, None, intake.public_id)


def shows_at_once(user: User, holder: HealthOf) -> bool:
    """Only the consultant the registration is given to sees its health without asking."""
    return holder.given_to is not None and holder.given_to == user.id


def health_shown(
    db: Database, user: User, holder: HealthOf, place: str, *, asked: bool = False
) -> bool:
    """Whether the page at `place` shows the health answers: at once to the consultant it
    is given to; to anybody else only when they `asked` ("Show health"), and then the
    reveal is written to the audit log, one entry, in its own transaction."""
    assert place in PLACES, place
    if shows_at_once(user, holder):
        return True
    if not asked:
        return False
    detail = place if holder.intake is None else f"{place} {holder.intake}"
    with write_transaction(db):
        audit.record(db, user, "viewed_health", reference=holder.reference, detail=detail)
    return True


def exports_health(user: User, row: RegistrationRow) -> bool:
    """A row of an export holds health for the consultant it is given to, and for an
    admin (who writes the purpose, kept in the export's audit entries)."""
    return user.is_admin or shows_at_once(user, of_registration(row))
