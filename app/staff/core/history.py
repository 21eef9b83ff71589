"""A case's history: every change, note and call, with who made it and when."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlite_utils import Database

from app.core import clock
from app.domain.registrations.profile_versions import StaffMember
from app.staff.core.statuses import CLOSE_REASONS, STATUSES

# --------------------------------------------------------------------------------------
# One registration


class HasId(Protocol):
    """A registration (access.RegistrationRow), as far as its history goes."""

    @property
    def id(self) -> int: ...


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
    def status_label(self) -> str:
        return STATUSES.get(self.status or "", "")

    @property
    def before_value(self) -> Any:
        return json.loads(self.before) if self.before else None

    @property
    def after_value(self) -> Any:
        return json.loads(self.after) if self.after else None

    @property
    def reason_label(self) -> str:
        return CLOSE_REASONS.get(self.reason or "", "")


def history_of(db: Database, registration_id: int) -> list[HistoryEntry]:
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


def add_history(
    db: Database,
    registration: HasId,
    user: StaffMember | None,
    kind: str,
    *,
    now: datetime,
    **values: Any,
) -> None:
    values["note"] = values.get("note") or ""
    columns = ["registration_id", "at", "user_id", "kind", *values]
    db.execute(
        f"INSERT INTO registration_history ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        [registration.id, clock.iso(now), user.id if user else None, kind, *values.values()],
    )
