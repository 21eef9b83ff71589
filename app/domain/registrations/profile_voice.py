"""The person's own voice on their job profile: which of their recordings have a box on
it (profile.VOICE_BOXES: never health), and whether a recording plays on a profile as it
was built for its reader. Whether it plays at all is the person's yes, kept with the
profile's versions (profile_versions.py), and on an employer's version that version's yes.
"""

from sqlite_utils import Database

from app.domain.registrations.profile import VOICE_BOXES, Profile
from app.domain.registrations.voice import recordings_of_registration


def voices_on_profile(db: Database, registration_id: int) -> dict[str, str]:
    """{box key: recording public id}: the person's recordings of answers that have a box
    on the profile, whatever their yes says."""
    return {
        VOICE_BOXES[field]: recording.public_id
        for field, recording in recordings_of_registration(db, registration_id).items()
        if field in VOICE_BOXES
    }


def audio_on_profile(profile: Profile, public_id: str) -> bool:
    """The recording plays on this profile (as built for its reader): the only way to it."""
    return bool(public_id) and any(section.voice == public_id for section in profile.sections)
