"""The job profile in the back office, beside the registration: what the person sees,
what the consultant adds with them (each change a version, with who and when), the
person's yes to an employer, and the employer's version (no health, no contact details),
printable and as a PDF. Every view, PDF and change is written to the audit log. Where the
person said an answer in their own voice and said yes to it on their profile, its box
plays it; on an employer's version only with that version's own yes too. The photo the
person put on their profile shows on it and its PDF; on an employer's version only with
that version's own yes to it. (The sound and the photo are served by profile_media.py.)"""

from collections.abc import Callable
from dataclasses import asdict
from functools import wraps
from typing import Any

from flask import Response, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.domain.registrations.profile import Additions, Profile
from app.domain.registrations.profile_photo import (
    photo_for_paper,
)
from app.domain.registrations.profile_versions import (
    EmployerYes,
    NoEmployerYes,
    employer_profile,
    employer_yeses,
    health_chosen,
    latest_version,
    profile_of,
    record_employer_yes,
    save_version,
    versions,
    withdraw_employer_yes,
)
from app.domain.registrations.sending import answers_of
from app.staff.cases.forms.profile import EmployerYesForm, LearnedForm, ProfileMailForm
from app.staff.core import audit
from app.staff.core.access import RegistrationRow
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.health import health_shown, of_registration, shows_at_once
from app.staff.core.permissions import current_user, requires, with_registration
from app.web.database import get_db
from app.web.employer_contact import with_klapjob_contact
from app.web.photos import photo_shown
from app.web.profile_mail import profile_mail_address, send_profile_mail
from app.web.profile_pdf import pdf_response, profile_pdf
from app.web.profile_qr import printed_link
from app.web.question_page import form_errors


def show_profile(
    registration: RegistrationRow,
    *,
    learned: Any = None,
    employer_form: Any = None,
    mail_form: Any = None,
    status: int = 200,
    asked: bool = False,
) -> ResponseReturnValue:
    """The page. Health the person chose to show is on it for the consultant the case is
    given to, or after "Show health" (`asked`), whose one audit entry stands for this view."""
    db = get_db()
    user = current_user()
    shows_health = health_shown(db, user, of_registration(registration), "profile", asked=asked)
    if not asked:
        audit.record_now(db, user, "viewed_profile", reference=registration.reference)
    answers = answers_of(db, registration.id)
    latest = latest_version(db, registration.id)
    learned = learned or LearnedForm(formdata=None, **asdict(latest.additions))
    employer_form = employer_form or EmployerYesForm(formdata=None)
    mail_form = mail_form or ProfileMailForm(formdata=None)
    profile = profile_of(db, registration.id, answers, health_allowed=shows_health)
    return render_template(
        "staff/profile.html",
        row=registration,
        profile=profile,
        voices=voice_addresses(profile, "staff.profile_voice", public_id=registration.public_id),
        photo=photo_shown(
            db,
            registration.id,
            profile,
            "staff.profile_photo",
            public_id=registration.public_id,
        ),
        has_photo=bool(profile.photo),
        voice_chosen=latest.include_voice,
        health_hidden=health_chosen(db, registration.id, answers)
        and not shows_at_once(user, of_registration(registration)),
        versions=list(reversed(versions(db, registration.id))),
        yeses=employer_yeses(db, registration.id),
        learned=learned,
        employer_form=employer_form,
        mail_form=mail_form,
        mail_address=profile_mail_address(answers),
        errors=form_errors(learned) + form_errors(employer_form) + form_errors(mail_form),
    ), status


def voice_addresses(profile: Profile, endpoint: str, **address: Any) -> dict[str, str]:
    """{box key: address} of the recordings in the person's own voice on this profile."""
    return {
        section.key: url_for(endpoint, voice_id=section.voice, **address)
        for section in profile.sections
        if section.voice
    }


def back_to_profile(registration: RegistrationRow, message: str) -> ResponseReturnValue:
    flash(message)
    return redirect(url_for(".registration_profile", public_id=registration.public_id))


@blueprint.get("/registrations/<public_id>/profile")
@requires("staff")
@with_registration
def registration_profile(registration: RegistrationRow) -> ResponseReturnValue:
    return show_profile(registration)


@blueprint.post("/registrations/<public_id>/profile")
@requires("staff")
@with_registration
def add_to_profile(registration: RegistrationRow) -> ResponseReturnValue:
    form = LearnedForm()
    if not form.validate():
        return show_profile(registration, learned=form)
    additions = Additions(
        form.good_at.data, form.went_well.data, form.was_hard.data, form.accommodations.data
    )
    number = save_version(get_db(), registration.id, user=current_user(), additions=additions)
    if number is None:
        return back_to_profile(registration, _l("Nothing changed."))
    return back_to_profile(
        registration, _l("Version %(number)s of the profile is saved.", number=number)
    )


@blueprint.post("/registrations/<public_id>/profile/health")
@requires("staff")
@with_registration
def show_profile_health(registration: RegistrationRow) -> ResponseReturnValue:
    """ "Show health" on the profile of a registration that is not this user's."""
    if not ActionForm().validate_on_submit():
        return back_to_profile(registration, _l("Nothing changed."))
    return show_profile(registration, asked=True)


@blueprint.get("/registrations/<public_id>/profile.pdf")
@requires("staff")
@with_registration
def registration_profile_pdf(registration: RegistrationRow) -> ResponseReturnValue:
    """The person's own version, to print at the meeting or hand over."""
    return profile_pdf_response(registration)


@blueprint.post("/registrations/<public_id>/profile.pdf")
@requires("staff")
@with_registration
def registration_profile_pdf_with_health(registration: RegistrationRow) -> ResponseReturnValue:
    """The PDF with the health the person chose to show, after "Show health"."""
    if not ActionForm().validate_on_submit():
        return back_to_profile(registration, _l("Nothing changed."))
    return profile_pdf_response(registration, asked=True)


def profile_pdf_response(registration: RegistrationRow, *, asked: bool = False) -> Response:
    db = get_db()
    user = current_user()
    shows_health = health_shown(db, user, of_registration(registration), "profile pdf", asked=asked)
    if not asked:
        audit.record_now(db, user, "printed_profile", reference=registration.reference)
    answers = answers_of(db, registration.id)
    profile = profile_of(db, registration.id, answers, health_allowed=shows_health)
    language = person_language(db, registration.id)
    photo = photo_for_paper(db, registration.id, profile)
    link = printed_link(db, registration.id, with_health=profile.shows_health, made_by=user.id)
    with force_locale(language):  # in the words the person read on the site
        pdf = profile_pdf(
            profile, title=_l("My job profile"), language=language, photo=photo, link=link
        )
    return pdf_response(pdf, "jobprofil.pdf")


@blueprint.post("/registrations/<public_id>/profile/email")
@requires("staff")
@with_registration
def email_profile(registration: RegistrationRow) -> ResponseReturnValue:
    """The newest version, after the person's yes now, to their address or their helper's."""
    db = get_db()
    answers = answers_of(db, registration.id)
    address = profile_mail_address(answers)
    form = ProfileMailForm()
    if not address:
        return back_to_profile(registration, _l("Nothing was sent."))
    if not form.validate():
        return show_profile(registration, mail_form=form)
    additions = latest_version(db, registration.id).additions
    with force_locale(person_language(db, registration.id)):
        sent = send_profile_mail(answers, additions, address)
    if not sent:
        return back_to_profile(registration, _l("The email could not be sent. Try again later."))
    audit.record_now(db, current_user(), "emailed_profile", reference=registration.reference)
    return back_to_profile(registration, _l("We have sent the job profile by email."))


def person_language(db: Database, registration_id: int) -> str:
    return next(db.query("SELECT language FROM registrations WHERE id = ?", [registration_id]))[
        "language"
    ]


@blueprint.post("/registrations/<public_id>/profile/employers")
@requires("staff")
@with_registration
def add_employer_yes(registration: RegistrationRow) -> ResponseReturnValue:
    form = EmployerYesForm()
    if not form.validate():
        return show_profile(registration, employer_form=form)
    record_employer_yes(
        get_db(),
        registration.id,
        user=current_user(),
        employer=form.employer.data,
        agreed_on=form.agreed_on.data.isoformat(),
        with_voice=form.with_voice.data,
        with_photo=form.with_photo.data,
    )
    # Flashed without the employer's name: the message travels in the session cookie.
    return back_to_profile(registration, _l("The person's yes is recorded. It is in the list."))


@blueprint.post("/registrations/<public_id>/profile/employers/<yes_id>/withdraw")
@requires("staff")
@with_registration
def withdraw_employer(registration: RegistrationRow, yes_id: str) -> ResponseReturnValue:
    if ActionForm().validate_on_submit():
        withdraw_employer_yes(get_db(), registration.id, yes_id, user=current_user())
    return back_to_profile(registration, _l("The yes is withdrawn. No employer's version is made."))


def with_employer_yes(
    view: Callable[[RegistrationRow, Profile, EmployerYes], ResponseReturnValue],
) -> Callable[[RegistrationRow, str], ResponseReturnValue]:
    """Views of the employer's version: only while the person's yes to that employer
    stands (else 403, and nothing is made); each one made is written to the audit log."""

    @wraps(view)
    def wrapped(registration: RegistrationRow, yes_id: str) -> ResponseReturnValue:
        db = get_db()
        try:
            profile, yes = employer_profile(
                db, registration.id, answers_of(db, registration.id), yes_id
            )
        except NoEmployerYes:
            return render_template("staff/no_employer_yes.html", row=registration), 403
        user = current_user()
        audit.record_now(db, user, "employer_profile", reference=registration.reference)
        consultant = registration.consultant_name or user.name
        return view(registration, with_klapjob_contact(profile, consultant), yes)

    return wrapped


@blueprint.get("/registrations/<public_id>/profile/employers/<yes_id>")
@requires("staff")
@with_registration
@with_employer_yes
def employer_profile_page(
    registration: RegistrationRow, profile: Profile, yes: EmployerYes
) -> ResponseReturnValue:
    address = {"public_id": registration.public_id, "yes_id": yes.public_id}
    return render_template(
        "staff/employer_profile.html",
        row=registration,
        profile=profile,
        yes=yes,
        voices=voice_addresses(profile, "staff.employer_profile_voice", **address),
        photo=photo_shown(
            get_db(), registration.id, profile, "staff.employer_profile_photo", **address
        ),
    )


@blueprint.get("/registrations/<public_id>/profile/employers/<yes_id>.pdf")
@requires("staff")
@with_registration
@with_employer_yes
def employer_profile_pdf(
    registration: RegistrationRow, profile: Profile, yes: EmployerYes
) -> ResponseReturnValue:
    language = person_language(get_db(), registration.id)
    photo = photo_for_paper(get_db(), registration.id, profile)
    link = printed_link(
        get_db(),
        registration.id,
        with_health=False,
        employer_yes=yes.public_id,
        made_by=current_user().id,
    )
    with force_locale(language):  # in the words the person read on the site, as their own
        pdf = profile_pdf(
            profile, title=_l("My job profile"), language=language, photo=photo, link=link
        )
    return pdf_response(pdf, "jobprofil-arbejdsgiver.pdf")
