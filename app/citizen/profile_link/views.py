"""The page a printed job profile's QR code opens on a phone: that paper's version of the
profile, read aloud, the person's own voice first where that paper's yes allows it.

The address holds the code's token and nothing else (docs/profile.md). The page is
personal: never stored (`no-store`, web/security.py), never indexed and never named to
another site (`@unshared`: `noindex`, `Referrer-Policy: no-referrer`). An unknown, ended
or withdrawn code and a made-up one meet the same kind page, with 404. One client address
may open so many an hour (KLAPJOB_PROFILE_LINK_OPENINGS_PER_HOUR), and each opening is
written to the audit log by the registration's reference only. Reading the page aloud
renders it again for each passage (speech/own.py): that is the same opening, neither
counted nor logged again.
"""

from dataclasses import replace

from flask import Blueprint, abort, current_app, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date

from app.core.limits import Limit, this_client
from app.domain.registrations.profile import Profile
from app.domain.registrations.profile_links import LinkedProfile, linked_profile, record_opening
from app.speech.own import rendering_again
from app.web.audio import recording_on_this_profile
from app.web.database import get_db
from app.web.employer_contact import with_klapjob_contact
from app.web.listenable import listenable, not_listenable
from app.web.security import unshared

blueprint = Blueprint("profile_link", __name__, url_prefix="/p")


def openings_limit() -> Limit:
    return Limit("profile_link", current_app.config["PROFILE_LINK_OPENINGS_PER_HOUR"], 3600)


def ended() -> ResponseReturnValue:
    return render_template("profile_link/ended.html"), 404


@blueprint.get("/<token>")
@listenable
@unshared
def profile(token: str) -> ResponseReturnValue:
    db = get_db()
    if not rendering_again():
        limit, client = openings_limit(), this_client()
        if limit.reached(db, client):
            return render_template("profile_link/ended.html", busy=True), 429
        limit.record(db, client)
    linked = linked_profile(db, token)
    if linked is None:
        return ended()
    if not rendering_again():
        record_opening(db, linked)
    shown = as_on_paper(linked)
    voices = {
        section.key: url_for(".voice", token=token, voice_id=section.voice)
        for section in shown.sections
        if section.voice
    }
    return render_template(
        "profile_link/profile.html",
        profile=shown,
        voices=voices,
        last_day=format_date(linked.last_day, format="long"),
    )


def as_on_paper(linked: LinkedProfile) -> Profile:
    """The employer's version names whom at KLAPjob to call and the day it was printed."""
    if not linked.for_employer:
        return linked.profile
    with_contact = with_klapjob_contact(linked.profile, linked.contact_name)
    return replace(with_contact, made_on=linked.made_on)


@blueprint.get("/<token>/voice/<voice_id>")
@not_listenable
@unshared
def voice(token: str, voice_id: str) -> ResponseReturnValue:
    """The person's recording where this paper's version plays it; 404 for any other."""
    db = get_db()
    if openings_limit().reached(db, this_client()):
        abort(429)
    linked = linked_profile(db, token)
    if linked is None:
        abort(404)
    return recording_on_this_profile(db, linked.registration_id, linked.profile, voice_id)
