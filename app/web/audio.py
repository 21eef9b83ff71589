"""A person's recording sent to the one who may hear it: never kept by a cache, and in
pieces when a player asks for a range (as browsers do to seek)."""

from flask import Response, abort, request
from sqlite_utils import Database

from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_voice import audio_on_profile
from app.domain.registrations.voice import registration_audio


def private_audio(mime_type: str, data: bytes) -> Response:
    response = Response(data, mimetype=mime_type)
    response.headers["Cache-Control"] = "no-store"
    response.make_conditional(request, accept_ranges=True, complete_length=len(data))
    return response


def recording_on_this_profile(
    db: Database, registration_id: int, profile: Profile, voice_id: str
) -> Response:
    """A recording that plays on `profile` as it is built for this reader; 404 for any
    other (health, another person's, or one without the person's yes)."""
    if not audio_on_profile(profile, voice_id):
        abort(404)
    found = registration_audio(db, registration_id, voice_id)
    if found is None:
        abort(404)
    _field, mime_type, data = found
    return private_audio(mime_type, data)
