"""A new registration enters the back office: it gets an unguessable id for its URL and
the consultant who covers its municipality, and that consultant gets an email.

The email holds a link and nothing about the person: ordinary mail is not a place for
personal data, and the link works only after signing in.
"""

from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlite_utils import Database

from app.core import codes
from app.core.mail import send_mail
from app.domain.registrations.events import registration_sent, registration_stored
from app.staff.core import monthly_figures
from app.staff.core.users import user_by_id
from app.web.links import public_url


def receive_registration(
    db: Database, registration_id: int, municipality_code: str, consultant_id: int
) -> None:
    """Inside the transaction that stores the registration: its public id and the
    consultant the domain found to cover the municipality (or None)."""
    db.execute(
        "UPDATE registrations SET public_id = ?, consultant_id = ?, status_changed_at = "
        "submitted_at WHERE id = ?",
        [codes.new_public_id(12), consultant_id, registration_id],
    )
    submitted_at = next(
        db.query("SELECT submitted_at FROM registrations WHERE id = ?", [registration_id])
    )["submitted_at"]
    monthly_figures.add(
        db,
        monthly_figures.REGISTERED,
        municipality=municipality_code,
        month=monthly_figures.month_of(submitted_at),
    )


def recipients(db: Database, consultant_id: int | None) -> list[str]:
    """The consultant it was given to; nobody covers the municipality, then the admins."""
    if consultant_id is not None:
        consultant = user_by_id(db, consultant_id)
        assert consultant is not None  # a user is never deleted, only made inactive
        return [consultant.email]
    return [
        row["email"]
        for row in db.query(
            "SELECT email FROM users WHERE role = 'admin' AND active = 1 ORDER BY id"
        )
    ]


def notify_new_registration(db: Database, registration_id: int) -> None:
    """Tell staff a registration has come. Never raises: the person's registration is
    stored already, and a mail problem must not turn their receipt into an error page."""
    try:
        row = next(
            db.query(
                "SELECT public_id, consultant_id FROM registrations WHERE id = ?", [registration_id]
            )
        )
        public_id, consultant_id = row["public_id"], row["consultant_id"]
        link = public_url("staff.registration", public_id=public_id)
        with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
            subject = _("New registration at KLAPjob")
            body = render_template(
                "email/new_registration.txt", link=link, assigned=consultant_id is not None
            )
        for address in recipients(db, consultant_id):
            send_mail(address, subject, body)
    except Exception:
        current_app.logger.exception("Staff notification not sent")


def on_registration_stored(
    db: Database, registration_id: int, municipality_code: str, consultant_id: int, **_: Any
) -> None:
    receive_registration(db, registration_id, municipality_code, consultant_id)


def on_registration_sent(db: Database, registration_id: int, **_: Any) -> None:
    notify_new_registration(db, registration_id)


def subscribe() -> None:
    """The back office hears of every sent registration (domain/registrations/events.py)."""
    registration_stored.connect(on_registration_stored)
    registration_sent.connect(on_registration_sent)
