"""Likely duplicates: the same person registered twice (on the site and by phone, or
twice on the site). Found by the same phone, the same email, or the same name with the
same age group (the journey asks an age group, not a birth year). Only such a pair can be
merged (merges.py)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core.phone import normalise_phone
from app.domain.registrations.sending import answers_of
from app.staff.core.access import RegistrationRow, visibility
from app.staff.core.users import User

REASONS = {
    "phone": _l("Same phone number"),
    "email": _l("Same email"),
    "name": _l("Same name and age group"),
}


@dataclass
class Duplicate:
    public_id: str
    reference: str
    name: str
    submitted_at: str
    reasons: list[str]

    @property
    def reason_labels(self) -> list:
        return [REASONS[reason] for reason in self.reasons]


def comparable_phone(text: str | None) -> str | None:
    return normalise_phone(text) if text else None


def age_group_of(alias: str) -> str:
    return (
        f"(SELECT value FROM answers a WHERE a.registration_id = {alias}.id"
        " AND a.field = 'age_group')"
    )


def comparable(user: User) -> tuple[str, list[Any]]:
    """SQL for a `comparable` table (and its parameters): each registration `user` may see,
    as the rule compares people. Mail and names whatever their capitals (casefold, on every
    connection: SQLite's own lower() knows A-Z, not Æ, Ø and Å), folded once a query."""
    where, params = visibility(user)
    return (
        f"""comparable AS MATERIALIZED (
            SELECT r.id, r.phone, casefold(r.email) AS email, casefold(r.name) AS name,
                   {age_group_of("r")} AS age_group
            FROM registrations r WHERE {where})""",
        params,
    )


# The rule: how person {b} may be person {a} (rows of `comparable`, or the same columns).
RULE = {
    "phone": "({a}.phone <> '' AND {b}.phone = {a}.phone)",
    "email": "({a}.email <> '' AND {b}.email = {a}.email)",
    "name": "({a}.name <> '' AND {b}.name = {a}.name AND {b}.age_group IS {a}.age_group)",
}


def alike(a: str, b: str) -> dict[str, str]:
    return {reason: condition.format(a=a, b=b) for reason, condition in RULE.items()}


def maybe_twice() -> str:
    """SQL for a `maybe_twice` table: the id of each registration in `comparable` that
    another there looks like, by the rule (the inbox's mark; the case lists them). One join
    a way of looking alike, so that SQLite looks each one up, not every pair."""
    return " UNION ".join(
        f"SELECT me.id FROM comparable me JOIN comparable o ON {condition} AND o.id <> me.id"
        for condition in alike("me", "o").values()
    ).join(("maybe_twice(id) AS (", ")"))


def likely_duplicates(
    db: Database, user: User, answers: Mapping[str, Any], *, except_id: int | None = None
) -> list[Duplicate]:
    """The registrations `user` may see that look like the person with these answers (or
    a registration's own columns)."""
    table, params = comparable(user)
    reasons = alike("p", "o")
    person = [
        comparable_phone(answers.get("phone")),
        (answers.get("email") or "").strip() or None,
        (answers.get("name") or "").strip() or None,
        answers.get("age_group"),
    ]
    rows = db.query(
        f"""
        WITH {table},
        p(phone, email, name, age_group) AS (SELECT ?, casefold(?), casefold(?), ?)
        SELECT r.public_id, r.reference, r.name, r.submitted_at,
               {", ".join(f"{condition} AS same_{reason}" for reason, condition in reasons.items())}
        FROM comparable o JOIN registrations r ON r.id = o.id, p
        WHERE o.id IS NOT ? AND ({" OR ".join(reasons.values())})
        ORDER BY r.submitted_at
        """,
        [*params, *person, except_id],
    )
    return [
        Duplicate(
            row["public_id"],
            row["reference"],
            row["name"],
            row["submitted_at"],
            [reason for reason in reasons if row[f"same_{reason}"]],
        )
        for row in rows
    ]


def duplicates_of_case(db: Database, user: User, registration: RegistrationRow) -> list[Duplicate]:
    """The registrations `user` may see that look like this registration's person."""
    answers = {
        **answers_of(db, registration.id),
        "phone": registration.phone,
        "email": registration.email,
        "name": registration.name,
    }
    return likely_duplicates(db, user, answers, except_id=registration.id)
