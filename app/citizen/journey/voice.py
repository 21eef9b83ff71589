"""A free-text answer said in the person's own voice, on the question's own page.

Without JavaScript a file input beside the text opens a phone's own recorder; with it,
static/js/voice.js records in the browser and puts the recording in the same input. Either
way the recording comes with the question's form (multipart, with its CSRF token): the
person may write, speak or both, and "Save the recording" or "Next" keeps it. What was
typed is saved first, so a refused recording loses nothing else of the draft.
"""

from dataclasses import dataclass

from flask import Response, abort, request
from flask_babel import lazy_gettext as _l

from app.citizen.journey.blueprint import blueprint
from app.citizen.journey.current import draft_token
from app.core import codes
from app.core.site_text import gettext as _
from app.core.site_text import site_value
from app.domain.registrations.voice import (
    VOICE_FIELDS,
    Recording,
    Refused,
    check_recording,
    delete_recording,
    draft_audio,
    keep_recording,
    recordings_of_draft,
    voice_limits,
)
from app.web.database import get_db
from app.web.listenable import not_listenable

REFUSALS = {
    "not_audio": _l("We could not hear a recording in that file. Record again, or write."),
    "too_big": _l("The recording is too big. Record a shorter one."),
    "too_much": _l("You have recorded a lot already. Write the rest, or delete a recording."),
}


@dataclass
class VoiceShown:
    """What the page shows beside one free-text answer."""

    input_name: str
    minutes: int
    seconds: int
    recording: Recording | None = None
    error: str | None = None


def input_name(field):
    return f"{field}_voice"


def voice_fields(step):
    return [name for name in step.field_names if name in VOICE_FIELDS]


def refusal_message(reason):
    if reason == "too_long":
        return _(
            "The recording is too long. Speak for at most %(minutes)d minutes.", minutes=minutes()
        )
    return REFUSALS[reason]


def minutes():
    return site_value(max(1, int(voice_limits().seconds_per_answer // 60)))


def take_recordings(step, token):
    """Keep or delete this page's recordings as the person asked: {field: refusal}."""
    if token is None:
        return {}
    db, hashed, limits = get_db(), codes.token_hash(token), voice_limits()
    refused = {}
    for field in voice_fields(step):
        if request.form.get("delete_voice") == field:
            delete_recording(db, hashed, field)
            continue
        upload = request.files.get(input_name(field))
        data = upload.read() if upload else b""
        if not data:
            continue
        try:
            heard = check_recording(data, limits)
            keep_recording(db, hashed, field, data, heard, limits)
        except Refused as refusal:
            refused[field] = refusal_message(refusal.reason)
    return refused


def asked_to_stay(step):
    """The person pressed "Save the recording" or "Delete the recording": the same page."""
    names = voice_fields(step)
    return bool(names) and (
        request.form.get("keep_voice") in names or request.form.get("delete_voice") in names
    )


def voice_on_page(step, token, refused=None):
    """{field: VoiceShown} for this page's free-text answers."""
    names = voice_fields(step)
    if not names:
        return {}
    kept = recordings_of_draft(get_db(), codes.token_hash(token) if token else None)
    refused = refused or {}
    seconds = int(voice_limits().seconds_per_answer)
    return {
        name: VoiceShown(input_name(name), minutes(), seconds, kept.get(name), refused.get(name))
        for name in names
    }


def said_in_this_draft():
    """The fields of this device's draft that have a recording."""
    token = draft_token()
    return frozenset(recordings_of_draft(get_db(), codes.token_hash(token) if token else None))


@blueprint.get("/voice/<public_id>")
@not_listenable
def recording(public_id):
    """One of this draft's recordings, to listen back: never kept by a cache."""
    token = draft_token()
    found = draft_audio(get_db(), codes.token_hash(token) if token else None, public_id)
    if found is None:
        abort(404)
    mime_type, data = found
    response = Response(data, mimetype=mime_type)
    response.headers["Cache-Control"] = "no-store"
    return response.make_conditional(request, accept_ranges=True, complete_length=len(data))
