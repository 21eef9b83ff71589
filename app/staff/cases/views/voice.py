"""The consultant hears the person: beside the written answers, each answer the person
said in their own voice, with a player, its length and a download.

A recording of a health answer follows the health rule (core/health.py): it plays at
once for the consultant the registration is given to; for anybody else only from the page
made after "Show health" (that press is the one audit entry), whose addresses carry a
signed note of that reveal, valid an hour. Staff never record: a recording is always the
person's own, from the citizen's pages.
"""

from dataclasses import dataclass
from typing import Any

from flask import Response, abort, current_app, request, url_for
from flask.typing import ResponseReturnValue
from itsdangerous import BadSignature

from app.core import codes
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.registrations.voice import recordings_of_registration, registration_audio
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.health import of_registration, shows_at_once
from app.staff.core.permissions import current_user, requires, with_registration
from app.web.database import get_db

REVEAL_SALT = "voice-health-reveal"
HOUR = 3600
EXTENSIONS = {
    "audio/ogg": "ogg",
    "audio/webm": "webm",
    "audio/mp4": "m4a",
    "audio/3gpp": "3gp",
    "audio/mpeg": "mp3",
    "audio/wav": "wav",
}


@dataclass(frozen=True)
class VoiceOnCase:
    label: str
    seconds: int
    url: str
    download_url: str


def reveal_signer() -> codes.TimedSigner:
    return codes.signer(current_app.config["SECRET_KEY"], REVEAL_SALT, timed=True)


@blueprint.app_template_global()
def voice_answers_on_case(registration: RegistrationRow, shows_health: bool) -> list[Any]:
    """The recordings the case page plays: a health one only where health shows."""
    found = recordings_of_registration(get_db(), registration.id)
    shown = []
    for field, recording in sorted(found.items()):
        spec = FIELDS_BY_NAME[field]
        query: dict[str, Any] = {}
        if spec.sensitive:
            if not shows_health:
                continue
            if not shows_at_once(current_user(), of_registration(registration)):
                query["reveal"] = reveal_signer().dumps([current_user().id, recording.public_id])
        address: dict[str, Any] = {
            "public_id": registration.public_id,
            "voice_id": recording.public_id,
        }
        shown.append(
            VoiceOnCase(
                label=str(spec.summary_label or spec.label),
                seconds=round(recording.seconds),
                url=url_for("staff.voice_recording", **address, **query),
                download_url=url_for("staff.voice_recording", **address, download=1, **query),
            )
        )
    return shown


def revealed(voice_id: str) -> bool:
    try:
        user_id, revealed_id = reveal_signer().loads(request.args.get("reveal", ""), max_age=HOUR)
    except (BadSignature, ValueError, TypeError):
        return False
    return user_id == current_user().id and revealed_id == voice_id


@blueprint.get("/registrations/<public_id>/voice/<voice_id>")
@requires("staff")
@with_registration
def voice_recording(registration: RegistrationRow, voice_id: str) -> ResponseReturnValue:
    """One recording of the person's, to play or to download; never kept by a cache."""
    found = registration_audio(get_db(), registration.id, voice_id)
    if found is None:
        abort(404)
    field, mime_type, data = found
    if FIELDS_BY_NAME[field].sensitive and not (
        shows_at_once(current_user(), of_registration(registration)) or revealed(voice_id)
    ):
        abort(404)
    response = Response(data, mimetype=mime_type)
    response.headers["Cache-Control"] = "no-store"
    if request.args.get("download"):
        name = f"{registration.reference}-{field}.{EXTENSIONS.get(mime_type, 'audio')}"
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response.make_conditional(request, accept_ranges=True, complete_length=len(data))
