"""The team's caseload: how many open cases each consultant has, by where they are, and how
many nobody has yet. Counts only, no person in them: every consultant may see them, to
cover for each other and give a case to the one with room."""

from dataclasses import dataclass, field

from app.staff.core.statuses import STATUSES
from app.staff.core.users import active_consultants

# (status, its label) of every open status, in the order a case goes.
OPEN_STATUSES = tuple((status, label) for status, label in STATUSES.items() if status != "closed")


@dataclass
class Caseload:
    name: str
    counts: dict = field(default_factory=dict)  # status -> open cases

    @property
    def open(self):
        return sum(self.counts.values())


def team_caseload(db):
    """One Caseload a consultant (by name), then the cases nobody has yet (name None)."""
    counted = {}
    for row in db.query(
        "SELECT consultant_id, status, count(*) AS n FROM registrations"
        " WHERE status != 'closed' GROUP BY consultant_id, status"
    ):
        counted.setdefault(row["consultant_id"], {})[row["status"]] = row["n"]
    team = [
        Caseload(user.name, counted.get(user.id, {}))
        for user in sorted(active_consultants(db), key=lambda user: user.name)
    ]
    return [*team, Caseload(None, counted.get(None, {}))]
