"""What the case views share (one module, as notifications-admin's `_jobs.py`): the
registration page itself (show_case; act and done for each form on it), its plan and its
blank forms, the words of corrections, how to reach the person, and the inbox's filters
from its form (the inbox and the export)."""

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlite_utils import Database
from werkzeug.datastructures import MultiDict

from app.core import clock
from app.domain.coverage import has_agreement
from app.domain.questions.flow import visible_steps
from app.domain.questions.model import Answer, Answers, Step
from app.domain.questions.steps import FIELDS_BY_NAME, STEPS
from app.domain.questions.summary import shown_answers, summary_rows
from app.domain.registrations.call_me import asked_to_be_called
from app.domain.registrations.callback import is_overdue
from app.domain.registrations.voice import recordings_of_registration
from app.staff.cases.data.answer_corrections import may_correct
from app.staff.cases.data.appointments import appointments_of
from app.staff.cases.data.calls import OUTCOMES
from app.staff.cases.data.case_file import CaseFile, case_file
from app.staff.cases.data.first_call import answered, first_call_overview, mark_health_not_kept
from app.staff.cases.data.inbox import InboxFilters
from app.staff.cases.data.next_steps import next_step_of
from app.staff.cases.data.placements import END_REASONS, KINDS, Placement, placements_of
from app.staff.cases.forms.cases import AssignForm, FollowUpForm, JobForm, NoteForm, StatusForm
from app.staff.cases.forms.corrections import HOW_GIVEN, ConsentRecordForm
from app.staff.cases.forms.day import (
    AppointmentForm,
    ContactForm,
    EndPlacementForm,
    FollowUpPlanForm,
    NextStepForm,
    PlacementForm,
)
from app.staff.core import audit, typed_work
from app.staff.core.access import RegistrationRow
from app.staff.core.duplicates import duplicates_of_case
from app.staff.core.follow_up_plans import plan_label
from app.staff.core.health import health_shown, of_registration
from app.staff.core.history import HistoryEntry
from app.staff.core.paging import requested_page
from app.staff.core.permissions import current_user
from app.staff.core.users import User, active_consultants
from app.web.database import get_db

# The person's own words shown beside their work trials and jobs: what they want, what
# they like and are good at, what others say about them, and what helps them.
OWN_WORDS_FIELDS = (
    "work_wishes",
    "work_other",
    "strengths",
    "strengths_text",
    "good_at",
    "good_at_text",
    "others_say",
    "others_say_by",
    "hours",
    "needs",
    "needs_text",
)


def plan_forms(row: RegistrationRow, placements: Iterable[Placement] = ()) -> dict[str, Any]:
    """The blank forms of a case's plan, for the registration page."""
    end = EndPlacementForm(formdata=None, prefix="end")
    end.offer(placements)
    return {
        "placement": PlacementForm(formdata=None, prefix="placement"),
        "end": end,
        "next_step": NextStepForm(formdata=None, prefix="next_step"),
        "appointment": AppointmentForm(formdata=None, prefix="appointment"),
        "plan": FollowUpPlanForm(formdata=None, prefix="plan", plan=row.follow_up_plan),
    }


def case_plan(db: Database, row: RegistrationRow) -> dict[str, Any]:
    """What the registration page shows of the plan."""
    return {
        "next_step": next_step_of(db, row),
        "appointments": appointments_of(db, row.id),
        "follow_up_plan": plan_label(row.follow_up_plan),
        "today": clock.today(),
        "placements": placements_of(db, row.id),
        "kinds": KINDS,
        "end_reasons": END_REASONS,
        "outcomes": OUTCOMES,
    }


def latest_notes(history: list[HistoryEntry], count: int = 3) -> list[HistoryEntry]:
    """The newest contacts and notes (the history is newest first), for the case's top."""
    return [entry for entry in history if entry.kind in OUTCOMES or entry.kind == "note"][:count]


def own_words(answers: Answers) -> list:
    """(label, shown answers) of what the person said about work and what helps them."""
    return answered(answers, OWN_WORDS_FIELDS)


class AnswerWords:
    """What the registration page's history needs to show a correction."""

    def label(self, name: str) -> str:
        spec = FIELDS_BY_NAME.get(name)
        return (spec.summary_label or spec.label) if spec else name

    def is_health(self, name: str) -> bool:
        spec = FIELDS_BY_NAME.get(name)
        return spec is None or spec.sensitive

    def text(self, name: str, value: Answer | None) -> str:
        spec = FIELDS_BY_NAME.get(name)
        if spec is None or value in (None, "", []):
            return "–"
        return ", ".join(str(answer.text) for answer in shown_answers(spec, value))

    def step_name(self, step: Step) -> str:
        spec = step.fields[0]
        return spec.summary_label or spec.label or step.question

    def way(self, key: str) -> str:
        return HOW_GIVEN.get(key, key)


# Each answer's question page: {answer name: step key}.
STEP_OF = {spec.name: step.key for step in STEPS for spec in step.fields}


def correctable_steps(registration: RegistrationRow, answers: Answers) -> list:
    """The questions the person was asked, that may be corrected here."""
    return [step for step in visible_steps(answers) if may_correct(registration, step)]


SENSITIVE_FIELDS = tuple(name for name, spec in FIELDS_BY_NAME.items() if spec.sensitive)
CONTACT_FIELDS = (
    "contact_method",
    "phone",
    "email",
    "helper_name",
    "helper_role",
    "helper_contact",
    "other_contact_name",
    "other_contact_role",
    "other_contact_phone",
)


def contact_rows(answers: Answers) -> list:
    """(label, shown answers) for how to reach the person and who helps them."""
    rows = []
    for name in CONTACT_FIELDS:
        spec = FIELDS_BY_NAME[name]
        shown = shown_answers(spec, answers.get(name))
        if shown:
            rows.append((spec.summary_label or spec.label, shown, name))
    return rows


def blank_forms(case: CaseFile) -> dict[str, Any]:
    row = case.row
    forms = {
        "status": StatusForm(
            formdata=None, prefix="status", status=row.status, reason=row.close_reason or ""
        ),
        "assign": AssignForm(
            formdata=None, prefix="assign", consultant=row.consultant_public_id or ""
        ),
        "job": JobForm(
            formdata=None,
            prefix="job",
            praktik_start=date.fromisoformat(row.praktik_start) if row.praktik_start else None,
            job_start=date.fromisoformat(row.job_start) if row.job_start else None,
            employer=row.employer or "",
            hours=row.job_hours,
        ),
        "note": NoteForm(formdata=None, prefix="note"),
        "follow_up": FollowUpForm(formdata=None, prefix="follow_up"),
        "contact": ContactForm(formdata=None, prefix="contact"),
        "consent": ConsentRecordForm(
            formdata=None,
            prefix="consent",
            jobcentre="yes" if row.consent_jobcentre else "no",
            health_jobcentre="yes" if row.consent_health_jobcentre else "no",
            given_on=clock.today(),
        ),
        **plan_forms(row, placements_of(get_db(), row.id)),
    }
    forms["assign"].offer(active_consultants(get_db()))
    return forms


def put_back_typed_work(forms: dict[str, Any], typed: MultiDict[str, str] | None) -> None:
    """What the consultant sent after being signed out, back in its form's fields."""
    if typed is None:
        return
    for form in forms.values():
        if any(field.name in typed for field in form):
            form.process(formdata=typed)
    flash(typed_work.PUT_BACK)


def has_health_answers(answers: Answers) -> bool:
    return any(answers.get(name) for name in SENSITIVE_FIELDS)


def show_case(
    registration: RegistrationRow,
    *,
    submitted: tuple[str, Any] | None = None,
    status: int = 200,
    health_asked: bool = False,
) -> ResponseReturnValue:
    """The page, with `submitted` = (name, form) for a form that came back with errors.
    Health answers show to the consultant it is given to; to anybody else after "Show
    health" (`health_asked`), whose one audit entry stands for this view."""
    db = get_db()
    holder = of_registration(registration)
    shows_health = health_shown(db, current_user(), holder, "case", asked=health_asked)
    if not health_asked:
        audit.record_now(db, current_user(), "viewed", reference=registration.reference)
    case = case_file(db, registration)
    forms = blank_forms(case)
    if request.method == "GET":
        here = url_for("staff.registration", public_id=registration.public_id)
        put_back_typed_work(
            forms, typed_work.take(db, current_user(), "case", registration.id, here)
        )
    if submitted:
        name, form = submitted
        forms[name] = form
    return render_template(
        "staff/registration.html",
        case=case,
        row=registration,
        rows=mark_health_not_kept(
            summary_rows(
                case.answers, include_sensitive=bool(shows_health or registration.health_withheld)
            ),
            registration,
        ),
        overview=first_call_overview(
            registration,
            case.answers,
            recordings_of_registration(db, registration.id),
            asked_to_be_called=asked_to_be_called(db, registration.id),
        ),
        health_hidden=not shows_health and has_health_answers(case.answers),
        contact=contact_rows(case.answers),
        forms=forms,
        promised=registration.callback_promised_by,
        late=is_overdue(registration.callback_promised_by, registration.status),
        agreement=has_agreement(db, registration.municipality_code),
        plan=case_plan(db, registration),
        latest=latest_notes(case.history),
        own_words=own_words(case.answers),
        duplicates=duplicates_of_case(db, current_user(), registration),
        shows_health=shows_health,
        words=AnswerWords(),
        correctable=(correctable := correctable_steps(registration, case.answers)),
        correctable_keys={step.key for step in correctable},
        step_of=STEP_OF,
    ), status


def done(registration: RegistrationRow, message: str) -> ResponseReturnValue:
    flash(message)
    return redirect(url_for(".registration", public_id=registration.public_id))


def act(
    registration: RegistrationRow,
    name: str,
    form: Any,
    action: Callable[[Database, User, Any], ResponseReturnValue | None],
    message: str,
) -> ResponseReturnValue:
    """A form on the registration page: back to the page with its errors, or do the
    action and say it is done. `action` may return another response."""
    if not form.validate():
        return show_case(registration, submitted=(name, form))
    return action(get_db(), current_user(), form) or done(registration, message)


def filters_from(form: Any, search: str = "") -> InboxFilters:
    return InboxFilters(
        status=form.status.data or "",
        municipality=form.municipality.data or "",
        consultant=form.consultant.data or "",
        helped=bool(form.helped.data),
        ambassador=bool(form.ambassador.data),
        search=search,
        page=requested_page(request.args.get("page")),
        order=form.order.data or "newest",
    )
