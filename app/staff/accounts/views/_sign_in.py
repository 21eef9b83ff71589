"""What the sign-in views share (sign_in, two_factor, account): the words that say how
long to wait after too many failed attempts."""

from flask_babel import gettext as _

from app.staff.core.users import SignInAttempt


def wait_message(attempt: SignInAttempt) -> str:
    """The same words for every address, known or not: they say how long to wait, never
    whether an account exists."""
    minutes = max(1, round(attempt.wait_seconds / 60))
    if attempt.problem == "locked":
        return _(
            "Too many failed attempts. Wait %(minutes)s minutes, or ask an admin to "
            "open the account.",
            minutes=minutes,
        )
    return _(
        "Too many failed attempts. Wait %(seconds)s seconds and try again.",
        seconds=attempt.wait_seconds,
    )
