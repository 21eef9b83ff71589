""" "Se din jobprofil": the person's own job profile after sending, from the receipt.

The page knows whose profile it shows as the receipt does: by the receipt cookie of this
browser (never by anything in the address). It is read aloud through the personal path
(its words are the person's), printed on one A4 page, downloaded as a PDF made on the
server, and sent by email only with the person's yes and never with their health. Where
the person said an answer in their own voice, its box plays it, with their yes (never
health, never in a mail or a PDF). A photo the person sends (the tablet's camera, or a
phone's camera or pictures) is on the page and its paper, made small and stripped of its
metadata on the server (app/core/photos.py), never in a mail.
"""

from collections.abc import Callable
from typing import Any

from flask import (
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlite_utils import Database
from wtforms import BooleanField

from app.citizen.journey.blueprint import blueprint
from app.citizen.journey.sending import sent_registration
from app.core.db import write_transaction
from app.core.limits import Limit, this_client
from app.core.mail import may_mail
from app.core.site_text import gettext as _
from app.domain.registrations.profile import Profile, can_show_health
from app.domain.registrations.profile_photo import (
    Refused,
    keep_photo,
    photo_bytes_limit,
    photo_for_paper,
    remove_photo,
)
from app.domain.registrations.profile_versions import (
    latest_version,
    profile_changed,
    profile_of,
    record_health_choice,
    record_voice_choice,
)
from app.domain.registrations.profile_voice import voices_on_profile
from app.web.audio import recording_on_this_profile
from app.web.database import get_db
from app.web.i18n import current_language
from app.web.listenable import listenable, not_listenable
from app.web.photos import photo_on_this_profile, photo_shown
from app.web.profile_mail import profile_mail_address, send_profile_mail
from app.web.profile_pdf import pdf_response, profile_pdf
from app.web.profile_qr import printed_link
from app.web.question_page import form_errors

TOO_MANY_MAILS = _l("We have sent many emails from here just now. Try again later.")
PHOTO_REFUSALS = {
    "none": _l("Take a photo, or choose one. Then press Save the photo."),
    "not_image": _l("We could not see a photo in that file. Try another photo."),
    "too_big": _l("The photo takes up too much room. Choose another, or take a new one."),
}
# The photo's input: its name and id on the page (and the error summary's link to it).
PHOTO_INPUT = "photo"
# Photos sent or removed from one place in an hour: each is read and made again (a second
# of a worker) and writes an audit entry.
PHOTOS_PER_HOUR = 10
# Each choice (health or voice, counted together) writes a version and an audit entry:
# enough to change one's mind, not a loop.
HEALTH_CHOICES_PER_HOUR = 10


def pdf_limit():
    """PDFs one client address may have made in an hour (each takes seconds of a worker)."""
    return Limit("profile_pdf", current_app.config["PROFILE_PDFS_PER_HOUR"], 3600)


def photo_limit():
    return Limit("profile_photo", PHOTOS_PER_HOUR, 3600)


def health_choice_limit():
    return Limit("profile_health_choice", HEALTH_CHOICES_PER_HOUR, 3600)


def mail_limit():
    """Profile emails from one client address in an hour (KLAPJOB_PROFILE_MAILS_PER_HOUR)."""
    return Limit("profile_mail", current_app.config["PROFILE_MAILS_PER_HOUR"], 3600)


class ProfileMailForm(FlaskForm):
    person_agrees = BooleanField(_l("Yes, send my job profile by email."))


class HealthChoiceForm(FlaskForm):
    """A button each way: the form only carries the security token."""


def render_profile(registration, mail_form, status=200, busy=None, photo_error=None):
    """The page; `busy`: the limit this client reached ("pdfs", "choices"), said on it;
    `photo_error`: why the photo just sent was not kept, said beside its field."""
    db = get_db()
    profile = profile_of(db, registration.id, registration.answers)
    latest = latest_version(db, registration.id)
    errors = ([(PHOTO_INPUT, photo_error)] if photo_error else []) + form_errors(mail_form)
    return render_template(
        "journey/profile.html",
        profile=profile,
        photo=photo_shown(db, registration.id, profile, "journey.profile_photo"),
        photo_input=PHOTO_INPUT,
        photo_error=photo_error,
        voices=voice_addresses(profile),
        asks_voice=bool(voices_on_profile(db, registration.id)),
        shows_voice=latest.include_voice,
        asks_health=can_show_health(registration.answers),
        shows_health=latest.include_health,
        address=profile_mail_address(registration.answers),
        mail_form=mail_form,
        health_form=HealthChoiceForm(),
        emailed=session.pop("profile_emailed", False),
        errors=errors,
        busy=busy,
    ), status


@blueprint.get("/profile")
@listenable
def profile():
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    record_for_the_log(registration, "viewed_profile")
    return render_profile(registration, ProfileMailForm())


@blueprint.post("/profile/health/<any(show, hide):choice>")
def choose_health(choice: str) -> ResponseReturnValue:
    return profile_choice(
        lambda registration: can_show_health(registration.answers), record_health_choice, choice
    )


@blueprint.post("/profile/own-voice/<any(show, hide):choice>")
def choose_voice(choice: str) -> ResponseReturnValue:
    """The person's yes (or no again) to their own voice playing on their profile."""
    return profile_choice(
        lambda registration: bool(voices_on_profile(get_db(), registration.id)),
        record_voice_choice,
        choice,
    )


def profile_choice(
    may_choose: Callable[[Any], bool],
    record: Callable[[Database, int, bool], object],
    choice: str,
) -> ResponseReturnValue:
    """A yes or no on the profile page (health, the person's own voice), for a person who
    has something to choose about: recorded, at most so many an hour from one place."""
    registration = sent_registration()
    if registration is None or not may_choose(registration):
        return redirect(url_for("pages.start"))
    if HealthChoiceForm().validate():
        limit, client = health_choice_limit(), this_client()
        if limit.reached(get_db(), client):
            return render_profile(registration, ProfileMailForm(), status=429, busy="choices")
        limit.record(get_db(), client)
        record(get_db(), registration.id, choice == "show")
    return redirect(url_for("journey.profile"))


@blueprint.post("/profile/photo")
@listenable
def profile_photo_upload() -> ResponseReturnValue:
    """The person's photo for their profile: taken with the camera or chosen, as a file in
    the form (multipart, with its security token). Sending it is their yes; another one
    takes its place. What is not kept is said beside the field, and nothing else changes."""
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    if not HealthChoiceForm().validate():
        return redirect(url_for("journey.profile"))
    db, limit, client = get_db(), photo_limit(), this_client()
    if limit.reached(db, client):
        return render_profile(registration, ProfileMailForm(), status=429, busy="choices")
    upload = request.files.get(PHOTO_INPUT)
    # One byte past the limit is enough to know it is too big: no more is read.
    data = upload.read(photo_bytes_limit() + 1) if upload else b""
    if not data:
        return render_profile(
            registration, ProfileMailForm(), status=400, photo_error=PHOTO_REFUSALS["none"]
        )
    limit.record(db, client)
    try:
        keep_photo(db, registration.id, data)
    except Refused as refusal:
        message = PHOTO_REFUSALS[refusal.reason]
        return render_profile(registration, ProfileMailForm(), status=400, photo_error=message)
    return redirect(url_for("journey.profile", _anchor="photo-choice"))


@blueprint.post("/profile/photo/remove")
def remove_profile_photo() -> ResponseReturnValue:
    """ "Remove the photo": it is deleted, and on no version any more."""
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    if HealthChoiceForm().validate():
        remove_photo(get_db(), registration.id)
    return redirect(url_for("journey.profile", _anchor="photo-choice"))


@blueprint.get("/profile/photo/<photo_id>")
@not_listenable
def profile_photo(photo_id: str) -> Response:
    """The photo on this person's profile, to the browser whose receipt it is."""
    registration = sent_registration()
    if registration is None:
        abort(404)
    profile = profile_of(get_db(), registration.id, registration.answers)
    return photo_on_this_profile(get_db(), registration.id, profile, photo_id)


@blueprint.get("/profile/voice/<voice_id>")
@not_listenable
def profile_voice(voice_id: str) -> Response:
    """One recording on this person's profile, to the browser whose receipt it is."""
    registration = sent_registration()
    if registration is None:
        abort(404)
    profile = profile_of(get_db(), registration.id, registration.answers)
    return recording_on_this_profile(get_db(), registration.id, profile, voice_id)


def voice_addresses(profile: Profile) -> dict[str, str]:
    """{box key: address} of the recordings that play on the person's page."""
    return {
        section.key: url_for("journey.profile_voice", voice_id=section.voice)
        for section in profile.sections
        if section.voice
    }


@blueprint.post("/profile/email")
@listenable
def email_profile():
    registration = sent_registration()
    address = registration and profile_mail_address(registration.answers)
    if not address:
        return redirect(url_for("pages.start"))
    form = ProfileMailForm()
    if not (form.validate() and form.person_agrees.data):
        form.person_agrees.errors = [_("Tick the box if you say yes")]
        return render_profile(registration, form)
    if not may_mail(get_db(), address, (mail_limit(), this_client())):
        form.person_agrees.errors = [TOO_MANY_MAILS]
        return render_profile(registration, form, status=429)
    additions = latest_version(get_db(), registration.id).additions
    if send_profile_mail(registration.answers, additions, address):
        session["profile_emailed"] = True
        record_for_the_log(registration, "emailed_profile")
    return redirect(url_for("journey.profile"))


@blueprint.get("/profile.pdf")
@not_listenable
def profile_download():
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    limit, client = pdf_limit(), this_client()
    if limit.reached(get_db(), client):
        return render_profile(registration, ProfileMailForm(), status=429, busy="pdfs")
    limit.record(get_db(), client)
    record_for_the_log(registration, "printed_profile")
    profile = profile_of(get_db(), registration.id, registration.answers)
    photo = photo_for_paper(get_db(), registration.id, profile)
    link = printed_link(get_db(), registration.id, with_health=profile.shows_health)
    pdf = profile_pdf(
        profile, title=_("My job profile"), language=current_language(), photo=photo, link=link
    )
    return pdf_response(pdf, "jobprofil.pdf")


def record_for_the_log(registration, action):
    """The audit log hears what was done with the profile (never its words)."""
    db = get_db()
    with write_transaction(db):
        profile_changed.send(action, db=db, user=None, reference=registration.reference, detail="")
