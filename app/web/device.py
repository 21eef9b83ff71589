"""Shared devices: a tablet passed from person to person at a day centre or a meeting.

A signed-in staff member switches the mode on for one device (a signed cookie). In it, a big
"I am done" button clears everything about the person from the device, and after a long
pause the page asks "Are you still there?" before it does the same. Nothing of one person is
ever visible to the next; their draft stays on the server, where a link or code finds it.
"""

from flask import Blueprint, Flask, current_app, redirect, url_for
from flask.typing import ResponseReturnValue
from itsdangerous import BadSignature
from werkzeug.wrappers import Response

from app.core import codes
from app.web.cookies import (
    DISPLAY_COOKIE,
    DRAFT_COOKIE,
    HELPER_COOKIE,
    LANGUAGE_COOKIE,
    RECEIPT_COOKIE,
    SESSION_COOKIE,
    SHARED_DEVICE_COOKIE,
    SPEED_COOKIE,
    STAFF_SESSION_COOKIE,
    forget_cookie,
    read_cookie,
    set_private_cookie,
)

SHARED_DEVICE_DAYS = 365
# Everything a person leaves on a device. The shared-device mark itself stays.
PERSONAL_COOKIES = (
    DRAFT_COOKIE,
    RECEIPT_COOKIE,
    HELPER_COOKIE,
    DISPLAY_COOKIE,
    LANGUAGE_COOKIE,
    SPEED_COOKIE,
)

blueprint = Blueprint("device", __name__, url_prefix="/device")


def _serializer() -> codes.Signer:
    return codes.signer(current_app.config["SECRET_KEY"], "shared-device")


def is_shared_device() -> bool:
    value = read_cookie(SHARED_DEVICE_COOKIE)
    if not value:
        return False
    try:
        _serializer().loads(value)
    except BadSignature:
        return False
    return True


def mark_as_shared(response: Response, staff_id: int) -> Response:
    """Called from the staff side, by a signed-in staff member, on the device itself."""
    value = _serializer().dumps({"by": staff_id})
    return set_private_cookie(response, SHARED_DEVICE_COOKIE, value, days=SHARED_DEVICE_DAYS)


def unmark_shared(response: Response) -> Response:
    return forget_cookie(response, SHARED_DEVICE_COOKIE)


def clear_person(response: Response) -> Response:
    """The person's cookies and their session go (and a staff sign-in on the device); the
    browser drops its cache of our pages. (Cookies are not in Clear-Site-Data: the
    shared-device mark must stay.)"""
    for name in PERSONAL_COOKIES + (SESSION_COOKIE, STAFF_SESSION_COOKIE):
        forget_cookie(response, name)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


def template_globals() -> dict[str, bool | int | None]:
    shared = is_shared_device()
    return {
        "shared_device": shared,
        "idle_seconds": current_app.config["SHARED_IDLE_SECONDS"] if shared else None,
        "idle_grace_seconds": current_app.config["SHARED_IDLE_GRACE_SECONDS"] if shared else None,
    }


@blueprint.post("/finished")
def finished() -> ResponseReturnValue:
    """ "I am done", or no answer to "Are you still there?": back to an empty start page."""
    return clear_person(redirect(url_for("pages.start")))


def init_app(app: Flask) -> None:
    app.context_processor(template_globals)
    app.register_blueprint(blueprint)
