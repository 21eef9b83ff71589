"""Putting a case right: an answer corrected on the journey's own question page, and a
yes to the job centre (or to health going there) that the person gives or takes back
after sending. Health answers follow health.py's rule: shown at once only to the
consultant the case is given to, to anybody else after "Show health" (logged)."""

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.domain.places import Found
from app.domain.questions.flow import first_unfinished, visible_steps
from app.domain.questions.model import Answers, Step
from app.domain.questions.steps import STEPS_BY_KEY
from app.domain.registrations.sending import answers_of
from app.staff.cases.data.answer_corrections import correct_answers
from app.staff.cases.data.consents import record_consents
from app.staff.cases.forms.corrections import ConsentRecordForm
from app.staff.cases.views._case_page import act, correctable_steps, done
from app.staff.core import audit
from app.staff.core.access import RegistrationRow, visible_registration
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.health import health_shown, of_registration
from app.staff.core.permissions import (
    current_user,
    keeps_typed_work,
    requires,
    typed_work_here,
    with_registration,
)
from app.staff.core.users import User
from app.web.database import get_db
from app.web.question_page import error_list, questions_on_page, search_asked_for
from app.web.step_forms import form_for


def holds_health(step: Step, answers: Answers) -> bool:
    return any(spec.sensitive and answers.get(spec.name) for spec in step.fields)


def render_step(
    registration: RegistrationRow,
    step: Step,
    form: Any,
    answers: Answers,
    *,
    found: Found | None = None,
    health_hidden: bool = False,
) -> ResponseReturnValue:
    status = 400 if form is not None and form.errors else 200
    return render_template(
        "staff/correct_answer.html",
        row=registration,
        step=step,
        form=form,
        questions=questions_on_page(step, form, answers, found) if form else [],
        errors=error_list(step, form) if form else [],
        health_hidden=health_hidden,
    ), status


def step_or_404(registration: RegistrationRow, step_key: str, answers: Answers) -> Step:
    step = STEPS_BY_KEY.get(step_key)
    if step is None or step not in correctable_steps(registration, answers):
        abort(404)
    return step


def show_step(
    registration: RegistrationRow, step: Step, answers: Answers, *, asked: bool = False
) -> ResponseReturnValue:
    """The question filled with what the case holds; health only by health.py's rule."""
    if holds_health(step, answers) and not health_shown(
        get_db(), current_user(), of_registration(registration), "case", asked=asked
    ):
        return render_step(registration, step, None, answers, health_hidden=True)
    typed = typed_work_here(registration.id)
    if typed:
        return render_step(registration, step, form_for(step, formdata=typed), answers)
    return render_step(registration, step, form_for(step, answers=answers), answers)


@blueprint.route("/registrations/<public_id>/answers/<step_key>", methods=["GET", "POST"])
@requires("staff")
@keeps_typed_work
@with_registration
def correct_answer(registration: RegistrationRow, step_key: str) -> ResponseReturnValue:
    db = get_db()
    answers = answers_of(db, registration.id)
    step = step_or_404(registration, step_key, answers)
    if request.method == "GET":
        # The page shows the person's answers: a view, like the case page's.
        audit.record_now(
            db, current_user(), "viewed", reference=registration.reference, detail=step.key
        )
        return show_step(registration, step, answers)
    form = form_for(step, formdata=request.form)
    search = search_asked_for(step, request.form)
    if search:
        spec, typed = search
        assert spec.finder is not None  # search_asked_for gives only a field that finds
        found = spec.finder(typed)
        if found and len(found.municipality_codes) == 1:
            form[spec.name].data = found.municipality_codes[0]
        return render_step(registration, step, form, answers, found=found)
    if not form.validate_with(answers):
        return render_step(registration, step, form, answers)
    before_steps = [s.key for s in visible_steps(answers)]
    changed = correct_answers(db, current_user(), registration, form.given_answers())
    after = answers_of(db, registration.id)
    if visible_registration(db, current_user(), registration.public_id) is None:
        # The case moved to a municipality this consultant does not cover.
        flash(_l("The answer is corrected. The registration now belongs to another municipality."))
        return redirect(url_for("staff.inbox"))
    newly_asked = first_unfinished(after, before_steps)
    if newly_asked in STEPS_BY_KEY and STEPS_BY_KEY[newly_asked].fields:
        # The correction asks a question the person was not asked before (an email now).
        flash(_l("The answer is corrected. Now answer this question too."))
        return redirect(
            url_for(".correct_answer", public_id=registration.public_id, step_key=newly_asked)
        )
    if not changed:
        return done(registration, _l("Nothing was changed."))
    return done(registration, _l("The answer is corrected."))


@blueprint.post("/registrations/<public_id>/answers/<step_key>/show-health")
@requires("staff")
@with_registration
def correct_answer_show_health(registration: RegistrationRow, step_key: str) -> ResponseReturnValue:
    """ "Show health" on the health question's correction page (one audit entry)."""
    answers = answers_of(get_db(), registration.id)
    step = step_or_404(registration, step_key, answers)
    if not ActionForm().validate_on_submit() or not holds_health(step, answers):
        return redirect(
            url_for(".correct_answer", public_id=registration.public_id, step_key=step_key)
        )
    return show_step(registration, step, answers, asked=True)


@blueprint.post("/registrations/<public_id>/consents")
@requires("staff")
@with_registration
def record_registration_consent(registration: RegistrationRow) -> ResponseReturnValue:
    form = ConsentRecordForm(prefix="consent")

    def action(db: Database, user: User, form: Any) -> None:
        record_consents(
            db,
            user,
            registration,
            form.changes(registration),
            how=form.how.data,
            given_on=form.given_on.data,
            note=form.note.data,
        )

    form.row = registration
    return act(registration, "consent", form, action, _l("The yes or no is recorded."))
