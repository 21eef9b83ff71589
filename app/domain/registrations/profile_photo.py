"""The photo on the person's job profile: only one they chose to put there themselves.

Sending it is their yes; "Remove the photo" takes it back, and another photo takes its
place. It is kept as app.core.photos makes it (small, upright, a fresh JPEG without
metadata), only in the database, with the registration: gone with the person's deletion
and by the purge. It is shown on the profile and its paper; on an employer's version only
with that version's own yes (profile_versions.employer_profile); never in a mail. The
audit log hears of each photo added or removed (never anything of the photo).
"""

import base64
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import forget_deleted, write_transaction
from app.core.photos import MIME_TYPE, NotAPhoto, clean_photo
from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_versions import profile_changed, reference_of

KB = 1024


class Refused(Exception):
    """A photo that is not kept. `reason`: "not_image" or "too_big"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ProfilePhoto:
    public_id: str
    width: int
    height: int


def photo_bytes_limit() -> int:
    """The biggest file a photo may be, as sent (KLAPJOB_PHOTO_KB)."""
    return int(current_app.config["PHOTO_KB"]) * KB


def keep_photo(db: Database, registration_id: int, data: bytes) -> ProfilePhoto:
    """Make `data` the profile's photo, in place of one it had; Refused when it is too big
    or no photo. The size is checked first: nothing bigger is read at all."""
    if len(data) > photo_bytes_limit():
        raise Refused("too_big")
    try:
        photo = clean_photo(data)
    except NotAPhoto as error:
        raise Refused(error.reason) from error
    public_id = codes.new_public_id()
    with write_transaction(db):
        replaced = db.execute(
            "DELETE FROM profile_photos WHERE registration_id = ?", [registration_id]
        ).rowcount
        db.execute(
            "INSERT INTO profile_photos (public_id, registration_id, width, height, size, image,"
            " added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [public_id, registration_id, photo.width, photo.height, len(photo.data), photo.data]
            + [clock.now_iso()],
        )
        profile_changed.send(
            "profile_photo_added",
            db=db,
            user=None,
            reference=reference_of(db, registration_id),
            detail="",
        )
    if replaced:
        forget_deleted(db)
    return ProfilePhoto(public_id, photo.width, photo.height)


def remove_photo(db: Database, registration_id: int) -> bool:
    """The person takes their photo off the profile: it is deleted."""
    with write_transaction(db):
        cursor = db.execute(
            "DELETE FROM profile_photos WHERE registration_id = ?", [registration_id]
        )
        if cursor.rowcount:
            profile_changed.send(
                "profile_photo_removed",
                db=db,
                user=None,
                reference=reference_of(db, registration_id),
                detail="",
            )
    if cursor.rowcount:
        forget_deleted(db)
    return bool(cursor.rowcount)


def photo_of(db: Database, registration_id: int) -> ProfilePhoto | None:
    rows = list(
        db.query(
            "SELECT public_id, width, height FROM profile_photos WHERE registration_id = ?",
            [registration_id],
        )
    )
    return ProfilePhoto(**rows[0]) if rows else None


def photo_image(db: Database, registration_id: int, public_id: str) -> bytes | None:
    """The JPEG of this registration's photo by its public id; None for any other."""
    rows = list(
        db.query(
            "SELECT image FROM profile_photos WHERE registration_id = ? AND public_id = ?",
            [registration_id, public_id],
        )
    )
    return rows[0]["image"] if rows else None


def photo_on_profile(profile: Profile, public_id: str) -> bool:
    """The photo is on this profile (as built for its reader): the only way to it."""
    return bool(public_id) and profile.photo == public_id


def photo_for_paper(db: Database, registration_id: int, profile: Profile) -> bytes | None:
    """The JPEG to print on `profile`'s paper, when the profile as built has the photo."""
    if not profile.photo:
        return None
    return photo_image(db, registration_id, profile.photo)


def photo_export(db: Database, registration_id: int) -> dict[str, Any] | None:
    """The photo in the person's data file (GDPR art. 15): when, its size, and itself."""
    rows = list(
        db.query(
            "SELECT width, height, size, added_at, image FROM profile_photos"
            " WHERE registration_id = ?",
            [registration_id],
        )
    )
    if not rows:
        return None
    row = rows[0]
    return {
        "added_at": row["added_at"],
        "type": MIME_TYPE,
        "width": row["width"],
        "height": row["height"],
        "image_base64": base64.b64encode(row["image"]).decode("ascii"),
    }
