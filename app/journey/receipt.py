"""What a person keeps after sending: when KLAPjob calls, what happens next, a copy."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from flask_babel import format_date, gettext as _, lazy_gettext as _l

from ..mail import send_mail
from ..phone import format_phone
from ..registrations import spaced_reference
from .summary import summary_rows

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class StoryStep:
    pictogram: str
    title: str
    text: str


# What happens after sending, as a picture story.
WHAT_HAPPENS_NEXT = (
    StoryStep("phone_call", _l("KLAPjob calls you"), _l("A job consultant calls you. You talk about what you want.")),
    StoryStep("meeting", _l("You meet"), _l("You meet the job consultant. You talk about what you like and what you can do.")),
    StoryStep("search", _l("KLAPjob finds a workplace"), _l("KLAPjob looks for a workplace that fits you.")),
    StoryStep("praktik", _l("You try the work"), _l("You try the work for a while. This is called a work trial.")),
    StoryStep("job", _l("You get a job"), _l("You get a job with pay. KLAPjob helps with the papers.")),
    StoryStep("follow_up", _l("KLAPjob keeps in touch"), _l("KLAPjob asks how it goes after 6 months. Then once a year.")),
)


def add_working_days(start, days):
    """`days` weekdays after `start`. Public holidays are not counted out (yet)."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def callback_deadline(submitted_at):
    sent_day = datetime.fromisoformat(submitted_at).astimezone(DANISH_TIME).date()
    return add_working_days(sent_day, current_app.config["CALLBACK_WORKING_DAYS"])


def contact_promise(answers):
    """How KLAPjob will reach this person, in their own terms."""
    method = answers.get("contact_method")
    if method == "phone":
        return _("KLAPjob calls you on %(phone)s.", phone=format_phone(answers["phone"]))
    if method == "sms":
        return _("KLAPjob sends a text message to %(phone)s.", phone=format_phone(answers["phone"]))
    if method == "email":
        return _("KLAPjob writes to %(email)s.", email=answers["email"])
    return _("KLAPjob contacts %(helper)s, who helps you.", helper=answers.get("helper_name", ""))


def receipt_context(registration):
    deadline = callback_deadline(registration.submitted_at)
    return {
        "registration": registration,
        "reference": spaced_reference(registration.reference),
        # Read aloud one sign at a time, not as a word.
        "reference_spoken": " ".join(registration.reference),
        "deadline": format_date(deadline, format="EEEE d. MMMM"),
        "deadline_iso": date.isoformat(deadline),
        "contact_promise": contact_promise(registration.answers),
        "story": WHAT_HAPPENS_NEXT,
    }


def email_receipt(registration, address):
    """A copy by mail, to the person or (with their yes) their helper. Health answers stay
    out of it: ordinary mail is not a safe place for them."""
    if not address:
        return False
    body = render_template(
        "email/receipt.txt",
        **receipt_context(registration),
        rows=summary_rows(registration.answers, include_sensitive=False),
    )
    subject = _("Your registration with KLAPjob: %(reference)s",
                reference=spaced_reference(registration.reference))
    return send_mail(address, subject, body)
