"""The job profile by email, the same from the person's page and from the back office:
to the person's own address, or else their helper's, as plain text, never with health."""

from flask import render_template
from flask_babel import gettext as _

from app.core.mail import send_mail
from app.domain.questions.model import Answers
from app.domain.registrations.profile import Additions, build_profile


def profile_mail_address(answers: Answers) -> str | None:
    """The person's own address, or else their helper's; None when there is neither."""
    for address in (answers.get("email"), answers.get("helper_contact")):
        if isinstance(address, str) and "@" in address:
            return address
    return None


def send_profile_mail(answers: Answers, additions: Additions, address: str) -> bool:
    """Health never goes by email, whatever the page shows. False when it could not go."""
    body = render_template("email/profile.txt", profile=build_profile(answers, additions))
    return send_mail(address, _("Your job profile from KLAPjob"), body)
