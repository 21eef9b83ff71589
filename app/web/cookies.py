"""Cookies the site sets: never readable by scripts, never sent cross-site.

Behind TLS (KLAPJOB_HTTPS=1) every cookie's name starts with `__Host-`: the browser then
accepts it only from this host, over https, for the whole site, and no other subdomain can
set or overwrite it. Code names cookies by their constants and reads them with
`read_cookie`; the prefix is added here.
"""

from flask import current_app, request

DAY = 24 * 3600

# Every cookie the site sets, by name (each is set where its concern lives).
SESSION_COOKIE = "klapjob_session"  # Flask's session (staff sign-in, form tokens)
LANGUAGE_COOKIE = "klapjob_lang"  # the language a person chose (web/i18n.py)
DISPLAY_COOKIE = "klapjob_display"  # display settings (web/display.py)
SHARED_DEVICE_COOKIE = "klapjob_shared_device"  # this tablet is shared (web/device.py)
DRAFT_COOKIE = "klapjob_draft"  # the token of a person's draft (citizen.journey)
# After sending, until the browser closes: the receipt of what this browser sent.
RECEIPT_COOKIE = "klapjob_receipt"
HELPER_COOKIE = "klapjob_helper"  # a helper's own details, signed
SPEED_COOKIE = "klapjob_listen_speed"  # read-aloud speed (speech/page.py)
HOST_PREFIX = "__Host-"


def cookie_name(name, app=None):
    app = app or current_app
    return HOST_PREFIX + name if app.config["HTTPS"] else name


def read_cookie(name):
    return request.cookies.get(cookie_name(name))


def set_private_cookie(response, name, value, *, days=None):
    """`days=None` makes a cookie that ends when the browser closes."""
    response.set_cookie(
        cookie_name(name),
        value,
        max_age=days * DAY if days else None,
        path="/",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def forget_cookie(response, name):
    response.delete_cookie(
        cookie_name(name),
        path="/",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def init_app(app):
    """Flask's own session cookie gets the prefix too (and `__Host-` needs Secure)."""
    app.config["SESSION_COOKIE_NAME"] = cookie_name(SESSION_COOKIE, app)
    if app.config["HTTPS"]:
        app.config["SESSION_COOKIE_SECURE"] = True
