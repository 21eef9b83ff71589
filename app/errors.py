"""Friendly pages when something goes wrong: plain words, a way on, never a stack trace."""

from flask import render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

KNOWN_PAGES = {404: "errors/not_found.html", 413: "errors/too_large.html"}


def http_error(error):
    template = KNOWN_PAGES.get(error.code, "errors/general.html")
    return render_template(template, code=error.code), error.code


def expired_form(_error):
    """A form whose security token is gone: the answers so far are saved, so the way on
    is simply the same page again."""
    return render_template("errors/expired.html", back_to=request.path), 400


def server_error(_error):
    return render_template("errors/general.html", code=500), 500


def init_app(app):
    app.register_error_handler(CSRFError, expired_form)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(500, server_error)
