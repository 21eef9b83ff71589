"""Friendly pages when something goes wrong: plain words, a way on, never a stack trace."""

import sqlite3

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.web.voice_upload import takes_a_photo, takes_a_recording

KNOWN_PAGES = {404: "errors/not_found.html", 413: "errors/too_large.html"}


def http_error(error: HTTPException) -> ResponseReturnValue:
    # Flask answers an HTTPException without a code (a proxy's) itself, never through here.
    assert error.code is not None
    template = KNOWN_PAGES.get(error.code, "errors/general.html")
    # Far past a recording's limit, the page (and what was typed on it) cannot be read.
    recording = error.code == 413 and takes_a_recording(request.endpoint, request.view_args)
    photo = error.code == 413 and takes_a_photo(request.endpoint)
    return render_template(template, code=error.code, recording=recording, photo=photo), error.code


def expired_form(_error: CSRFError) -> ResponseReturnValue:
    """A form whose security token is gone: the answers so far are saved, so the way on
    is simply the same page again."""
    return render_template("errors/expired.html", back_to=request.path), 400


def server_error(_error: Exception) -> ResponseReturnValue:
    # Whether the last answer was saved is not known here: the page does not say it was.
    return render_template("errors/general.html", code=500), 500


def database_error(error: sqlite3.OperationalError) -> ResponseReturnValue:
    """A full disk or a database too busy to answer: a plain 503 that says nothing was
    saved this time (it was not), never a 500."""
    from app.core.db import is_disk_full

    busy = "locked" in str(error) or "busy" in str(error)
    if not (is_disk_full(error) or busy):
        current_app.logger.exception("database error")
        return server_error(error)
    current_app.logger.error("database: %s", "disk full" if is_disk_full(error) else "busy")
    response = current_app.make_response(
        (render_template("errors/general.html", code=503, not_saved=True), 503)
    )
    response.headers["Retry-After"] = "60"
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, expired_form)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(500, server_error)
    app.register_error_handler(sqlite3.OperationalError, database_error)
