"""A person's answers put right after sending: a phone number misheard, a name spelled
wrong, the municipality the person did not know. Each answer that changes is one line in
the case's history (who, when, before and after) and one audit entry naming only the
question; the copies kept as columns (for the inbox and the search) follow, and so do the
monthly figures when the municipality changes.

A health answer is corrected only where KLAPjob keeps health (the person's yes); who may
read it before and after is health.py's rule, on the page that shows it."""

import json
from datetime import datetime

from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.domain.municipalities import known_municipality_code
from app.domain.questions.flow import answers_to_send
from app.domain.questions.model import Answers, Step
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.registrations.sending import answers_of, insert_answers
from app.staff.cases.data.figures_of_a_case import move_figures
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.history import add_history
from app.staff.core.users import User

# The answers kept as columns too: (column, how the answer becomes the column's value).
COPIES = {
    "name": ("name", lambda v: v),
    "filled_by": ("filled_by", lambda v: v),
    "contact_method": ("contact_method", lambda v: v),
    "phone": ("phone", lambda v: v or None),
    "email": ("email", lambda v: v or None),
    "municipality": ("municipality_code", known_municipality_code),
    "ambassador": ("wants_ambassador", lambda v: v or None),
}


def may_correct(registration: RegistrationRow, step: Step) -> bool | int:
    """Health is corrected only where the person said yes to KLAPjob keeping it."""
    return registration.consent_health or not any(spec.sensitive for spec in step.fields)


def correct_answers(
    db: Database,
    user: User,
    registration: RegistrationRow,
    typed: Answers,
    *,
    now: datetime | None = None,
) -> list[str]:
    """Store `typed` ({name: answer}, one step's checked answers) in place of what the case
    holds. Answers to questions no longer asked go (answers_to_send). Returns the names
    of the answers that changed."""
    now = now or clock.now()
    with write_transaction(db):
        before = answers_of(db, registration.id)
        after = answers_to_send({**before, **typed})
        if not registration.consent_health:
            after = {k: v for k, v in after.items() if not FIELDS_BY_NAME[k].sensitive}
        changed = sorted(
            name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
        )
        if not changed:
            return []
        db.execute(
            f"DELETE FROM answers WHERE registration_id = ? AND field IN "
            f"({', '.join('?' for _ in changed)})",
            [registration.id, *changed],
        )
        insert_answers(db, registration.id, {k: after[k] for k in changed if k in after})
        for name in changed:
            if name in COPIES:
                column, value_of = COPIES[name]
                db.execute(
                    f"UPDATE registrations SET {column} = ? WHERE id = ?",
                    [value_of(after.get(name, "")), registration.id],
                )
            add_history(
                db,
                registration,
                user,
                "corrected",
                now=now,
                field=name,
                before=json.dumps(before.get(name, ""), ensure_ascii=False),
                after=json.dumps(after.get(name, ""), ensure_ascii=False),
            )
            audit.record(
                db,
                user,
                "changed",
                reference=registration.reference,
                detail=f"corrected: {name}",
                now=now,
            )
        if "municipality" in changed:
            move_figures(
                db,
                registration.id,
                known_municipality_code(before.get("municipality", "")),
                known_municipality_code(after.get("municipality", "")),
            )
    return changed
