"""The page where a person asks KLAPjob to call them, and its short receipt. The questions
are the journey's own (name, phone, municipality: their words, checks and messages); when
to call keeps the first call's choices; the yes is the consent page's own sentence."""

from dataclasses import replace

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.citizen.journey.receipt import receipt_context
from app.core.limits import Limit, this_client
from app.core.site_text import site_value
from app.domain.questions.first_call import CALL_TIMES
from app.domain.questions.model import Field, Step
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.registrations.call_me import ask_to_be_called
from app.domain.registrations.drafts import load_draft
from app.domain.registrations.sending import receipt_for
from app.web.cookies import CALL_ME_COOKIE, DRAFT_COOKIE, read_cookie, set_private_cookie
from app.web.database import get_db
from app.web.i18n import current_language
from app.web.listenable import listenable
from app.web.question_page import error_list, questions_on_page
from app.web.step_forms import form_for

blueprint = Blueprint("call_me", __name__, url_prefix="/call-me")

CALL_ME = Step(
    key="call_me",
    question=_l("Ask KLAPjob to call you"),
    pictogram="phone_call",
    why=_l("You do not have to answer all the questions.\nKLAPjob calls you."),
    fields=(
        FIELDS_BY_NAME["name"],
        FIELDS_BY_NAME["phone"],
        Field(
            "call_time",
            "checkboxes",
            _l("When is a good time to call you? (optional)"),
            hint=_l("You may choose more than 1. You may also skip this question."),
            required=False,
            choices=CALL_TIMES,
        ),
        # Without its finder: the list alone, on a page that asks several things.
        replace(FIELDS_BY_NAME["municipality"], finder=None, search_kept_as=None),
        Field(
            "consent",
            "confirm",
            _l("Yes, KLAPjob may keep my answers and contact me."),
            error_required=_l("Tick the box if KLAPjob may have your answers"),
        ),
    ),
)

TOO_MANY_REQUESTS = _l(
    "Many have asked from here in the last hour. Try again later, or call KLAPjob."
)


def requests_limit() -> Limit:
    """Requests from one address in an hour (KLAPJOB_CALL_REQUESTS_PER_HOUR)."""
    return Limit("call_request", current_app.config["CALL_REQUESTS_PER_HOUR"], 3600)


def number_we_call_from() -> str | int | None:
    number = current_app.config.get("CALLS_FROM", "")
    return site_value(number) if number else None


@blueprint.route("", methods=["GET", "POST"])
@listenable
def ask() -> ResponseReturnValue:
    status = 200
    if request.method == "POST":
        form = form_for(CALL_ME, formdata=request.form)
        limit, client = requests_limit(), this_client()
        if form.validate_with({}):
            if limit.reached(get_db(), client):
                form.name.errors.append(TOO_MANY_REQUESTS)
                status = 429
            else:
                limit.record(get_db(), client)
                token = ask_to_be_called(
                    get_db(), form.given_answers(), language=current_language()
                )
                response = redirect(url_for(".sent"))
                return set_private_cookie(response, CALL_ME_COOKIE, token)
    else:
        # Never ask twice: what a person has answered on the journey is offered.
        started = load_draft(get_db(), read_cookie(DRAFT_COOKIE)).answers
        known = {k: v for k, v in started.items() if k in CALL_ME.field_names}
        form = form_for(CALL_ME, answers=known)
    return render_template(
        "call_me/ask.html",
        step=CALL_ME,
        form=form,
        questions=questions_on_page(CALL_ME, form, {}),
        errors=error_list(CALL_ME, form),
        calls_from=number_we_call_from(),
    ), status


@blueprint.get("/sent")
@listenable
def sent() -> ResponseReturnValue:
    hours = current_app.config["RECEIPT_HOURS"]
    registration = receipt_for(get_db(), read_cookie(CALL_ME_COOKIE), hours=hours)
    if registration is None:
        return redirect(url_for(".ask"))
    # The receipt's own words: when KLAPjob calls, what to do if nobody has, and the
    # story that begins with a call.
    return render_template("call_me/sent.html", **receipt_context(registration))
