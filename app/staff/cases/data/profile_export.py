"""The job profile in a person's access export (GDPR art. 15): every version as it read,
with who made it and when (and whether the person's own voice played on it), the photo
the person put on it (as it is kept), every yes to an employer with its withdrawal (and
whether it covered the voice and the photo), and the codes on paper that still open it."""

from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from app.domain.questions.model import Answers
from app.domain.registrations.profile import Profile, build_profile
from app.domain.registrations.profile_links import links_export
from app.domain.registrations.profile_photo import photo_export
from app.domain.registrations.profile_versions import employer_yeses, versions


def sections_as_text(profile: Profile) -> list[dict[str, Any]]:
    return [
        {"line": str(section.lead), "answers": [item.text for item in section.items]}
        for section in profile.sections
    ]


def job_profile_export(db: Database, registration_id: int, answers: Answers) -> dict[str, Any]:
    return {
        "first_version": sections_as_text(build_profile(answers)),
        "versions": [
            {
                "version": version.number,
                "made_at": version.made_at,
                "made_by": version.made_by_name or "the person",
                "health_shown": version.include_health,
                "voice_shown": version.include_voice,
                "added": asdict(version.additions),
                "profile": sections_as_text(
                    build_profile(answers, version.additions, include_health=version.include_health)
                ),
            }
            for version in versions(db, registration_id)
        ],
        "photo": photo_export(db, registration_id),
        "employer_consents": [
            {
                "employer": yes.employer,
                "agreed_on": yes.agreed_on,
                "recorded_at": yes.recorded_at,
                "recorded_by": yes.recorded_by_name,
                "withdrawn_at": yes.withdrawn_at,
                "with_voice": yes.with_voice,
                "with_photo": yes.with_photo,
            }
            for yes in employer_yeses(db, registration_id)
        ],
        "codes_on_paper": links_export(db, registration_id),
    }
