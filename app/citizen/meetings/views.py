"""Citizen pages: the coming meetings near the person, and signing up with name and phone."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import format_date, format_time, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.core import clock
from app.core.limits import Limit, this_client
from app.domain.meetings import meeting_by_public_id, meetings_near, sign_up
from app.domain.municipalities import municipalities_by_name
from app.domain.questions.model import Choice, Field, Step
from app.domain.registrations.drafts import load_draft
from app.web.cookies import DRAFT_COOKIE, read_cookie
from app.web.database import get_db
from app.web.listenable import listenable
from app.web.question_page import error_list, questions_on_page
from app.web.step_forms import form_for

blueprint = Blueprint("meetings", __name__, url_prefix="/meetings")

SIGN_UP = Step(
    key="meeting_signup",
    question=_l("Sign up for the meeting"),
    pictogram="meeting",
    why=_l("KLAPjob only uses your name and number for the meeting."),
    fields=(
        Field(
            "name",
            "text",
            _l("Your name"),
            error_required=_l("Write your name"),
            autocomplete="name",
            max_length=100,
        ),
        Field(
            "phone",
            "phone",
            _l("Your phone number"),
            hint=_l("For example 20 30 40 50"),
            error_required=_l("Write your phone number"),
            autocomplete="tel",
            max_length=30,
        ),
    ),
)

TOO_MANY_SIGNUPS = _l(
    "Many have signed up from here in the last hour. Try again later, or call KLAPjob."
)


def signups_limit():
    """Sign-ups from one address in an hour (KLAPJOB_MEETING_SIGNUPS_PER_HOUR)."""
    return Limit("meeting_signup", current_app.config["MEETING_SIGNUPS_PER_HOUR"], 3600)


CHOOSE_MUNICIPALITY = Field(
    "municipality",
    "select",
    _l("Show meetings near"),
    choices=tuple(Choice(code, name) for code, name in municipalities_by_name()),
)


# A day and a time as each language writes them: "fredag den 11. december 2026 kl. 10.00",
# "Friday 11 December 2026 at 10:00" (Babel's "en" is American: "Friday, December 11").
MEETING_DAY = {"en": "EEEE d MMMM y"}
MEETING_TIME = {"en": "HH:mm"}


def when(meeting):
    """'onsdag den 3. december 2026 kl. 10.00' in the page's language."""
    language = str(get_locale())
    return _(
        "%(day)s at %(time)s",
        day=format_date(meeting.starts_at, MEETING_DAY.get(language, "full")),
        time=format_time(meeting.starts_at, MEETING_TIME.get(language, "short")),
    )


def draft_answers():
    return load_draft(get_db(), read_cookie(DRAFT_COOKIE)).answers


@blueprint.get("")
@listenable
def coming():
    chosen = request.args.get("municipality") or draft_answers().get("municipality", "")
    if chosen and chosen not in {c.value for c in CHOOSE_MUNICIPALITY.choices}:
        chosen = ""
    meetings, are_near = meetings_near(get_db(), chosen, now=clock.local_now())
    return render_template(
        "meetings/coming.html",
        meetings=meetings,
        are_near=are_near,
        chosen=chosen,
        municipalities=CHOOSE_MUNICIPALITY.choices,
        when=when,
    )


@blueprint.route("/<public_id>", methods=["GET", "POST"])
@listenable
def meeting(public_id):
    found = meeting_by_public_id(get_db(), public_id)
    if found is None or found.starts_at < clock.local_now():
        abort(404)
    status = 200
    if request.method == "POST":
        form = form_for(SIGN_UP, formdata=request.form)
        limit, client = signups_limit(), this_client()
        if form.validate_with({}):
            if limit.reached(get_db(), client):
                form.name.errors.append(TOO_MANY_SIGNUPS)
                status = 429
            else:
                limit.record(get_db(), client)
                answers = form.given_answers()
                sign_up(get_db(), found, name=answers["name"], phone=answers["phone"])
                return redirect(url_for(".signed_up", public_id=public_id))
    else:
        # Never ask twice: a person who has started the journey gets their answers offered.
        known = {k: v for k, v in draft_answers().items() if k in ("name", "phone")}
        form = form_for(SIGN_UP, answers=known)
    return render_template(
        "meetings/meeting.html",
        meeting=found,
        when=when(found),
        step=SIGN_UP,
        form=form,
        questions=questions_on_page(SIGN_UP, form, {}),
        errors=error_list(SIGN_UP, form),
    ), status


@blueprint.get("/<public_id>/signed-up")
@listenable
def signed_up(public_id):
    found = meeting_by_public_id(get_db(), public_id) or abort(404)
    return render_template("meetings/signed_up.html", meeting=found, when=when(found))
