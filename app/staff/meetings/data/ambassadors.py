"""KLAPjob's ambassadors (contacts staff keep) and the people who asked to talk with one."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.domain.municipalities import municipality_name
from app.domain.questions.choices import WORK
from app.staff.core.access import RegistrationRow, visibility
from app.staff.core.history import add_history
from app.staff.core.users import User

# "Would you like to talk with an ambassador?" Yes, or maybe: both are worth a call.
WANTS_AMBASSADOR = ("yes", "dont_know")

# The lines of work an ambassador can know: the work question's choices, less the
# "something else" and "don't know" answers that name no line of work.
LINES_OF_WORK = {c.value: c.label for c in WORK if c.value not in ("other", "dont_know")}

AMBASSADOR_COLUMNS = (
    "id, public_id, name, phone, email, municipality_code, note, active, line_of_work"
)


@dataclass
class Ambassador:
    id: int
    public_id: str
    name: str
    phone: str
    email: str
    municipality_code: str
    note: str
    active: int
    line_of_work: str = ""
    open_cases: int = 0
    # Set by ranked_for(): shared with the person being matched.
    same_municipality: bool = False
    same_line_of_work: bool = False

    @property
    def municipality(self) -> str:
        return municipality_name(self.municipality_code) or ""

    @property
    def line_of_work_label(self) -> str:
        return LINES_OF_WORK.get(self.line_of_work, "")


@dataclass
class AmbassadorRequest:
    public_id: str
    reference: str
    name: str
    municipality_code: str
    wants_ambassador: str
    submitted_at: str
    ambassador_name: str | None
    matched_at: str | None
    talked_on: str | None

    @property
    def municipality(self) -> str:
        return municipality_name(self.municipality_code) or ""


def add_ambassador(
    db: Database,
    *,
    name: str,
    phone: str = "",
    email: str = "",
    municipality_code: str = "",
    note: str = "",
    line_of_work: str = "",
) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO ambassadors (public_id, name, phone, email, municipality_code, note,"
            " line_of_work, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                codes.new_public_id(),
                name,
                phone,
                email,
                municipality_code,
                note,
                line_of_work,
                clock.iso(clock.now()),
            ],
        )


def update_ambassador(
    db: Database,
    ambassador: Ambassador,
    *,
    name: str,
    phone: str,
    email: str,
    municipality_code: str,
    note: str,
    line_of_work: str,
) -> None:
    with write_transaction(db):
        db.execute(
            "UPDATE ambassadors SET name = ?, phone = ?, email = ?, municipality_code = ?,"
            " note = ?, line_of_work = ? WHERE id = ?",
            [name, phone, email, municipality_code, note, line_of_work, ambassador.id],
        )


# How many open cases each ambassador is matched to: their current load.
OPEN_CASES = """(SELECT count(*) FROM ambassador_matches m
                 JOIN registrations r ON r.id = m.registration_id
                 WHERE m.ambassador_id = ambassadors.id AND r.status != 'closed') AS open_cases"""


def ambassadors(db: Database, *, only_active: bool = True) -> list:
    where = "WHERE active = 1" if only_active else ""
    rows = db.query(
        f"SELECT {AMBASSADOR_COLUMNS}, {OPEN_CASES} FROM ambassadors {where} ORDER BY name"
    )
    return [Ambassador(**row) for row in rows]


def ambassador_by_public_id(db: Database, public_id: str) -> Ambassador | None:
    rows = list(
        db.query(f"SELECT {AMBASSADOR_COLUMNS} FROM ambassadors WHERE public_id = ?", [public_id])
    )
    return Ambassador(**rows[0]) if rows else None


def ranked_for(
    available: list[Ambassador], municipality_code: str, work_wishes: Collection[str]
) -> list[Ambassador]:
    """The match list for one person: ambassadors in the same municipality and the same
    line of work first, then either one, then the rest; the least busy first in each."""
    for ambassador in available:
        ambassador.same_municipality = (
            bool(municipality_code) and ambassador.municipality_code == municipality_code
        )
        ambassador.same_line_of_work = (
            bool(ambassador.line_of_work) and ambassador.line_of_work in work_wishes
        )

    def rank(ambassador: Ambassador) -> tuple[int, bool, int, str]:
        shared = ambassador.same_municipality + ambassador.same_line_of_work
        return (-shared, not ambassador.same_municipality, ambassador.open_cases, ambassador.name)

    return sorted(available, key=rank)


def set_ambassador_active(db: Database, ambassador: Ambassador, active: bool) -> None:
    with write_transaction(db):
        db.execute("UPDATE ambassadors SET active = ? WHERE id = ?", [int(active), ambassador.id])


def ambassador_requests(db: Database, user: User) -> list:
    """People who asked to talk with an ambassador, the ones not yet matched first."""
    where, params = visibility(user)
    rows = db.query(
        f"""
        SELECT r.public_id, r.reference, r.name, r.municipality_code, r.wants_ambassador,
               r.submitted_at, a.name AS ambassador_name, m.matched_at, m.talked_on
        FROM registrations r
        LEFT JOIN ambassador_matches m ON m.registration_id = r.id
        LEFT JOIN ambassadors a ON a.id = m.ambassador_id
        WHERE r.wants_ambassador IN (?, ?) AND r.status != 'closed' AND {where}
        ORDER BY m.matched_at IS NOT NULL, m.talked_on IS NOT NULL, r.submitted_at
        """,
        [*WANTS_AMBASSADOR, *params],
    )
    return [AmbassadorRequest(**row) for row in rows]


def match_of(db: Database, registration_id: int) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT a.name, a.phone, a.email, m.matched_at, m.talked_on, m.note"
            " FROM ambassador_matches m JOIN ambassadors a ON a.id = m.ambassador_id"
            " WHERE m.registration_id = ?",
            [registration_id],
        )
    )
    return rows[0] if rows else None


def match(
    db: Database,
    user: User,
    registration: RegistrationRow,
    ambassador: Ambassador,
    *,
    note: str = "",
) -> None:
    now = clock.now()
    with write_transaction(db):
        db.execute(
            """
            INSERT INTO ambassador_matches (registration_id, ambassador_id, matched_by,
                                            matched_at, note)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (registration_id) DO UPDATE SET
                ambassador_id = excluded.ambassador_id, matched_by = excluded.matched_by,
                matched_at = excluded.matched_at, talked_on = NULL, note = excluded.note
            """,
            [registration.id, ambassador.id, user.id, clock.iso(now), note],
        )
        add_history(
            db, registration, user, "ambassador", now=now, note=f"{ambassador.name}. {note}".strip()
        )


def record_talk(db: Database, user: User, registration: RegistrationRow, day: date) -> None:
    now = clock.now()
    with write_transaction(db):
        db.execute(
            "UPDATE ambassador_matches SET talked_on = ? WHERE registration_id = ?",
            [day.isoformat(), registration.id],
        )
        add_history(db, registration, user, "ambassador_talked", now=now, note=day.isoformat())
