"""A municipality's report kept as it was sent: its lines and counts (no person in them),
who kept it and when. Shown later as it was, each line corrected since marked with today's
count, so that a quarter Aarhus got never changes under it."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.staff.core import audit
from app.staff.core.users import User
from app.staff.reporting.data.reports import Line


@dataclass
class SentReport:
    public_id: str
    municipality: str
    first_month: str
    last_month: str
    lines: list  # [Line], as sent
    sent_by: str
    sent_at: str


def keep_as_sent(
    db: Database,
    user: User,
    municipality: str,
    first_month: str,
    last_month: str,
    report_lines: Iterable[Line],
) -> str:
    public_id = codes.new_public_id()
    kept = [line.__dict__ for line in report_lines]
    with write_transaction(db):
        db.execute(
            "INSERT INTO sent_reports (public_id, municipality_code, first_month, last_month,"
            " lines, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                public_id,
                municipality,
                first_month,
                last_month,
                json.dumps(kept),
                user.id,
                clock.now_iso(),
            ],
        )
        audit.record(
            db, user, "report_sent", detail=f"{municipality or 'alle'} {first_month}-{last_month}"
        )
    return public_id


COLUMNS = """s.public_id, s.municipality_code, s.first_month, s.last_month, s.lines,
    coalesce(u.name, '') AS sent_by, s.sent_at"""


def _sent(row: dict[str, Any]) -> SentReport:
    return SentReport(
        row["public_id"],
        row["municipality_code"],
        row["first_month"],
        row["last_month"],
        [Line(**line) for line in json.loads(row["lines"])],
        row["sent_by"],
        row["sent_at"],
    )


def sent_reports_for(
    db: Database, municipality: str, first_month: str, last_month: str
) -> list[SentReport]:
    """The reports of this municipality and period kept as sent, the newest first."""
    rows = db.query(
        f"SELECT {COLUMNS} FROM sent_reports s LEFT JOIN users u ON u.id = s.sent_by"
        " WHERE s.municipality_code = ? AND s.first_month = ? AND s.last_month = ?"
        " ORDER BY s.sent_at DESC, s.id DESC",
        [municipality, first_month, last_month],
    )
    return [_sent(row) for row in rows]


def sent_report(db: Database, public_id: str) -> SentReport | None:
    rows = db.query(
        f"SELECT {COLUMNS} FROM sent_reports s LEFT JOIN users u ON u.id = s.sent_by"
        " WHERE s.public_id = ?",
        [public_id],
    )
    return next((_sent(row) for row in rows), None)


def corrections(sent_lines: Iterable[Line], lines_now: Iterable[Line]) -> dict[str, int]:
    """{label: today's count in all} for each line whose count changed since it was sent."""
    now = {line.label: line.count() for line in lines_now}
    return {
        line.label: now.get(line.label, 0)
        for line in sent_lines
        if now.get(line.label, 0) != line.count()
    }
