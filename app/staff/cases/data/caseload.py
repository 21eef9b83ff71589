"""The team's caseload: how many open cases each consultant has, by where they are, and how
many nobody has yet. Counts only, no person in them: every consultant may see them, to
cover for each other and give a case to the one with room."""

from dataclasses import dataclass, field

from sqlite_utils import Database

from app.staff.core.access import COVERED_MUNICIPALITIES
from app.staff.core.statuses import STATUSES
from app.staff.core.users import active_consultants

# (status, its label) of every open status, in the order a case goes.
OPEN_STATUSES = tuple((status, label) for status, label in STATUSES.items() if status != "closed")


@dataclass
class Caseload:
    name: str  # the consultant's, or "" for a kind of nobody
    counts: dict[str, int] = field(default_factory=dict)  # status -> open cases
    nobody: str = ""  # NOBODY_YET or NOBODY_COVERS

    @property
    def open(self) -> int:
        return sum(self.counts.values())


NOBODY_YET = "nobody yet"  # in a municipality a consultant covers: theirs to pick up
NOBODY_COVERS = "nobody covers"  # "Ved ikke", or no consultant covers it: the admin's to give

# Who has each open case: its consultant, or which of the two kinds of nobody.
HOLDER = f"""
    CASE WHEN consultant_id IS NOT NULL THEN consultant_id
         WHEN municipality_code IN {COVERED_MUNICIPALITIES} THEN '{NOBODY_YET}'
         ELSE '{NOBODY_COVERS}' END
"""


def team_caseload(db: Database) -> list[Caseload]:
    """One Caseload a consultant (by name), then the cases nobody has yet in a municipality
    someone covers, then those in a municipality nobody covers."""
    counted: dict[int | str, dict[str, int]] = {}
    for row in db.query(
        f"SELECT {HOLDER} AS holder, status, count(*) AS n FROM registrations"
        " WHERE status != 'closed' GROUP BY holder, status"
    ):
        counted.setdefault(row["holder"], {})[row["status"]] = row["n"]
    team = [
        Caseload(user.name, counted.get(user.id, {}))
        for user in sorted(active_consultants(db), key=lambda user: user.name)
    ]
    nobody = [Caseload("", counted.get(kind, {}), kind) for kind in (NOBODY_YET, NOBODY_COVERS)]
    return [*team, *nobody]
