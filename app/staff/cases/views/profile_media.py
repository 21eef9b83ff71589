"""The person's own voice and photo as they play and show on their job profile (beside the
registration, in the back office) and on an employer's version: each only from an address
that checks it is on that profile as it is built for this reader (the person's yes; on an
employer's version, that version's own yes and that it stands), `no-store`; 404 for any
other recording or photo. The page that shows them is in the audit log
(profile.py)."""

from flask import Response, abort

from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_versions import NoEmployerYes, employer_profile, profile_of
from app.domain.registrations.sending import answers_of
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import requires, with_registration
from app.web.audio import recording_on_this_profile
from app.web.database import get_db
from app.web.photos import photo_on_this_profile


@blueprint.get("/registrations/<public_id>/profile/photo/<photo_id>")
@requires("staff")
@with_registration
def profile_photo(registration: RegistrationRow, photo_id: str) -> Response:
    """The person's photo as it shows on their profile (the page's view is in the log)."""
    db = get_db()
    profile = profile_of(db, registration.id, answers_of(db, registration.id))
    return photo_on_this_profile(db, registration.id, profile, photo_id)


@blueprint.get("/registrations/<public_id>/profile/voice/<voice_id>")
@requires("staff")
@with_registration
def profile_voice(registration: RegistrationRow, voice_id: str) -> Response:
    """The person's voice as it plays on their profile (the page's view is in the log)."""
    db = get_db()
    profile = profile_of(db, registration.id, answers_of(db, registration.id))
    return recording_on_this_profile(db, registration.id, profile, voice_id)


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
    profile = employer_version(registration, yes_id)
    return photo_on_this_profile(get_db(), registration.id, profile, photo_id)


@blueprint.get("/registrations/<public_id>/profile/employers/<yes_id>/voice/<voice_id>")
@requires("staff")
@with_registration
def employer_profile_voice(registration: RegistrationRow, yes_id: str, voice_id: str) -> Response:
    """The person's voice on an employer's version: only while that version's yes stands
    with its yes to the voice (the version's view is in the log)."""
    profile = employer_version(registration, yes_id)
    return recording_on_this_profile(get_db(), registration.id, profile, voice_id)
