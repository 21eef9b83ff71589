"""A yes the person gives after sending, or takes back: to KLAPjob talking with the job
centre, and, separately, to their health answer going there too (the municipal export
reads both). The consent page tells the person they may say yes "later, when KLAPjob
calls": this records it, with who took it (the user), when and how."""

import json
from datetime import date, datetime

from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.history import add_history
from app.staff.core.users import User

CONSENT_COLUMNS = ("consent_jobcentre", "consent_health_jobcentre")


def record_consents(
    db: Database,
    user: User,
    registration: RegistrationRow,
    changes: dict[str, tuple[bool, bool]],
    *,
    how: str,
    given_on: date,
    note: str = "",
    now: datetime | None = None,
) -> None:
    """`changes`: {column: (before, after)} (ConsentRecordForm.changes)."""
    now = now or clock.now()
    with write_transaction(db):
        for column, (before, after) in changes.items():
            if column not in CONSENT_COLUMNS:
                raise ValueError(column)
            db.execute(
                f"UPDATE registrations SET {column} = ? WHERE id = ?",
                [int(after), registration.id],
            )
            add_history(
                db,
                registration,
                user,
                "consent",
                now=now,
                reason=how,
                due_on=given_on.isoformat(),
                note=note,
                field=column,
                before=json.dumps(before),
                after=json.dumps(after),
            )
            audit.record(
                db,
                user,
                "changed",
                reference=registration.reference,
                detail=f"{column}: {'yes' if after else 'no'} ({how})",
                now=now,
            )
