"""Teams: consultants who cover for each other (a region, say). What a team may see is
access.py's rule; here an admin puts a person in a team by its name, and a team nobody is
in any more is gone."""

from sqlite_utils import Database

from app.core.db import write_transaction


def team_names(db: Database) -> list[str]:
    return [row["name"] for row in db.query("SELECT name FROM teams ORDER BY name")]


def put_in_team(db: Database, user_id: int, name: str) -> None:
    """Put the user in the team called `name` (made if there is none; "midt" is "Midt"),
    or in no team when `name` is empty."""
    name = " ".join(name.split())
    with write_transaction(db):
        team_id = _team_called(db, name) if name else None
        db.execute("UPDATE users SET team_id = ? WHERE id = ?", [team_id, user_id])
        db.execute(
            "DELETE FROM teams WHERE id NOT IN (SELECT team_id FROM users"
            " WHERE team_id IS NOT NULL)"
        )


def _team_called(db: Database, name: str) -> int:
    for row in db.query("SELECT id, name FROM teams"):
        if row["name"].casefold() == name.casefold():
            return int(row["id"])
    made = db.execute("INSERT INTO teams (name) VALUES (?)", [name]).lastrowid
    assert made is not None  # an INSERT's row
    return made
