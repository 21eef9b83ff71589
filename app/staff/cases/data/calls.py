"""Calling people back: taking a case, and a call nobody answered.

"Ringet, intet svar" is not a contact: the case stays as it was (still new, still late if
the promised day has passed), only the attempt is counted and kept in the history.
"""

from app.core import clock
from app.core.db import write_transaction
from app.staff.cases.data.changes import assign
from app.staff.core import audit
from app.staff.core.history import add_history

NO_ANSWER = "no_answer"


def take(db, user, registration, *, now=None):
    """ "Jeg tager den": the case becomes this user's."""
    assign(db, user, registration, user.id, now=now)


def record_no_answer(db, user, registration, *, note="", now=None):
    """A call that nobody answered: counted, and the case stays open as it was."""
    now = now or clock.now()
    with write_transaction(db):
        add_history(db, registration, user, NO_ANSWER, now=now, note=note)
        audit.record(
            db, user, "changed", reference=registration.reference, detail="call attempt", now=now
        )
