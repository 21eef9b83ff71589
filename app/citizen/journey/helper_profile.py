"""A helper who registers several people in a row on one device types their own details
once. They are kept on that device only, in a signed cookie, and offered the next time with
a clear "This is not me" that forgets them."""

from flask import current_app
from itsdangerous import BadSignature

from app.core import codes
from app.web.cookies import HELPER_COOKIE, forget_cookie, read_cookie, set_private_cookie

HELPER_COOKIE_DAYS = 30
HELPER_FIELDS = ("helper_name", "helper_role", "helper_contact")


def _serializer():
    return codes.signer(current_app.config["SECRET_KEY"], "helper-profile")


def remembered_helper():
    """The helper details kept on this device, or an empty dict."""
    value = read_cookie(HELPER_COOKIE)
    if not value:
        return {}
    try:
        details = _serializer().loads(value)
    except BadSignature:
        return {}
    return {name: str(details[name]) for name in HELPER_FIELDS if details.get(name)}


def remember_helper(response, answers):
    details = {name: answers[name] for name in HELPER_FIELDS if answers.get(name)}
    return set_private_cookie(
        response, HELPER_COOKIE, _serializer().dumps(details), days=HELPER_COOKIE_DAYS
    )


def forget_helper(response):
    return forget_cookie(response, HELPER_COOKIE)
