"""Recordings sent with a question's form, and the photo sent for the job profile: a
bigger body for the pages that take one, and uploads kept in memory, never in a temporary
file on the disk.

Every other request stays within MAX_CONTENT_LENGTH (64 KB). A question page with a voice
answer may carry one recording's limit more, and the profile's photo form one photo's
(and as much again, so a file a little too big is refused kindly beside its field, with
what was typed kept).
"""

import io
from collections.abc import Mapping
from typing import IO, Any

from flask import Flask, Request, current_app, request

from app.domain.questions.steps import STEPS_BY_KEY
from app.domain.registrations.voice import KB, VOICE_FIELDS

# The form that sends the photo for the person's job profile (app/citizen/journey/profile.py).
PHOTO_ENDPOINT = "journey.profile_photo_upload"

VOICE_STEPS = frozenset(
    key for key, step in STEPS_BY_KEY.items() if VOICE_FIELDS & set(step.field_names)
)


class InMemoryUploads(Request):
    """A person's recording or photo is personal data: it stays in memory (bounded by the request's
    limit) until it is in the database, never in a temporary file."""

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


def takes_a_recording(endpoint: str | None, view_args: Mapping[str, Any] | None) -> bool:
    return endpoint == "journey.step" and (view_args or {}).get("step_key") in VOICE_STEPS


def takes_a_photo(endpoint: str | None) -> bool:
    return endpoint == PHOTO_ENDPOINT


def allow_a_recording() -> None:
    """Before the form is read (the CSRF check reads it): room for a recording or a photo."""
    if request.method != "POST":
        return
    config = current_app.config
    if takes_a_recording(request.endpoint, request.view_args):
        request.max_content_length = (
            config["MAX_CONTENT_LENGTH"] + 2 * config["VOICE_KB_PER_ANSWER"] * KB
        )
    elif takes_a_photo(request.endpoint):
        request.max_content_length = config["MAX_CONTENT_LENGTH"] + 2 * config["PHOTO_KB"] * KB


def init_app(app: Flask) -> None:
    app.request_class = InMemoryUploads
    app.before_request(allow_a_recording)
