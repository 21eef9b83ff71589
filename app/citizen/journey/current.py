"""The visitor's draft: its cookie, loading it, and the address of each of its steps; and
what this browser sent, when it has no draft any more."""

from flask import current_app, render_template, url_for

from app.domain.questions.flow import CHECK_ANSWERS
from app.domain.registrations.drafts import draft_exists, load_draft
from app.domain.registrations.sending import receipt_for, spaced_reference
from app.web.cookies import DRAFT_COOKIE, RECEIPT_COOKIE, read_cookie, set_private_cookie
from app.web.database import get_db


def draft_token():
    return read_cookie(DRAFT_COOKIE)


def current_draft():
    return load_draft(get_db(), draft_token())


def url_for_step(key, *, changing=False):
    if key == CHECK_ANSWERS:
        return url_for("journey.check_answers")
    return url_for("journey.step", step_key=key, change=1 if changing else None)


def keep_draft(response, token):
    return set_private_cookie(
        response, DRAFT_COOKIE, token, days=current_app.config["DRAFT_COOKIE_DAYS"]
    )


def sent_registration():
    """The registration this browser sent (within RECEIPT_HOURS), or None."""
    token = read_cookie(RECEIPT_COOKIE)
    return receipt_for(get_db(), token, hours=current_app.config["RECEIPT_HOURS"])


def sent_and_no_draft():
    """What this browser sent, when it has started nothing since: then Back, refresh or an
    old tab on a question shows that the answers were sent, never an empty first question.
    A draft opened since (a code, a link) is worked on as usual."""
    if draft_exists(get_db(), draft_token()):
        return None
    return sent_registration()


def already_sent(registration):
    """The page that says the answers were sent, with the reference, and the one way to
    begin again: the button "Start again for another person"."""
    return render_template(
        "journey/sent.html",
        reference=spaced_reference(registration.reference),
        reference_spoken=" ".join(registration.reference),
    )
