"""Sending email through the SMTP server the environment names (nothing is sent without one)."""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app
from flask_babel.speaklater import LazyString
from sqlite_utils import Database

from app.core.limits import Limit, subject, take_one_of_each
from app.core.public_address import mail_has_an_address
from app.core.site_text import without_marks

SMTP_TIMEOUT_SECONDS = 10
DAY = 24 * 3600


def mail_is_configured() -> bool:
    """A mail server, and an address for the links in mails (core/public_address.py)."""
    config = current_app.config
    return bool(config["SMTP_HOST"]) and mail_has_an_address(config)


def mails_to_one_recipient() -> Limit:
    """Mails a visitor can have sent to one address in a day, of every kind together
    (KLAPJOB_MAILS_PER_RECIPIENT_PER_DAY): nobody can make KLAPjob flood an inbox."""
    return Limit("mail_to_recipient", current_app.config["MAILS_PER_RECIPIENT_PER_DAY"], DAY)


def recipient(address: str) -> str:
    return subject("recipient", address.strip().lower())


def may_mail(db: Database, address: str, *also: tuple[Limit, str]) -> bool:
    """Counts one mail a visitor asked for against its recipient's day and `also` (the
    client's hour, the draft's...). False, counting nothing, when any of them is spent."""
    return take_one_of_each(db, [(mails_to_one_recipient(), recipient(address)), *also])


def send_mail(to: str, subject: str | LazyString, body: str | LazyString) -> bool:
    """Send a plain-text message. Returns False, and logs why, when it could not be sent:
    a failing mail server must never lose a registration."""
    if not mail_is_configured():
        return False
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = without_marks(str(subject))
    message["Message-ID"] = make_msgid(domain="klapjob.local")
    # Pages that are read aloud mark the site's own texts (site_text.py): never in a mail.
    message.set_content(without_marks(str(body)))
    try:
        with smtplib.SMTP(
            config["SMTP_HOST"], config["SMTP_PORT"], timeout=SMTP_TIMEOUT_SECONDS
        ) as smtp:
            if config["SMTP_STARTTLS"]:
                smtp.starttls(context=ssl.create_default_context())
            if config["SMTP_USER"]:
                smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        # The address and the text hold personal data: log only what went wrong.
        current_app.logger.warning("Mail not sent: %s", type(error).__name__)
        return False
    return True
