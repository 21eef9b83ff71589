"""The link in the QR code of a printed job profile: a phone that scans the paper opens the
same version read aloud, the person's own voice first where they said yes.

A link is a capability: an unguessable token, of which the database keeps only the hash,
one a printed version (the person's own, or one employer's). It never names the person.
It shows what its paper shows and no more: the employer's version on an employer's paper
(only while that yes stands, the voice only with its own yes), health only where the paper
had it and the person still shows it. It ends after its days (to the end of the last
Danish day), when a newer print of the same version replaces it, when its employer's yes
is withdrawn, and with the person (ON DELETE CASCADE). Each opening is written to the
audit log by `profile_changed`, by the registration's reference only.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_versions import (
    NoEmployerYes,
    employer_profile,
    profile_changed,
    profile_of,
)
from app.domain.registrations.sending import answers_of

# 16 random bytes (128 bits), 22 signs: short enough for a small QR code on paper.
TOKEN_BYTES = 16
LONGEST_TOKEN = 64
# Whom a code is for in the data file, where it is on the person's own paper.
OWN_PAPER = "the person"


@dataclass(frozen=True)
class LinkedProfile:
    """What a link opens: the profile as its paper shows it, and what the page says."""

    registration_id: int
    profile: Profile
    reference: str  # for the audit log only, never shown
    for_employer: bool
    contact_name: str | None  # the case's consultant, else who printed it (employer's)
    made_on: date
    last_day: date


def last_day_of(made_on: date, days: int) -> date:
    return made_on + timedelta(days=days)


def make_link(
    db: Database,
    registration_id: int,
    *,
    days: int,
    with_health: bool,
    employer_yes: str | None = None,
    made_by: int | None = None,
) -> str:
    """A new link for a paper about to be printed; it replaces the one of the same version
    printed before. Returns the token (the database keeps only its hash)."""
    token = codes.new_token(TOKEN_BYTES)
    now = clock.now()
    ends = clock.start_of_danish_day(last_day_of(clock.today(), days) + timedelta(days=1))
    with write_transaction(db):
        consent_id = consent_of(db, registration_id, employer_yes) if employer_yes else None
        db.execute(
            "DELETE FROM profile_links WHERE registration_id = ?"
            " AND coalesce(employer_consent_id, 0) = ?",
            [registration_id, consent_id or 0],
        )
        forget_ended_links(db, now)
        db.execute(
            "INSERT INTO profile_links (token_hash, registration_id, employer_consent_id,"
            " with_health, made_by, made_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                codes.token_hash(token),
                registration_id,
                consent_id,
                int(with_health),
                made_by,
                clock.iso(now),
                clock.iso(ends),
            ],
        )
    return token


def consent_of(db: Database, registration_id: int, public_id: str) -> int:
    [row] = db.query(
        "SELECT id FROM employer_consents WHERE registration_id = ? AND public_id = ?",
        [registration_id, public_id],
    )
    return int(row["id"])


def forget_ended_links(db: Database, now: datetime | None = None) -> int:
    """Links past their end: nothing opens them, so nothing keeps them."""
    moment = clock.iso(now or clock.now())
    with write_transaction(db):
        return db.execute("DELETE FROM profile_links WHERE ends_at <= ?", [moment]).rowcount


def links_export(db: Database, registration_id: int) -> list[dict[str, Any]]:
    """The codes on the person's papers that still open their profile (the access export):
    for whom, made when, the last day, and whether health shows; never the token."""
    rows = db.query(
        "SELECT l.made_at, l.ends_at, l.with_health, c.employer FROM profile_links l"
        " LEFT JOIN employer_consents c ON c.id = l.employer_consent_id"
        " WHERE l.registration_id = ? AND l.ends_at > ? ORDER BY l.made_at, l.id",
        [registration_id, clock.now_iso()],
    )
    return [
        {
            "for": row["employer"] or OWN_PAPER,
            "made_at": row["made_at"],
            "last_day": (clock.day_in_denmark(row["ends_at"]) - timedelta(days=1)).isoformat(),
            "health_shown": bool(row["with_health"]),
        }
        for row in rows
    ]


LINK_QUERY = """
    SELECT l.registration_id, l.with_health, l.made_at, l.ends_at, r.reference,
           c.public_id AS employer_yes, coalesce(u.name, m.name) AS contact_name
    FROM profile_links l
    JOIN registrations r ON r.id = l.registration_id
    LEFT JOIN employer_consents c ON c.id = l.employer_consent_id
    LEFT JOIN users u ON u.id = r.consultant_id
    LEFT JOIN users m ON m.id = l.made_by
    WHERE l.token_hash = ?
"""


def linked_profile(db: Database, token: str) -> LinkedProfile | None:
    """The profile a link opens now, or None: an unknown or ended link, a withdrawn yes."""
    if not token or len(token) > LONGEST_TOKEN:
        return None
    found = list(db.query(LINK_QUERY, [codes.token_hash(token)]))
    if not found or datetime.fromisoformat(found[0]["ends_at"]) <= clock.now():
        return None
    row = found[0]
    registration_id = row["registration_id"]
    answers = answers_of(db, registration_id)
    if row["employer_yes"]:
        try:
            profile, _yes = employer_profile(db, registration_id, answers, row["employer_yes"])
        except NoEmployerYes:
            return None
    else:
        health = bool(row["with_health"])  # and the person's yes now (profile_of)
        profile = profile_of(db, registration_id, answers, health_allowed=health)
    return LinkedProfile(
        registration_id=registration_id,
        profile=profile,
        reference=row["reference"],
        for_employer=bool(row["employer_yes"]),
        contact_name=row["contact_name"],
        made_on=clock.day_in_denmark(row["made_at"]),
        last_day=clock.day_in_denmark(row["ends_at"]) - timedelta(days=1),
    )


def record_opening(db: Database, linked: LinkedProfile) -> None:
    """The audit log hears that a printed code was opened, and which kind of version."""
    detail = "employer's version" if linked.for_employer else "own version"
    with write_transaction(db):
        profile_changed.send(
            "opened_profile_link", db=db, user=None, reference=linked.reference, detail=detail
        )
