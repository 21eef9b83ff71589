"""What the walk through every page state (page_states.py) sets up around the pages: the
database's meetings, refused resume links, a shared device's mark, and a mail server that
works or does not."""

import smtplib
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from flask import Flask
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import connect
from app.domain.meetings import create_meeting
from app.domain.registrations.drafts import save_step
from app.domain.registrations.profile_links import make_link
from app.domain.registrations.resume import create_resume_key, redeem
from app.web.device import SHARED_DEVICE_COOKIE, mark_as_shared

# The municipality with a meeting on the meetings page, and one without.
AARHUS, COPENHAGEN = "751", "101"


@contextmanager
def database(app: Flask) -> Iterator[Database]:
    db = connect(app.config["DATABASE"])
    try:
        yield db
    finally:
        db.close()


def printed_profile_link(app: Flask) -> str:
    """The code on the newest registration's printed profile, as its QR code holds it."""
    with database(app) as db:
        [row] = db.query("SELECT id FROM registrations ORDER BY id DESC LIMIT 1")
        return make_link(db, row["id"], days=app.config["PROFILE_LINK_DAYS"], with_health=False)


def remove_meetings(app: Flask) -> None:
    with database(app) as db:
        db.execute("DELETE FROM meeting_signups")
        db.execute("DELETE FROM meetings")
        db.conn.commit()


def in_two_weeks() -> datetime:
    """10 o'clock, two weeks from today: a meeting that is always still to come."""
    return (clock.local_now() + timedelta(days=14)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )


def add_meeting(app: Flask) -> str:
    """A meeting in Aarhus two weeks from today."""
    with database(app) as db:
        return create_meeting(
            db,
            starts_at=in_two_weeks(),
            ends_at=None,
            place="Jobcenter Aarhus",
            municipality_code=AARHUS,
            description_da="Vi fortæller om job. Du kan spørge om alt.",
            description_en="We talk about jobs. You can ask about anything.",
        )


def refused_link(app: Flask, reason: str) -> str:
    """A link from a mail that has been used already, or is too old."""
    token = codes.new_token()
    with database(app) as db:
        save_step(db, token, "name", {"name": "Ali"}, complete=True, language="da")
        key = create_resume_key(
            db,
            token,
            "link",
            secret=app.config["SECRET_KEY"],
            days=-1 if reason == "expired" else 30,
        )
        if reason == "used":
            redeem(db, "link", key, secret=app.config["SECRET_KEY"])
    return key


def shared_device_mark(app: Flask) -> str:
    """The cookie a signed-in staff member puts on a shared tablet."""
    from flask import Response

    with app.test_request_context():
        response = mark_as_shared(Response(), staff_id=1)
    header = next(
        h
        for h in response.headers.getlist("Set-Cookie")
        if h.startswith(SHARED_DEVICE_COOKIE + "=")
    )
    return header.split(";")[0].split("=", 1)[1]


def mail_works(app: Flask) -> bool:
    """Whether the site's mail server answers (the tests run a real one on 127.0.0.1)."""
    host, port = app.config["SMTP_HOST"], app.config["SMTP_PORT"]
    if not host:
        return False
    try:
        with smtplib.SMTP(host, port, timeout=5):
            return True
    except OSError:
        return False


@contextmanager
def mail_not_working(app: Flask) -> Iterator[None]:
    """The mail server is down: a port on this machine where nothing listens."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    before = app.config["SMTP_HOST"], app.config["SMTP_PORT"]
    app.config["SMTP_HOST"], app.config["SMTP_PORT"] = "127.0.0.1", port
    try:
        yield
    finally:
        app.config["SMTP_HOST"], app.config["SMTP_PORT"] = before


@contextmanager
def no_more_links(app: Flask) -> Iterator[None]:
    """The draft has had its links by mail for now (KLAPJOB_RESUME_MAILS_PER_DRAFT)."""
    before = app.config["RESUME_MAILS_PER_DRAFT"]
    app.config["RESUME_MAILS_PER_DRAFT"] = 0
    try:
        yield
    finally:
        app.config["RESUME_MAILS_PER_DRAFT"] = before
