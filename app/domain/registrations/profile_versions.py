"""The job profile's versions, and the person's yes to showing it to an employer.

Every change makes a new version (nothing is overwritten): the person choosing to show
their health on it, or their own voice (where they said an answer), or a consultant
adding with the person what a meeting or a praktik taught. Each version says who made it
(a staff member, or the person on the site) and when. The audit log hears of each
through `profile_changed`, sent inside the transaction that stores the change, so the
change and its entry stand or fall together.

An employer's version is made only while a yes stands that names that employer and the
day the person said it; a withdrawn yes stops it. It plays the person's voice only with
its own yes to that, and while their yes to their voice on the profile stands; it shows
their photo only with its own yes to that, and while the photo is on their profile.
"""

from dataclasses import dataclass, replace
from typing import Any, Protocol

from blinker import Namespace
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.domain.questions.model import Answers
from app.domain.registrations.profile import Additions, Profile, build_profile, can_show_health
from app.domain.registrations.profile_voice import voices_on_profile

signals = Namespace()
# sender: the action ("profile_changed", "employer_yes", "employer_yes_withdrawn");
# kwargs: db, user (None: the person), reference, detail (never a personal value).
profile_changed = signals.signal("profile-changed")


class StaffMember(Protocol):
    """Who made a change in the back office (a user of app/staff/core/users.py)."""

    @property
    def id(self) -> int: ...


@dataclass(frozen=True)
class Version:
    number: int
    made_at: str
    made_by: int | None  # a staff member's id; None: the person on the site
    made_by_name: str | None
    include_health: bool
    additions: Additions
    include_voice: bool = False

    @property
    def choices(self) -> tuple[bool, bool, Additions]:
        return (self.include_health, self.include_voice, self.additions)


@dataclass(frozen=True)
class EmployerYes:
    public_id: str
    employer: str
    agreed_on: str  # the day the person said yes (ISO date)
    recorded_at: str
    recorded_by_name: str | None
    withdrawn_at: str | None
    with_voice: bool = False  # the person's own yes to their voice on this version
    with_photo: bool = False  # the person's own yes to their photo on this version

    @property
    def stands(self) -> bool:
        return self.withdrawn_at is None


FIRST = Version(0, "", None, None, False, Additions())

VERSION_COLUMNS = """
    v.number, v.made_at, v.made_by, u.name AS made_by_name, v.include_health,
    v.good_at, v.went_well, v.was_hard, v.accommodations, v.include_voice
"""


def version_from_row(row: dict[str, Any]) -> Version:
    additions = Additions(row["good_at"], row["went_well"], row["was_hard"], row["accommodations"])
    return Version(
        row["number"],
        row["made_at"],
        row["made_by"],
        row["made_by_name"],
        bool(row["include_health"]),
        additions,
        bool(row["include_voice"]),
    )


def versions(db: Database, registration_id: int) -> list[Version]:
    """Every version, oldest first (none until the first change: version 0 is the answers)."""
    return [
        version_from_row(row)
        for row in db.query(
            f"SELECT {VERSION_COLUMNS} FROM profile_versions v "
            "LEFT JOIN users u ON u.id = v.made_by WHERE v.registration_id = ? ORDER BY v.number",
            [registration_id],
        )
    ]


def latest_version(db: Database, registration_id: int) -> Version:
    found = versions(db, registration_id)
    return found[-1] if found else FIRST


def reference_of(db: Database, registration_id: int) -> str:
    return next(db.query("SELECT reference FROM registrations WHERE id = ?", [registration_id]))[
        "reference"
    ]


def save_version(
    db: Database,
    registration_id: int,
    *,
    user: StaffMember | None = None,
    include_health: bool | None = None,
    additions: Additions | None = None,
    include_voice: bool | None = None,
) -> int | None:
    """A new version from the latest, with what changed. `user`: the staff member (an
    object with `.id`), or None for the person on the site. Returns the new version's
    number, or None when nothing changed."""
    with write_transaction(db):
        latest = latest_version(db, registration_id)
        new = replace(
            latest,
            include_health=latest.include_health if include_health is None else include_health,
            additions=latest.additions if additions is None else additions,
            include_voice=latest.include_voice if include_voice is None else include_voice,
        )
        if new.choices == latest.choices:
            return None
        number = latest.number + 1
        db.execute(
            "INSERT INTO profile_versions (registration_id, number, made_at, made_by, "
            "include_health, good_at, went_well, was_hard, accommodations, include_voice) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                registration_id,
                number,
                clock.now_iso(),
                user.id if user else None,
                int(new.include_health),
                new.additions.good_at,
                new.additions.went_well,
                new.additions.was_hard,
                new.additions.accommodations,
                int(new.include_voice),
            ],
        )
        profile_changed.send(
            "profile_changed",
            db=db,
            user=user,
            reference=reference_of(db, registration_id),
            detail=f"version {number}",
        )
    return number


def record_health_choice(db: Database, registration_id: int, show: bool) -> None:
    """The person's own choice to show their health on the profile."""
    record_own_choice(db, registration_id, include_health=show)


def record_voice_choice(db: Database, registration_id: int, use: bool) -> None:
    """The person's own choice to let their recorded voice play on the profile."""
    record_own_choice(db, registration_id, include_voice=use)


def record_own_choice(
    db: Database,
    registration_id: int,
    *,
    include_health: bool | None = None,
    include_voice: bool | None = None,
) -> None:
    """A choice the person makes on the site. One that goes back to what the version
    before said takes back the person's own last version (one their choice alone made)
    instead of adding one: changing their mind leaves no trail of versions. A version a
    consultant made is never taken back."""
    with write_transaction(db):
        found = versions(db, registration_id)
        latest = found[-1] if found else FIRST
        wanted = replace(
            latest,
            include_health=latest.include_health if include_health is None else include_health,
            include_voice=latest.include_voice if include_voice is None else include_voice,
        )
        if wanted.choices == latest.choices:
            return
        before = found[-2] if len(found) > 1 else FIRST
        went_back = before.choices == wanted.choices
        if latest.number and latest.made_by is None and went_back:
            db.execute(
                "DELETE FROM profile_versions WHERE registration_id = ? AND number = ?",
                [registration_id, latest.number],
            )
            profile_changed.send(
                "profile_choice_taken_back",
                db=db,
                user=None,
                reference=reference_of(db, registration_id),
                detail=f"version {latest.number}",
            )
            return
        save_version(
            db, registration_id, include_health=include_health, include_voice=include_voice
        )


def profile_of(
    db: Database, registration_id: int, answers: Answers, *, health_allowed: bool = True
) -> Profile:
    """The profile as the person sees it now: the answers and the latest version. Without
    `health_allowed` (a reader who has not asked to see it) health stays off, whatever
    the person chose."""
    latest = latest_version(db, registration_id)
    include_health = latest.include_health and health_allowed
    voices = voices_on_profile(db, registration_id) if latest.include_voice else {}
    profile = build_profile(answers, latest.additions, include_health=include_health, voices=voices)
    return replace(profile, photo=photo_on_file(db, registration_id))


def photo_on_file(db: Database, registration_id: int) -> str:
    """The public id of the photo the person put on their profile; "" without one."""
    rows = list(
        db.query(
            "SELECT public_id FROM profile_photos WHERE registration_id = ?", [registration_id]
        )
    )
    return rows[0]["public_id"] if rows else ""


def health_chosen(db: Database, registration_id: int, answers: Answers) -> bool:
    """The person chose to show their health on the profile, and there is health to show."""
    return latest_version(db, registration_id).include_health and can_show_health(answers)


def record_employer_yes(
    db: Database,
    registration_id: int,
    *,
    user: StaffMember,
    employer: str,
    agreed_on: str,
    with_voice: bool = False,
    with_photo: bool = False,
) -> str:
    """The person said yes, on `agreed_on`, to showing their profile to `employer`; with
    `with_voice`, also to their own voice on it; with `with_photo`, to their photo."""
    public_id = codes.new_public_id(12)
    with write_transaction(db):
        db.execute(
            "INSERT INTO employer_consents (public_id, registration_id, employer, agreed_on, "
            "recorded_at, recorded_by, with_voice, with_photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [public_id, registration_id, employer, agreed_on, clock.now_iso(), user.id]
            + [int(with_voice), int(with_photo)],
        )
        also = [word for word, yes in (("voice", with_voice), ("photo", with_photo)) if yes]
        profile_changed.send(
            "employer_yes",
            db=db,
            user=user,
            reference=reference_of(db, registration_id),
            detail=f"agreed on {agreed_on}" + "".join(f", with {word}" for word in also),
        )
    return public_id


def withdraw_employer_yes(
    db: Database, registration_id: int, public_id: str, *, user: StaffMember
) -> bool:
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE employer_consents SET withdrawn_at = ?, withdrawn_by = ? "
            "WHERE registration_id = ? AND public_id = ? AND withdrawn_at IS NULL",
            [clock.now_iso(), user.id, registration_id, public_id],
        )
        if cursor.rowcount:
            profile_changed.send(
                "employer_yes_withdrawn",
                db=db,
                user=user,
                reference=reference_of(db, registration_id),
                detail="",
            )
    return bool(cursor.rowcount)


def employer_yeses(db: Database, registration_id: int) -> list[EmployerYes]:
    return [
        EmployerYes(
            **{**row, "with_voice": bool(row["with_voice"]), "with_photo": bool(row["with_photo"])}
        )
        for row in db.query(
            "SELECT c.public_id, c.employer, c.agreed_on, c.recorded_at, "
            "u.name AS recorded_by_name, c.withdrawn_at, c.with_voice, c.with_photo "
            "FROM employer_consents c "
            "LEFT JOIN users u ON u.id = c.recorded_by WHERE c.registration_id = ? "
            "ORDER BY c.recorded_at, c.id",
            [registration_id],
        )
    ]


class NoEmployerYes(Exception):
    """No yes stands for that employer: no employer's version is made."""


def employer_profile(
    db: Database, registration_id: int, answers: Answers, public_id: str
) -> tuple[Profile, EmployerYes]:
    """The version for the employer a standing yes names: no health, no contact details;
    the person's voice only with both yeses (this version's, and the profile's); their
    photo only with this version's yes to it (the photo on the profile is their own yes)."""
    found = [y for y in employer_yeses(db, registration_id) if y.public_id == public_id]
    if not found or not found[0].stands:
        raise NoEmployerYes(public_id)
    yes, latest = found[0], latest_version(db, registration_id)
    heard = yes.with_voice and latest.include_voice
    voices = voices_on_profile(db, registration_id) if heard else {}
    profile = build_profile(answers, latest.additions, for_employer=yes.employer, voices=voices)
    photo = photo_on_file(db, registration_id) if yes.with_photo else ""
    return replace(profile, photo=photo), yes
