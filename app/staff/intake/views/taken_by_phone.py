"""Staff take a registration with a person on the phone: from a call, a job centre
referral or a meeting sign-up, or by carrying on with the person's unsent draft. Each
question is the journey's own step (app/domain/questions/steps.py), a few to a page
(phone_pages.py); here the start, and the answers with the consent at the end."""

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.domain.questions.flow import CHECK_ANSWERS, first_unfinished
from app.domain.questions.summary import summary_rows
from app.domain.registrations.drafts import Draft, load_draft_by_hash
from app.domain.registrations.resume import draft_hash_for_code
from app.domain.registrations.sending import DraftNotFinished
from app.staff.core.access import may_open_draft
from app.staff.core.blueprint import blueprint
from app.staff.core.duplicates import likely_duplicates
from app.staff.core.forms import ActionForm
from app.staff.core.health import health_shown, of_intake
from app.staff.core.permissions import current_user, requires
from app.staff.intake.data.phone_pages import PAGE_OF_STEP, PHONE_PAGES
from app.staff.intake.data.taken_by_phone import (
    Intake,
    answers_from_signup,
    consents_from,
    recent_signups,
    send_intake,
    signup_to_register,
    start_intake,
)
from app.staff.intake.forms import (
    ContinueDraftForm,
    PhoneConsentForm,
    SignupIntakeForm,
    StartIntakeForm,
)
from app.staff.intake.views._intake import has_health, intake_or_404, intake_url, page_url
from app.web.database import get_db


def first_step_url(public_id: str) -> str:
    return page_url(public_id, 1)


@blueprint.route("/registrations/new", methods=["GET", "POST"])
@requires("staff")
def new_registration() -> ResponseReturnValue:
    form = StartIntakeForm()
    if form.validate_on_submit():
        public_id = start_intake(get_db(), current_user(), form.channel.data)
        return redirect(first_step_url(public_id))
    return render_template(
        "staff/new_registration.html",
        form=form,
        signups=recent_signups(get_db(), current_user()),
        signup_form=SignupIntakeForm(),
    )


@blueprint.post("/registrations/new/from-signup")
@requires("staff")
def registration_from_signup() -> ResponseReturnValue:
    form = SignupIntakeForm()
    if not form.validate():
        abort(400)
    db = get_db()
    signup = signup_to_register(db, current_user(), form.signup.data)
    if signup is None:
        abort(404)
    if signup["registered_at"]:
        # No name in the flash: it travels in the session cookie.
        flash(_l("That sign-up is registered already."))
        return redirect(url_for(".new_registration"))
    public_id = start_intake(
        db, current_user(), "meeting", answers=answers_from_signup(signup), signup_id=signup["id"]
    )
    return redirect(first_step_url(public_id))


@blueprint.post("/drafts/continue")
@requires("staff")
def continue_draft() -> ResponseReturnValue:
    """Carry on with the person's own draft, found by the code they read aloud."""
    form = ContinueDraftForm()
    db = get_db()
    hashed = None
    if form.validate():
        hashed = draft_hash_for_code(db, form.code.data, secret=current_app.config["SECRET_KEY"])
    if hashed and not may_open_draft(db, current_user(), load_draft_by_hash(db, hashed).answers):
        hashed = None
    if hashed is None:
        flash(_l("Find the draft again: choose how the person came to KLAPjob."))
        return redirect(url_for("staff.find_draft"))
    public_id = start_intake(db, current_user(), form.channel.data, draft_hash=hashed)
    draft = load_draft_by_hash(db, hashed)
    return redirect(intake_url(public_id, first_unfinished(draft.answers, draft.completed)))


@blueprint.post("/registrations/new/<public_id>/consent/show-health")
@requires("staff")
def intake_consent_show_health(public_id: str) -> ResponseReturnValue:
    """ "Show health" on the answers and the consent page (logged)."""
    intake = intake_or_404(public_id)
    if not ActionForm().validate_on_submit():
        return redirect(intake_url(public_id, CHECK_ANSWERS))
    draft = load_draft_by_hash(get_db(), intake.draft_token_hash)
    return render_consent(intake, PhoneConsentForm(formdata=None), draft, asked=True)


@blueprint.route("/registrations/new/<public_id>/consent", methods=["GET", "POST"])
@requires("staff")
def intake_consent(public_id: str) -> ResponseReturnValue:
    intake = intake_or_404(public_id)
    db = get_db()
    draft = load_draft_by_hash(db, intake.draft_token_hash)
    form = PhoneConsentForm()
    if request.method == "POST" and form.validate_for(draft.answers):
        try:
            registration_id = send_intake(db, current_user(), intake, consents_from(form))
        except DraftNotFinished as unfinished:
            return redirect(intake_url(public_id, unfinished.step_key))
        registration = next(
            db.query("SELECT public_id FROM registrations WHERE id = ?", [registration_id])
        )
        flash(_l("The registration is saved, with the consent given by phone."))
        return redirect(url_for("staff.registration", public_id=registration["public_id"]))
    return render_consent(intake, form, draft)


def render_consent(
    intake: Intake, form: Any, draft: Draft, *, asked: bool = False
) -> ResponseReturnValue:
    """The answers (health only after "Show health") and the consent form."""
    db = get_db()
    with_health = has_health(draft.answers) and health_shown(
        db, current_user(), of_intake(intake), "intake consent", asked=asked
    )
    return render_template(
        "staff/intake_consent.html",
        intake=intake,
        form=form,
        rows=summary_rows(draft.answers, include_sensitive=with_health),
        health_hidden=not with_health and has_health(draft.answers),
        unfinished=first_unfinished(draft.answers, draft.completed),
        page_of_step=PAGE_OF_STEP,
        pages=PHONE_PAGES,
        duplicates=likely_duplicates(db, current_user(), draft.answers),
    ), 400 if form.errors else 200
