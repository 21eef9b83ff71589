"""A registration taken by phone on a few pages (issue 24): the journey's own steps
(app/domain/questions/steps.py), several on a page, each with its own checks and messages
beside its fields; the answers saved after every page; any page open again from the list
at the top. The first page shows the registrations that look like the person before the
consultant goes on. Health waits behind "Show health", as everywhere in the back office."""

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from app.domain.places import Found
from app.domain.questions.flow import CHECK_ANSWERS
from app.domain.questions.model import Answers, Step
from app.domain.questions.steps import STEPS_BY_KEY
from app.domain.registrations.drafts import load_draft_by_hash, save_step_by_hash
from app.staff.core import typed_work
from app.staff.core.blueprint import blueprint
from app.staff.core.duplicates import Duplicate, likely_duplicates
from app.staff.core.forms import ActionForm
from app.staff.core.health import health_shown, of_intake
from app.staff.core.permissions import current_user, requires
from app.staff.intake.data.phone_pages import PHONE_PAGES, PhonePage, phone_page
from app.staff.intake.data.taken_by_phone import Intake
from app.staff.intake.views._intake import holds_health, intake_or_404, intake_url, page_url
from app.web.database import get_db
from app.web.question_page import Question, error_list, questions_on_page, search_asked_for
from app.web.step_forms import StepForm, form_for

SEEN = "duplicates_seen"  # the likely duplicates the page showed, by their public ids


@dataclass
class Section:
    """A step on the page: its questions, and the answer on the page that shows it."""

    step: Step
    questions: list[Question]
    reveal_with: tuple | None
    health_hidden: bool


def health_hidden_on(intake: Intake, page: PhonePage, answers: Answers, asked: bool) -> bool:
    """Health the person wrote stands on this page: hidden until "Show health"."""
    return any(holds_health(step, answers) for step in page.steps) and not health_shown(
        get_db(), current_user(), of_intake(intake), "intake health", asked=asked
    )


def render_page(
    intake: Intake,
    page: PhonePage,
    answers: Answers,
    forms: dict[str, StepForm],
    *,
    found: Found | None = None,
    health_hidden: bool = False,
    status: int = 200,
) -> ResponseReturnValue:
    sections = []
    for step in page.steps_on_page(answers):
        form = forms[step.key]
        questions = questions_on_page(step, form, answers, found)
        for question in questions:
            question.choices = offered(page, question, answers)
        reveal = page.shown_with(step.show_if)
        hidden = health_hidden and holds_health(step, answers)
        sections.append(Section(step, questions, reveal, hidden))
    asked = page.steps_asked(answers)
    duplicates = duplicates_of(answers) if page.number == 1 else []
    return render_template(
        "staff/intake_page.html",
        intake=intake,
        page=page,
        pages=PHONE_PAGES,
        sections=sections,
        csrf_form=next(iter(forms.values())),
        errors=[error for step in asked for error in error_list(step, forms[step.key])],
        duplicates=duplicates,
        seen=" ".join(d.public_id for d in duplicates),
        next_url=page_url(intake.public_id, page.number + 1)
        if page.number < len(PHONE_PAGES)
        else intake_url(intake.public_id, CHECK_ANSWERS),
    ), status


def offered(page: PhonePage, question: Question, answers: Answers) -> list:
    """(choice, what reveals it) for each choice the page offers: those a search found in
    a long list, or the field's own with those an answer on the page shows."""
    if question.found is not None:
        return [(choice, None) for choice in question.choices]
    return page.choices_offered(question.spec, answers)  # type: ignore[arg-type]


def duplicates_of(answers: Answers) -> list[Duplicate]:
    """Registrations that look like the person, once a name, phone or email is typed."""
    if not any(answers.get(name) for name in ("name", "phone", "email")):
        return []
    return likely_duplicates(get_db(), current_user(), answers)


def forms_from(page: PhonePage, answers: Answers, formdata: MultiDict | None) -> dict:
    return {
        step.key: form_for(step, answers=answers, formdata=formdata)
        for step in page.steps_on_page(answers)
    }


@blueprint.route("/registrations/new/<public_id>/page/<int:number>", methods=["GET", "POST"])
@requires("staff")
def intake_page(public_id: str, number: int) -> ResponseReturnValue:
    intake = intake_or_404(public_id)
    page = phone_page(number) or abort(404)
    draft = load_draft_by_hash(get_db(), intake.draft_token_hash)
    if request.method == "POST":
        return save_page(intake, page, draft.answers)
    # What the consultant typed here before the back office signed them out.
    typed = typed_work.take(get_db(), current_user(), "intake", intake.id, request.path)
    if typed is not None:
        flash(typed_work.PUT_BACK)
    hidden = health_hidden_on(intake, page, draft.answers, asked=False)
    forms = forms_from(page, draft.answers, typed)
    return render_page(intake, page, draft.answers, forms, health_hidden=hidden)


@blueprint.post("/registrations/new/<public_id>/page/<int:number>/show-health")
@requires("staff")
def intake_page_show_health(public_id: str, number: int) -> ResponseReturnValue:
    """ "Show health" on the page with the health question (logged)."""
    intake = intake_or_404(public_id)
    page = phone_page(number) or abort(404)
    if not any(spec.sensitive for step in page.steps for spec in step.fields):
        abort(404)
    if not ActionForm().validate_on_submit():
        return redirect(page_url(public_id, number))
    answers = load_draft_by_hash(get_db(), intake.draft_token_hash).answers
    hidden = health_hidden_on(intake, page, answers, asked=True)
    return render_page(intake, page, answers, forms_from(page, answers, None), health_hidden=hidden)


def kept_as_it_is(step: Step) -> bool:
    """Health left hidden: its field was not on the page, and what the person wrote stays."""
    return any(spec.sensitive and spec.name not in request.form for spec in step.fields)


def save_page(intake: Intake, page: PhonePage, saved: Answers) -> ResponseReturnValue:
    db = get_db()
    forms = forms_from(page, saved, request.form)
    shown = [step for step in page.steps_on_page(saved) if not kept_as_it_is(step)]
    for step in shown:
        search = search_asked_for(step, request.form)
        if search:
            return show_search(intake, page, saved, forms, step, search)
    answers = dict(saved)
    for step in shown:
        answers.update(forms[step.key].given_answers())
    all_valid = True
    for step in page.steps_asked(answers):
        if step not in shown:
            continue
        form = forms[step.key]
        is_valid = form.validate_with(answers)
        storable, _all_fit = form.storable_answers(step)
        save_step_by_hash(
            db, intake.draft_token_hash, step.key, storable, complete=is_valid,
            language=intake.language,
        )  # fmt: skip
        all_valid = all_valid and is_valid
    if not all_valid:
        hidden = len(shown) < len(page.steps_on_page(saved))
        return render_page(intake, page, answers, forms, health_hidden=hidden, status=400)
    if page.number == 1 and not duplicates_were_seen(answers):
        return redirect(page_url(intake.public_id, 1) + "#duplicates-heading")
    if page.number < len(PHONE_PAGES):
        return redirect(page_url(intake.public_id, page.number + 1))
    return redirect(intake_url(intake.public_id, CHECK_ANSWERS))


def duplicates_were_seen(answers: Answers) -> bool:
    """Every registration that looks like the person was on the page when it was sent."""
    seen = set((request.form.get(SEEN) or "").split())
    return {duplicate.public_id for duplicate in duplicates_of(answers)} <= seen


def show_search(
    intake: Intake,
    page: PhonePage,
    saved: Answers,
    forms: dict[str, Any],
    step: Step,
    search: tuple,
) -> ResponseReturnValue:
    """The municipality's list narrowed by the postcode or town typed; nothing saved."""
    spec, typed = search
    found = spec.finder(typed)
    if found and len(found.municipality_codes) == 1:
        forms[step.key][spec.name].data = found.municipality_codes[0]
    return render_page(intake, page, saved, forms, found=found)


@blueprint.get("/registrations/new/<public_id>/<step_key>")
@requires("staff")
def intake_step(public_id: str, step_key: str) -> ResponseReturnValue:
    """A question's own address: the page it stands on, at the question."""
    intake_or_404(public_id)
    if step_key not in STEPS_BY_KEY:
        abort(404)
    return redirect(intake_url(public_id, step_key))
