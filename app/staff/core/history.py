"""A case's history: every change, note and call, with who made it and when."""

import json
from dataclasses import dataclass

from app.core import clock
from app.staff.core.statuses import CLOSE_REASONS, STATUSES

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
    # A correction: what was changed (an answer's name, a yes, a placement), and what it
    # was before and after (JSON, see corrections.py).
    field: str | None = None
    before: str | None = None
    after: str | None = None

    @property
    def status_label(self):
        return STATUSES.get(self.status or "", "")

    @property
    def before_value(self):
        return json.loads(self.before) if self.before else None

    @property
    def after_value(self):
        return json.loads(self.after) if self.after else None

    @property
    def reason_label(self):
        return CLOSE_REASONS.get(self.reason or "", "")


def history_of(db, registration_id):
    rows = db.query(
        """
        SELECT h.at, u.name AS user_name, h.kind, h.status, h.reason, h.due_on,
               a.name AS assignee_name, h.note, h.field, h.before, h.after
        FROM registration_history h
        LEFT JOIN users u ON u.id = h.user_id
        LEFT JOIN users a ON a.id = h.assignee_id
        WHERE h.registration_id = ? ORDER BY h.at DESC, h.id DESC
        """,
        [registration_id],
    )
    return [HistoryEntry(**row) for row in rows]


def add_history(db, registration, user, kind, *, now, **values):
    values["note"] = values.get("note") or ""
    columns = ["registration_id", "at", "user_id", "kind", *values]
    db.execute(
        f"INSERT INTO registration_history ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        [registration.id, clock.iso(now), user.id if user else None, kind, *values.values()],
    )
