"""Staff take a registration with a person on the phone: from a call, a job centre
referral or a meeting sign-up, or by carrying on with the person's unsent draft. Each
question is the journey's own step (app/domain/questions/steps.py), shown on a staff page."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from app.domain.questions.flow import CHECK_ANSWERS, first_unfinished, position, step_after
from app.domain.questions.steps import STEPS_BY_KEY
from app.domain.questions.summary import summary_rows
from app.domain.registrations.drafts import load_draft_by_hash, save_step_by_hash
from app.domain.registrations.resume import draft_hash_for_code
from app.domain.registrations.sending import DraftNotFinished
from app.staff.blueprint import blueprint
from app.staff.casework.duplicates import likely_duplicates
from app.staff.casework.taken_by_phone import (
    answers_from_signup,
    consents_from,
    intake_by_public_id,
    send_intake,
    start_intake,
)
from app.staff.forms.intake import (
    ContinueDraftForm,
    PhoneConsentForm,
    SignupIntakeForm,
    StartIntakeForm,
)
from app.staff.permissions import current_user, requires
from app.web.database import get_db
from app.web.question_page import error_list, form_errors, questions_on_page, search_asked_for
from app.web.step_forms import form_for


def recent_signups(db, limit=30):
    return list(
        db.query(
            "SELECT s.id, s.name, m.starts_at, m.place FROM meeting_signups s"
            " JOIN meetings m ON m.id = s.meeting_id ORDER BY s.id DESC LIMIT ?",
            [limit],
        )
    )


def first_step_url(public_id):
    return url_for("staff.intake_step", public_id=public_id, step_key="who")


def intake_url(public_id, step_key):
    """A question's page, or the answers and the consent after the last question."""
    if step_key == CHECK_ANSWERS:
        return url_for("staff.intake_consent", public_id=public_id)
    return url_for("staff.intake_step", public_id=public_id, step_key=step_key)


@blueprint.route("/registrations/new", methods=["GET", "POST"])
@requires("staff")
def new_registration():
    form = StartIntakeForm()
    if form.validate_on_submit():
        public_id = start_intake(get_db(), current_user(), form.channel.data)
        return redirect(first_step_url(public_id))
    return render_template(
        "staff/new_registration.html",
        form=form,
        signups=recent_signups(get_db()),
        signup_form=SignupIntakeForm(),
        errors=form_errors(form),
    )


@blueprint.post("/registrations/new/from-signup")
@requires("staff")
def registration_from_signup():
    form = SignupIntakeForm()
    if not form.validate():
        abort(400)
    db = get_db()
    answers = answers_from_signup(db, form.signup.data)
    if answers is None:
        abort(404)
    public_id = start_intake(db, current_user(), "meeting", answers=answers)
    return redirect(first_step_url(public_id))


@blueprint.post("/drafts/continue")
@requires("staff")
def continue_draft():
    """Carry on with the person's own draft, found by the code they read aloud."""
    form = ContinueDraftForm()
    db = get_db()
    hashed = None
    if form.validate():
        hashed = draft_hash_for_code(db, form.code.data, secret=current_app.config["SECRET_KEY"])
    if hashed is None:
        flash(_l("Find the draft again: choose how the person came to KLAPjob."))
        return redirect(url_for("staff.find_draft"))
    public_id = start_intake(db, current_user(), form.channel.data, draft_hash=hashed)
    draft = load_draft_by_hash(db, hashed)
    return redirect(intake_url(public_id, first_unfinished(draft.answers, draft.completed)))


def intake_or_404(public_id):
    return intake_by_public_id(get_db(), current_user(), public_id) or abort(404)


def render_intake_step(intake, step, form, draft, *, found=None, status=200):
    return render_template(
        "staff/intake_step.html",
        intake=intake,
        step=step,
        form=form,
        questions=questions_on_page(step, form, draft.answers, found),
        errors=error_list(step, form),
        progress=position(step, draft.answers),
    ), status


@blueprint.route("/registrations/new/<public_id>/<step_key>", methods=["GET", "POST"])
@requires("staff")
def intake_step(public_id, step_key):
    intake = intake_or_404(public_id)
    step = STEPS_BY_KEY.get(step_key) or abort(404)
    db = get_db()
    draft = load_draft_by_hash(db, intake.draft_token_hash)
    if not step.show_if(draft.answers):
        return redirect(intake_url(public_id, first_unfinished(draft.answers, draft.completed)))
    if request.method == "GET":
        return render_intake_step(intake, step, form_for(step, answers=draft.answers), draft)
    search = search_asked_for(step, request.form)
    form = form_for(step, formdata=request.form)
    if search:
        spec, typed = search
        found = spec.finder(typed)
        if found and len(found.municipality_codes) == 1:
            form[spec.name].data = found.municipality_codes[0]
        return render_intake_step(intake, step, form, draft, found=found)
    is_valid = form.validate_with(draft.answers)
    typed, _all_fit = form.storable_answers(step)
    draft = save_step_by_hash(
        db, intake.draft_token_hash, step.key, typed, complete=is_valid, language=intake.language
    )
    if not is_valid:
        return render_intake_step(intake, step, form, draft, status=400)
    return redirect(intake_url(public_id, step_after(step, draft.answers)))


@blueprint.route("/registrations/new/<public_id>/consent", methods=["GET", "POST"])
@requires("staff")
def intake_consent(public_id):
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
    return render_template(
        "staff/intake_consent.html",
        intake=intake,
        form=form,
        rows=summary_rows(draft.answers, include_sensitive=True),
        unfinished=first_unfinished(draft.answers, draft.completed),
        duplicates=likely_duplicates(db, current_user(), draft.answers),
        errors=form_errors(form),
    ), 400 if form.errors else 200
