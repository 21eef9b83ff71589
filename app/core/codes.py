"""Codes: what a person reads, types or keeps, and what the database keeps of it.

A reference and a "continue later" code use one alphabet, easy to read aloud and to write
down. Tokens are unguessable; the database keeps only their hash (or a keyed hash, where a
copy of the database must not let anybody check a guess). Signed values (cookies, page
tokens) all come from one serializer factory, each with a salt of its own.
"""

import hashlib
import hmac
import secrets
from typing import Literal, overload

from itsdangerous import URLSafeSerializer, URLSafeTimedSerializer

# Easy to read aloud and to write down: no 0/O, 1/I/L, 5/S, 8/B or 2/Z mix-ups.
REFERENCE_ALPHABET = "2345679ACDEFGHJKMNPQRTUVWXY"
REFERENCE_LENGTH = 6


def random_code(length: int) -> str:
    """`length` signs of the reference alphabet."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(length))


def make_reference() -> str:
    return random_code(REFERENCE_LENGTH)


def spaced(code: str, group: int | None = None) -> str:
    """A code in groups, easier to read and say: 'K7M4PX' -> 'K7M 4PX' (two halves by
    default), or in groups of `group` signs."""
    size = group or len(code) // 2
    return " ".join(code[i : i + size] for i in range(0, len(code), size))


def signs_in(code: str) -> str:
    """What a code is made of: "letters", "numbers" or "letters and numbers" (a code from
    the alphabet can be all letters: a page must say so truly)."""
    digits = sum(sign.isdigit() for sign in code)
    if digits == len(code):
        return "numbers"
    return "letters and numbers" if digits else "letters"


def new_token(size: int = 32) -> str:
    """An unguessable token for a cookie, a link or a key: `size` random bytes, URL-safe."""
    return secrets.token_urlsafe(size)


def random_name(size: int = 4) -> str:
    """A short random name (hex), unique enough for a temporary file or a request's id in
    the logs; not a secret."""
    return secrets.token_hex(size)


def new_public_id(size: int = 9) -> str:
    """An unguessable id for an address (a user, a meeting, a registration)."""
    return secrets.token_urlsafe(size)


def token_hash(token: str) -> str:
    """What the database keeps of a token: a copy of it cannot be turned into the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def keyed_digest(secret: str, text: str) -> bytes:
    """HMAC-SHA256 of `text` under `secret`, as bytes."""
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()


def keyed_hash(secret: str, text: str) -> str:
    """A hash only the site can make: a copy of the database cannot test a guess."""
    return keyed_digest(secret, text).hex()


# What `signer` gives, for the annotations of a function that hands one on.
Signer = URLSafeSerializer
TimedSigner = URLSafeTimedSerializer


@overload
def signer(secret: str, salt: str, *, timed: Literal[False] = False) -> URLSafeSerializer: ...


@overload
def signer(secret: str, salt: str, *, timed: Literal[True]) -> URLSafeTimedSerializer: ...


def signer(
    secret: str, salt: str, *, timed: bool = False
) -> URLSafeSerializer | URLSafeTimedSerializer:
    """The one factory of signed values; `timed` ones carry their age (a timed serializer
    is no URLSafeSerializer: the two share only the URL-safe mixin)."""
    kind = URLSafeTimedSerializer if timed else URLSafeSerializer
    return kind(secret, salt=salt)
