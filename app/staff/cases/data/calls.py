"""Calling people back: taking a case, and what came of a call, a text message or a mail.

Each contact is a line in the case's history (who, when, a note) and an audit entry.
"Ringet, intet svar" and a message left on the phone are not contacts: the case stays as it
was (still new, still late if the promised day has passed), only the attempt is counted.
"Talt med personen" is: a new case becomes contacted (counted as the first contact, as a
status change is), and the count of calls without an answer starts again from nought.
"""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.staff.cases.data.changes import assign, change_status
from app.staff.cases.data.next_steps import set_next_step
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.history import add_history
from app.staff.core.statuses import REACHED
from app.staff.core.users import User

NO_ANSWER = "no_answer"
# The call sheet's buttons, in the order a day goes: the history's kind for each.
OUTCOMES = {
    NO_ANSWER: _l("Called, no answer"),
    "voicemail": _l("Called, left a message"),
    "sms_sent": _l("Sent a text message"),
    "mail_sent": _l("Sent an email"),
    REACHED: _l("Talked with the person"),
}
# Calls that went unanswered; counted since the person was last reached.
UNANSWERED = (NO_ANSWER, "voicemail")


def take(
    db: Database, user: User, registration: RegistrationRow, *, now: datetime | None = None
) -> None:
    """ "Jeg tager den": the case becomes this user's."""
    assign(db, user, registration, user.id, now=now)


def record_contact(
    db: Database,
    user: User,
    registration: RegistrationRow,
    outcome: str,
    *,
    note: str = "",
    next_step: tuple[str, date] | None = None,
    now: datetime | None = None,
) -> None:
    """What came of one try to reach the person, with its note, and the next step as
    (kind, due_on) if one was given: all or nothing, in one transaction."""
    if outcome not in OUTCOMES:
        raise ValueError(outcome)
    now = now or clock.now()
    with write_transaction(db):
        if outcome == REACHED and registration.status == "new":
            change_status(db, user, registration, "contacted", now=now)
        if next_step is not None:
            kind, due_on = next_step
            set_next_step(db, user, registration, kind=kind, due_on=due_on, now=now)
        # Written last, so that the contact and its note head the history.
        add_history(db, registration, user, outcome, now=now, note=note)
        detail = "call attempt" if outcome == NO_ANSWER else f"contact: {outcome}"
        audit.record(db, user, "changed", reference=registration.reference, detail=detail, now=now)
