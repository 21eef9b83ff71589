"""Slowing down the guessing of staff passwords and codes, without telling anybody which
addresses have an account, and without letting a stranger keep a consultant out.

Failures are counted in SQLite (limits.py: every worker sees them), three ways at once:

  account  the address that was typed, whether an account has it or not: an unknown
           address fails, waits and locks exactly like a known one, so no answer says
           which addresses exist
  client   where the attempts come from: one address trying many accounts waits too
  device   a browser in which this account signed in before (a signed cookie): it counts
           only its own failures

An attempt from the account's own known device looks only at that device's failures, so
failures from anywhere else (a stranger's) never keep the consultant out of their usual
browser. Every other attempt waits for the account and the client together.

For an account (or device): the first FREE_FAILURES cost nothing, then each next attempt
waits twice as long after the last failure, and from LOCK_AFTER_FAILURES on it waits
LOCK_MINUTES ("locked"). Failures older than an hour are forgotten.
"""

from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature
from sqlite_utils import Database
from werkzeug.wrappers import Response

from app.core import clock, codes
from app.core.db import write_transaction
from app.core.limits import client_address, subject
from app.web.cookies import KNOWN_DEVICE_COOKIE, read_cookie, set_private_cookie

FREE_FAILURES = 3
LOCK_AFTER_FAILURES = 10
LOCK_MINUTES = 30
WINDOW = 3600
# A browser can be the usual device of a few staff members (a shared office computer).
DEVICES_KEPT = 5
KINDS = {"account": "sign_in_account", "client": "sign_in_client", "device": "sign_in_device"}


@dataclass(frozen=True)
class Guard:
    """Whom one sign-in attempt is counted against."""

    account: str
    client: str
    device: str | None = None  # set only for the account's own known device


def account_subject(email: str) -> str:
    return subject("account", (email or "").strip().casefold())


def guard_for(email: str, *, client: str | None = None, cookie: str | None = None) -> Guard:
    """The guard of an attempt on `email` from this request (or the given client address
    and known-device cookie)."""
    account = account_subject(email)
    devices = known_devices(read_cookie(KNOWN_DEVICE_COOKIE) if cookie is None else cookie)
    device = devices.get(account)
    return Guard(
        account=account,
        client=subject("client", client if client is not None else client_address()),
        device=subject("device", device) if device else None,
    )


def _failure_times(db: Database, kind: str, who: str, now: float) -> list[float]:
    return [
        row["at"]
        for row in db.query(
            "SELECT at FROM rate_events WHERE kind = ? AND subject = ? AND at > ? ORDER BY at",
            [kind, who, now - WINDOW],
        )
    ]


def _backoff(times: list[float], now: float) -> tuple[int, bool]:
    """(seconds to wait, locked) after the failures at `times`, for an account or device."""
    if len(times) < FREE_FAILURES:
        return 0, False
    if len(times) >= LOCK_AFTER_FAILURES:
        delay, locked = LOCK_MINUTES * 60, True
    else:
        delay, locked = 2 ** (len(times) - FREE_FAILURES + 1), False
    wait = times[-1] + delay - now
    return (int(wait) + 1, locked) if wait > 0 else (0, False)


def _client_wait(times: list[float], now: float) -> int:
    allowed = current_app.config["SIGN_IN_FAILURES_PER_ADDRESS"]
    if len(times) < allowed:
        return 0
    return int(times[-allowed] + WINDOW - now) + 1


def seconds_to_wait(db: Database, guard: Guard, now: float | None = None) -> tuple[int, bool]:
    """(seconds, locked): how long this attempt must wait before it is even checked."""
    now = clock.seconds() if now is None else now
    if guard.device:
        return _backoff(_failure_times(db, KINDS["device"], guard.device, now), now)
    wait, locked = _backoff(_failure_times(db, KINDS["account"], guard.account, now), now)
    client = _client_wait(_failure_times(db, KINDS["client"], guard.client, now), now)
    return max(wait, client), locked


def record_failure(db: Database, guard: Guard, now: float | None = None) -> bool:
    """Count a failed password or code against everything the attempt is counted against;
    returns True when that locked the account (or device)."""
    now = clock.seconds() if now is None else now
    counted = [("account", guard.account), ("client", guard.client)]
    if guard.device:
        counted.append(("device", guard.device))
    with write_transaction(db):
        db.execute(
            "DELETE FROM rate_events WHERE kind IN (?, ?, ?) AND at <= ?",
            [*KINDS.values(), now - WINDOW],
        )
        for name, who in counted:
            db.execute(
                "INSERT INTO rate_events (kind, subject, at, amount) VALUES (?, ?, ?, 1)",
                [KINDS[name], who, now],
            )
    return seconds_to_wait(db, guard, now)[1]


def failures_of(db: Database, email: str, now: float | None = None) -> int:
    """How many failures the account has had in the last hour (for the admins' page)."""
    now = clock.seconds() if now is None else now
    return len(_failure_times(db, KINDS["account"], account_subject(email), now))


def is_locked(db: Database, email: str, now: float | None = None) -> bool:
    """Whether the account is locked for every browser but its known devices."""
    now = clock.seconds() if now is None else now
    return _backoff(_failure_times(db, KINDS["account"], account_subject(email), now), now)[1]


def forget_failures(db: Database, email: str) -> None:
    """An admin opens the account again."""
    with write_transaction(db):
        db.execute(
            "DELETE FROM rate_events WHERE kind = ? AND subject = ?",
            [KINDS["account"], account_subject(email)],
        )


# The known-device cookie: {account subject: device id}, signed, kept KNOWN_DEVICE_DAYS.


def _serializer() -> codes.TimedSigner:
    return codes.signer(current_app.config["SECRET_KEY"], "known-device", timed=True)


def known_devices(value: str | None) -> dict[str, str]:
    if not value:
        return {}
    days = current_app.config["KNOWN_DEVICE_DAYS"]
    try:
        devices = _serializer().loads(value, max_age=days * 24 * 3600)
    except BadSignature:
        return {}
    return devices if isinstance(devices, dict) else {}


def remember_device(response: Response, email: str) -> Response:
    """After a full sign-in (password and code): this browser is now a usual device of the
    account. Its id is random; the cookie holds nothing about the person."""
    devices = known_devices(read_cookie(KNOWN_DEVICE_COOKIE))
    account = account_subject(email)
    devices[account] = devices.pop(account, "") or codes.new_public_id(12)  # now newest
    while len(devices) > DEVICES_KEPT:
        devices.pop(next(iter(devices)))
    return set_private_cookie(
        response,
        KNOWN_DEVICE_COOKIE,
        _serializer().dumps(devices),
        days=current_app.config["KNOWN_DEVICE_DAYS"],
    )
