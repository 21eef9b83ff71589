"""What a person keeps after sending: when KLAPjob calls, what happens next, a copy."""

from dataclasses import dataclass
from datetime import date

from flask import current_app, render_template
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.core import codes
from app.core.mail import may_mail, send_mail
from app.core.phone import format_phone
from app.domain.coverage import has_agreement
from app.domain.questions.summary import summary_rows
from app.domain.registrations.sending import spaced_reference
from app.domain.registrations.voice import recordings_of_registration
from app.web.database import get_db


@dataclass(frozen=True)
class StoryStep:
    pictogram: str
    title: str
    text: str


# What happens after sending, as a picture story. Nothing here is a promise of a job.
# The first step follows the way the person chose to be contacted.
FIRST_CONTACT = {
    "phone": StoryStep(
        "phone_call",
        _l("KLAPjob calls you"),
        _l("KLAPjob calls you.\nIt is a job consultant.\nA job consultant helps you get a job."),
    ),
    "sms": StoryStep(
        "sms",
        _l("KLAPjob sends you a text message"),
        _l(
            "KLAPjob sends you a text message.\nIt is from a job consultant.\n"
            "A job consultant helps you get a job."
        ),
    ),
    "email": StoryStep(
        "email",
        _l("KLAPjob writes to you"),
        _l(
            "KLAPjob sends you an email.\nIt is from a job consultant.\n"
            "A job consultant helps you get a job."
        ),
    ),
    "helper": StoryStep(
        "helper",
        _l("KLAPjob contacts your helper"),
        _l(
            "KLAPjob talks to the person who is with you.\nIt is a job consultant.\n"
            "A job consultant helps you get a job."
        ),
    ),
}

WHAT_HAPPENS_NEXT = (
    StoryStep(
        "meeting",
        _l("You meet"),
        _l("You meet the job consultant.\nYou talk about what you like and what you can do."),
    ),
    StoryStep(
        "search",
        _l("KLAPjob looks for work for you"),
        _l(
            "KLAPjob looks for a place to work that suits you.\n"
            "Nobody can promise you a job.\n"
            "But a job is the goal."
        ),
    ),
    StoryStep(
        "praktik",
        _l("You try the work"),
        _l("You try a job for a while. That is called a work trial (praktik)."),
    ),
    StoryStep(
        "job",
        _l("The job centre must say yes to the job"),
        _l("The job centre (jobcenter) is part of your municipality (kommune)."),
    ),
    StoryStep(
        "get_in_touch",
        _l("KLAPjob keeps in touch"),
        _l("Have you got a job?\nThen we keep in touch with you."),
    ),
)


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


def when_klapjob_calls(registration):
    """The lines that say when KLAPjob gets in touch: a day only where one was promised,
    and always what to do if nobody has been in touch."""
    calls = registration.answers.get("contact_method") == "phone"
    promised = registration.callback_promised_by
    if promised:
        day = weekday_and_date(date.fromisoformat(promised))
        if calls:
            first = _("KLAPjob tries to call you by %(date)s.", date=day)
        else:
            first = _("KLAPjob tries to contact you by %(date)s.", date=day)
    else:
        first = _("KLAPjob contacts you as soon as we can.")
    phone = current_app.config["KLAPJOB_PHONE"]
    if calls:
        last = _("Have we not called? Then call us on %(phone)s.", phone=phone)
    else:
        last = _("Have you not heard from us? Then call us on %(phone)s.", phone=phone)
    return [first, last, *phone_hours()]


def phone_hours() -> list[str]:
    """When KLAPjob's phone is open, as KLAPjob set it; nothing when it is not set."""
    hours = current_app.config.get("PHONE_HOURS", "")
    return [_("The phone is open %(hours)s.", hours=hours)] if hours else []


# A weekday and a date as each language writes them: "fredag den 11. december",
# "Friday 11 December".
WEEKDAY_AND_DATE = {"da": "EEEE 'den' d. MMMM", "en": "EEEE d MMMM"}


def weekday_and_date(day):
    return format_date(day, format=WEEKDAY_AND_DATE.get(str(get_locale()), "full"))


def about_the_municipality(registration):
    """Said honestly: KLAPjob works with every municipality, but not every one has an
    agreement with it, and then things may take longer."""
    code = registration.municipality_code
    if not code:
        return _("You did not know your municipality.\nKLAPjob finds out with you.")
    if has_agreement(get_db(), code):
        return None
    return _(
        "We have no fixed agreement with your municipality.\n"
        "We help you anyway.\n"
        "But it may take a little more time."
    )


def about_the_age(registration):
    if registration.answers.get("age_group") != "under_18":
        return None
    return _("You are under 18 years old.\nKLAPjob also talks with one of your parents.")


def reference_made_of(reference):
    count = len(reference)
    return {
        "letters": _("Your reference has %(count)d letters.", count=count),
        "numbers": _("Your reference has %(count)d numbers.", count=count),
        "letters and numbers": _("Your reference has %(count)d letters and numbers.", count=count),
    }[codes.signs_in(reference)]


def receipt_context(registration):
    return {
        "registration": registration,
        "reference": spaced_reference(registration.reference),
        # Read aloud one sign at a time, not as a word.
        "reference_spoken": " ".join(registration.reference),
        "reference_made_of": reference_made_of(registration.reference),
        "when_klapjob_calls": when_klapjob_calls(registration),
        "about_the_municipality": about_the_municipality(registration),
        "about_the_age": about_the_age(registration),
        "contact_promise": contact_promise(registration.answers),
        "story": what_happens_next(registration.answers),
    }


def what_happens_next(answers):
    first = FIRST_CONTACT.get(answers.get("contact_method"), FIRST_CONTACT["phone"])
    return (first, *WHAT_HAPPENS_NEXT)


def email_receipt(registration, address):
    """A copy by mail, to the person or (with their yes) their helper. Health answers stay
    out of it: ordinary mail is not a safe place for them. Not to an address that has had
    its mails for the day (the receipt is on the screen anyway)."""
    if not address or not may_mail(get_db(), address):
        return False
    body = render_template(
        "email/receipt.txt",
        **receipt_context(registration),
        rows=summary_rows(
            registration.answers,
            include_sensitive=False,
            said=recordings_of_registration(get_db(), registration.id),
        ),
    )
    subject = _(
        "Your registration with KLAPjob: %(reference)s",
        reference=spaced_reference(registration.reference),
    )
    return send_mail(address, subject, body)
