"""The person's photo on their job profile, as a page shows it and as it is sent to the one
who may see it: never kept by a cache."""

from typing import Any

from flask import Response, abort, url_for
from sqlite_utils import Database

from app.core.photos import MIME_TYPE
from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_photo import photo_image, photo_of, photo_on_profile


def photo_shown(
    db: Database, registration_id: int, profile: Profile, endpoint: str, **address: Any
) -> dict[str, Any] | None:
    """The photo on `profile` (as built for its reader) as a page shows it: its address
    at `endpoint`, and its size; None when the profile has none."""
    photo = photo_of(db, registration_id)
    if photo is None or not photo_on_profile(profile, photo.public_id):
        return None
    src = url_for(endpoint, photo_id=photo.public_id, **address)
    return {"src": src, "width": photo.width, "height": photo.height}


def private_photo(data: bytes) -> Response:
    response = Response(data, mimetype=MIME_TYPE)
    response.headers["Cache-Control"] = "no-store"
    return response


def photo_on_this_profile(
    db: Database, registration_id: int, profile: Profile, photo_id: str
) -> Response:
    """The photo on `profile` as it is built for this reader; 404 for any other."""
    found = photo_image(db, registration_id, photo_id)
    if found is None or not photo_on_profile(profile, photo_id):
        abort(404)
    return private_photo(found)
