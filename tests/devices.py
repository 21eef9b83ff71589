"""Devices in the tests: a tablet that staff marked as shared."""


def shared_device_mark(app):
    """The mark a signed-in staff member puts on a shared tablet (its cookie value)."""
    from flask import Response

    from app.web.device import SHARED_DEVICE_COOKIE, mark_as_shared

    with app.test_request_context():
        response = mark_as_shared(Response(), staff_id=1)
    header = [
        h for h in response.headers.getlist("Set-Cookie") if h.startswith(SHARED_DEVICE_COOKIE)
    ][0]
    return header.split(";")[0].split("=", 1)[1]
