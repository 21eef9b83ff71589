"""What a staff password must be: long enough, not absurdly long, and not easy to guess.

No rules about digits or capitals (OWASP ASVS 5, V6.2): length and a guess estimate do more.
The estimate is zxcvbn's (a maintained library that knows common passwords, names, words,
keyboard patterns, dates and leet-speak), told the person's own name and address and the
site's name, so "lise larsen 1" is as weak for Lise as "password1234" is for everybody.
"""

import re
from collections.abc import Iterable

from zxcvbn import zxcvbn

MINIMUM_PASSWORD_LENGTH = 12
# Longer than any passphrase a person types; argon2 itself has no limit worth hitting.
MAXIMUM_PASSWORD_LENGTH = 256
# zxcvbn's 3: about 10^8 guesses or more ("safely unguessable" at an online, slowed-down
# sign-in like ours). 0-2 are the common passwords and their small variations.
GOOD_ENOUGH_SCORE = 3
# zxcvbn refuses longer input (its matching grows fast): it judges the first 72 characters,
# and a password whose first 72 are hard to guess is not easier as a whole.
ESTIMATED_LENGTH = 72
SITE_WORDS = ("klapjob", "klap", "job", "jobkonsulent", "konsulent")


class PasswordProblem(ValueError):
    """Why a password is refused: "short", "long" or "guessable"."""


def personal_words(user_inputs: Iterable[str | None]) -> list[str]:
    """The person's name and address, whole and in their parts."""
    words = list(SITE_WORDS)
    for text in user_inputs:
        text = (text or "").strip().casefold()
        if text:
            words.append(text)
            words.extend(part for part in re.split(r"[\s@.\-_+]+", text) if part)
    return words


def check_password_rules(password: str, user_inputs: Iterable[str | None] = ()) -> None:
    """Raises PasswordProblem when `password` may not be used by the person whose name and
    address are `user_inputs`."""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise PasswordProblem("short")
    if len(password) > MAXIMUM_PASSWORD_LENGTH:
        raise PasswordProblem("long")
    estimate = zxcvbn(password[:ESTIMATED_LENGTH], user_inputs=personal_words(user_inputs))
    if estimate["score"] < GOOD_ENOUGH_SCORE:
        raise PasswordProblem("guessable")
