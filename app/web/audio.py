"""A person's recording sent to the one who may hear it: never kept by a cache, and in
pieces when a player asks for a range (as browsers do to seek)."""

from flask import Response, request


def private_audio(mime_type: str, data: bytes) -> Response:
    response = Response(data, mimetype=mime_type)
    response.headers["Cache-Control"] = "no-store"
    response.make_conditional(request, accept_ranges=True, complete_length=len(data))
    return response
