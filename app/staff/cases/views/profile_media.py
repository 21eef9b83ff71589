"""The person's own voice and photo as they play and show on their job profile (beside the
registration, in the back office) and on an employer's version: each only from an address
that checks it is on that profile as it is built for this reader (the person's yes; on an
employer's version, that version's own yes and that it stands), `no-store`; 404 for any
other recording or photo. The page that shows them is in the audit log
(profile.py)."""

from flask import Response, abort

from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_photo import photo_image, photo_on_profile
from app.domain.registrations.profile_versions import NoEmployerYes, employer_profile, profile_of
from app.domain.registrations.profile_voice import audio_on_profile
from app.domain.registrations.sending import answers_of
from app.domain.registrations.voice import registration_audio
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import requires, with_registration
from app.web.audio import private_audio
from app.web.database import get_db
from app.web.photos import private_photo


def profile_image(registration_id: int, profile: Profile, photo_id: str) -> Response:
    """The photo on `profile` as it is built for this reader; 404 for any other."""
    found = photo_image(get_db(), registration_id, photo_id)
    if found is None or not photo_on_profile(profile, photo_id):
        abort(404)
    return private_photo(found)


@blueprint.get("/registrations/<public_id>/profile/photo/<photo_id>")
@requires("staff")
@with_registration
def profile_photo(registration: RegistrationRow, photo_id: str) -> Response:
    """The person's photo as it shows on their profile (the page's view is in the log)."""
    db = get_db()
    profile = profile_of(db, registration.id, answers_of(db, registration.id))
    return profile_image(registration.id, profile, photo_id)


def profile_audio(registration_id: int, profile: Profile, voice_id: str) -> Response:
    """A recording that plays on `profile` as it is built for this reader; 404 for any
    other (health, another person's, or one without the person's yes)."""
    found = registration_audio(get_db(), registration_id, voice_id)
    if found is None or not audio_on_profile(profile, voice_id):
        abort(404)
    _field, mime_type, data = found
    return private_audio(mime_type, data)


@blueprint.get("/registrations/<public_id>/profile/voice/<voice_id>")
@requires("staff")
@with_registration
def profile_voice(registration: RegistrationRow, voice_id: str) -> Response:
    """The person's voice as it plays on their profile (the page's view is in the log)."""
    db = get_db()
    profile = profile_of(db, registration.id, answers_of(db, registration.id))
    return profile_audio(registration.id, profile, voice_id)


def employer_version(registration: RegistrationRow, yes_id: str) -> Profile:
    """The employer's version a standing yes names, as that employer sees it; 404 without."""
    db = get_db()
    try:
        profile, _yes = employer_profile(
            db, registration.id, answers_of(db, registration.id), yes_id
        )
    except NoEmployerYes:
        abort(404)
    return profile


@blueprint.get("/registrations/<public_id>/profile/employers/<yes_id>/photo/<photo_id>")
@requires("staff")
@with_registration
def employer_profile_photo(registration: RegistrationRow, yes_id: str, photo_id: str) -> Response:
    """The person's photo on an employer's version: only while that version's yes stands
    with its yes to the photo (the version's view is in the log)."""
    return profile_image(registration.id, employer_version(registration, yes_id), photo_id)


@blueprint.get("/registrations/<public_id>/profile/employers/<yes_id>/voice/<voice_id>")
@requires("staff")
@with_registration
def employer_profile_voice(registration: RegistrationRow, yes_id: str, voice_id: str) -> Response:
    """The person's voice on an employer's version: only while that version's yes stands
    with its yes to the voice (the version's view is in the log)."""
    return profile_audio(registration.id, employer_version(registration, yes_id), voice_id)
