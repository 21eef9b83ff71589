"""Cookies the site sets: never readable by scripts, never sent cross-site.

Behind TLS (KLAPJOB_HTTPS=1) every cookie's name starts with `__Host-`: the browser then
accepts it only from this host, over https, for the whole site, and no other subdomain can
set or overwrite it. Code names cookies by their constants and reads them with
`read_cookie`; the prefix is added here.

The back office's cookies are the exception: they are sent to /staff only (a citizen's
page never gets them), and a cookie for part of a site cannot be `__Host-` (the browser
demands Path=/ for it), so behind TLS they start with `__Secure-` (https only, no other
domain may set it).

Flask's session is two sessions by the same rule (TwoSidedSessions): the citizens' under
SESSION_COOKIE, the back office's under STAFF_SESSION_COOKIE with its own signing salt. Each
holds its side's form token (Flask-WTF keeps it in the session), the back office's also the
sign-in in progress and the token of the server-side session (staff.accounts.sessions).
"""

from typing import TypeVar

from flask import Flask, current_app, request
from flask.sessions import SecureCookieSessionInterface, SessionInterface, SessionMixin
from flask.wrappers import Request
from flask.wrappers import Response as FlaskResponse
from werkzeug.wrappers import Response

ResponseType = TypeVar("ResponseType", bound=Response)

DAY = 24 * 3600

# Every cookie the site sets, by name (each is set where its concern lives).
SESSION_COOKIE = "klapjob_session"  # Flask's session on the citizens' side (form tokens)
LANGUAGE_COOKIE = "klapjob_lang"  # the language a person chose (web/i18n.py)
DISPLAY_COOKIE = "klapjob_display"  # display settings (web/display.py)
SHARED_DEVICE_COOKIE = "klapjob_shared_device"  # this tablet is shared (web/device.py)
DRAFT_COOKIE = "klapjob_draft"  # the token of a person's draft (citizen.journey)
# After sending, until the browser closes: the receipt of what this browser sent.
RECEIPT_COOKIE = "klapjob_receipt"
# After asking KLAPjob to call, until the browser closes: the receipt of that request.
CALL_ME_COOKIE = "klapjob_call_me"
HELPER_COOKIE = "klapjob_helper"  # a helper's own details, signed
SPEED_COOKIE = "klapjob_listen_speed"  # read-aloud speed (speech/page.py)
# The back office's own, sent to STAFF_PATH only.
STAFF_SESSION_COOKIE = "klapjob_staff_session"  # Flask's session on the staff side
KNOWN_DEVICE_COOKIE = "klapjob_known_device"  # a usual browser of an account (sign_in_guard)
STAFF_PATH = "/staff"
STAFF_COOKIES = (STAFF_SESSION_COOKIE, KNOWN_DEVICE_COOKIE)
HOST_PREFIX = "__Host-"
SECURE_PREFIX = "__Secure-"


def cookie_path(name: str) -> str:
    return STAFF_PATH if name in STAFF_COOKIES else "/"


def cookie_name(name: str, app: Flask | None = None) -> str:
    app = app or current_app
    if not app.config["HTTPS"]:
        return name
    return (HOST_PREFIX if cookie_path(name) == "/" else SECURE_PREFIX) + name


def read_cookie(name: str) -> str | None:
    return request.cookies.get(cookie_name(name))


def set_private_cookie(
    response: ResponseType, name: str, value: str, *, days: int | None = None
) -> ResponseType:
    """`days=None` makes a cookie that ends when the browser closes."""
    response.set_cookie(
        cookie_name(name),
        value,
        max_age=days * DAY if days else None,
        path=cookie_path(name),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def forget_cookie(response: ResponseType, name: str) -> ResponseType:
    response.delete_cookie(
        cookie_name(name),
        path=cookie_path(name),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def is_staff_path(path: str) -> bool:
    return path == STAFF_PATH or path.startswith(STAFF_PATH + "/")


class StaffSessions(SecureCookieSessionInterface):
    """The back office's session: its own cookie, path and salt (a citizen's session,
    copied into the staff cookie, never verifies)."""

    salt = "staff-session"

    def get_cookie_name(self, app: Flask) -> str:
        return cookie_name(STAFF_SESSION_COOKIE, app)

    def get_cookie_path(self, app: Flask) -> str:
        return STAFF_PATH


class TwoSidedSessions(SessionInterface):
    """Flask's signed-cookie session, one for each side of the site, chosen by the path
    asked for: neither side's cookie is ever sent to, or read by, the other."""

    def __init__(self) -> None:
        self.citizens = SecureCookieSessionInterface()
        self.staff = StaffSessions()

    def side(self, path: str) -> SecureCookieSessionInterface:
        return self.staff if is_staff_path(path) else self.citizens

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        return self.side(request.path).open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: FlaskResponse) -> None:
        return self.side(request.path).save_session(app, session, response)


def init_app(app: Flask) -> None:
    """Flask's own session cookies get the prefix too (and `__Host-` needs Secure)."""
    app.config["SESSION_COOKIE_NAME"] = cookie_name(SESSION_COOKIE, app)
    app.session_interface = TwoSidedSessions()
    if app.config["HTTPS"]:
        app.config["SESSION_COOKIE_SECURE"] = True
