"""Staff take a registration with a person on the phone: from a call, a job centre
referral or a meeting sign-up, or by carrying on with the person's unsent draft. Each
question is the journey's own step (app/domain/questions/steps.py), shown on a staff page."""

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.domain.places import Found
from app.domain.questions.flow import CHECK_ANSWERS, first_unfinished, position, step_after
from app.domain.questions.model import Answers, Step
from app.domain.questions.steps import STEPS, STEPS_BY_KEY
from app.domain.questions.summary import summary_rows
from app.domain.registrations.drafts import Draft, load_draft_by_hash, save_step_by_hash
from app.domain.registrations.resume import draft_hash_for_code
from app.domain.registrations.sending import DraftNotFinished
from app.staff.core import typed_work
from app.staff.core.access import may_open_draft
from app.staff.core.blueprint import blueprint
from app.staff.core.duplicates import likely_duplicates
from app.staff.core.forms import ActionForm
from app.staff.core.health import health_shown, of_intake
from app.staff.core.permissions import current_user, requires
from app.staff.intake.data.taken_by_phone import (
    Intake,
    answers_from_signup,
    consents_from,
    intake_by_public_id,
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
from app.web.database import get_db
from app.web.question_page import error_list, questions_on_page, search_asked_for
from app.web.step_forms import form_for


def first_step_url(public_id: str) -> str:
    return url_for("staff.intake_step", public_id=public_id, step_key="who")


def intake_url(public_id: str, step_key: str) -> str:
    """A question's page, or the answers and the consent after the last question."""
    if step_key == CHECK_ANSWERS:
        return url_for("staff.intake_consent", public_id=public_id)
    return url_for("staff.intake_step", public_id=public_id, step_key=step_key)


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


def intake_or_404(public_id: str) -> Intake:
    return intake_by_public_id(get_db(), current_user(), public_id) or abort(404)


def render_intake_step(
    intake: Intake,
    step: Step,
    form: Any,
    draft: Draft,
    *,
    found: Found | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    return render_template(
        "staff/intake_step.html",
        intake=intake,
        step=step,
        form=form,
        questions=questions_on_page(step, form, draft.answers, found),
        errors=error_list(step, form),
        progress=position(step, draft.answers),
    ), status


def holds_health(step: Step, answers: Answers) -> bool:
    return any(spec.sensitive and answers.get(spec.name) for spec in step.fields)


def render_health_hidden(intake: Intake, step: Step, draft: Draft) -> ResponseReturnValue:
    """The question without the health the person wrote: "Show health", or go on with
    it kept as it is."""
    return render_template(
        "staff/intake_step.html",
        intake=intake,
        step=step,
        progress=position(step, draft.answers),
        errors=[],
        next_url=intake_url(intake.public_id, step_after(step, draft.answers)),
    )


@blueprint.post("/registrations/new/<public_id>/<step_key>/show-health")
@requires("staff")
def intake_show_health(public_id: str, step_key: str) -> ResponseReturnValue:
    """ "Show health" on the health question, or on the answers and the consent page
    (`step_key` "consent")."""
    intake = intake_or_404(public_id)
    step = STEPS_BY_KEY.get(step_key)
    if step_key != "consent" and not (step and any(spec.sensitive for spec in step.fields)):
        abort(404)
    if not ActionForm().validate_on_submit():
        return redirect(intake_url(public_id, CHECK_ANSWERS if step is None else step_key))
    draft = load_draft_by_hash(get_db(), intake.draft_token_hash)
    if step is None:
        return render_consent(intake, PhoneConsentForm(formdata=None), draft, asked=True)
    return show_step(intake, step, draft, asked=True)


def show_step(
    intake: Intake, step: Step, draft: Draft, *, asked: bool = False
) -> ResponseReturnValue:
    """A question's page; health the person wrote in it only after "Show health". What the
    consultant typed here before the back office signed them out stands in its fields."""
    if holds_health(step, draft.answers) and not health_shown(
        get_db(), current_user(), of_intake(intake), "intake health", asked=asked
    ):
        return render_health_hidden(intake, step, draft)
    typed = typed_work.take(get_db(), current_user(), "intake", intake.id, request.path)
    if typed is None:
        return render_intake_step(intake, step, form_for(step, answers=draft.answers), draft)
    flash(typed_work.PUT_BACK)
    return render_intake_step(intake, step, form_for(step, formdata=typed), draft)


@blueprint.route("/registrations/new/<public_id>/<step_key>", methods=["GET", "POST"])
@requires("staff")
def intake_step(public_id: str, step_key: str) -> ResponseReturnValue:
    intake = intake_or_404(public_id)
    step = STEPS_BY_KEY.get(step_key) or abort(404)
    db = get_db()
    draft = load_draft_by_hash(db, intake.draft_token_hash)
    if not step.show_if(draft.answers):
        return redirect(intake_url(public_id, first_unfinished(draft.answers, draft.completed)))
    if request.method == "GET":
        return show_step(intake, step, draft)
    search = search_asked_for(step, request.form)
    form = form_for(step, formdata=request.form)
    if search:
        spec, typed = search
        assert spec.finder is not None  # search_asked_for gives only a field that finds
        found = spec.finder(typed)
        if found and len(found.municipality_codes) == 1:
            form[spec.name].data = found.municipality_codes[0]
        return render_intake_step(intake, step, form, draft, found=found)
    is_valid = form.validate_with(draft.answers)
    storable, _all_fit = form.storable_answers(step)
    draft = save_step_by_hash(
        db, intake.draft_token_hash, step.key, storable, complete=is_valid, language=intake.language
    )
    if not is_valid:
        return render_intake_step(intake, step, form, draft, status=400)
    return redirect(intake_url(public_id, step_after(step, draft.answers)))


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
        duplicates=likely_duplicates(db, current_user(), draft.answers),
    ), 400 if form.errors else 200


def has_health(answers: Answers) -> bool:
    return any(holds_health(step, answers) for step in STEPS)
