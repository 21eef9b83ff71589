"""Sending email through the SMTP server the environment names (nothing is sent without one)."""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app
from flask_babel.speaklater import LazyString

from app.core.site_text import without_marks

SMTP_TIMEOUT_SECONDS = 10


def mail_is_configured() -> bool:
    return bool(current_app.config["SMTP_HOST"])


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
