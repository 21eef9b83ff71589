"""Which municipalities have an agreement with KLAPjob, and which consultant covers each."""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from app.core.db import write_transaction
from app.domain.municipalities import MUNICIPALITIES, municipalities_by_name


@dataclass
class Coverage:
    code: str
    name: str
    has_agreement: bool
    consultant_id: int | None
    consultant_name: str | None


def all_coverage(db: Database) -> list[Coverage]:
    """Every one of the 98 municipalities, in Danish alphabetical order."""
    rows = {
        row["code"]: row
        for row in db.query(
            """
            SELECT m.code, m.has_agreement, m.consultant_id, u.name AS consultant_name
            FROM municipality_agreements m LEFT JOIN users u ON u.id = m.consultant_id
            """
        )
    }
    coverage = []
    for code, name in municipalities_by_name():
        row = rows.get(code, {})
        coverage.append(
            Coverage(
                code,
                name,
                bool(row.get("has_agreement")),
                row.get("consultant_id"),
                row.get("consultant_name"),
            )
        )
    return coverage


def save_coverage(db: Database, choices: Mapping[str, tuple[bool, int | None]]) -> None:
    """`choices`: code -> (has_agreement, consultant_id or None), for known codes only."""
    with write_transaction(db):
        for code, (has_agreement, consultant_id) in choices.items():
            if code not in MUNICIPALITIES:
                raise ValueError(code)
            db.execute(
                """
                INSERT INTO municipality_agreements (code, has_agreement, consultant_id)
                VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET
                    has_agreement = excluded.has_agreement,
                    consultant_id = excluded.consultant_id
                """,
                [code, int(has_agreement), consultant_id],
            )


def covering_consultant_id(db: Database, code: str) -> int | None:
    """The active consultant who covers municipality `code`, or None."""
    rows = list(
        db.query(
            """
            SELECT u.id FROM municipality_agreements m JOIN users u ON u.id = m.consultant_id
            WHERE m.code = ? AND u.active = 1
            """,
            [code],
        )
    )
    return rows[0]["id"] if rows else None


def has_agreement(db: Database, code: str) -> bool:
    rows = list(
        db.query("SELECT has_agreement FROM municipality_agreements WHERE code = ?", [code])
    )
    return bool(rows and rows[0]["has_agreement"])
