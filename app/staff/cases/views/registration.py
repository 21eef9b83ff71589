"""One registration: every answer as the person saw it, how to contact them, and the
consultant's work on it: status, consultant, job, follow-ups, notes. Every view is
written to the audit log."""

from datetime import date

from flask import flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l

from app.core import clock
from app.domain.coverage import has_agreement
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.questions.summary import shown_answers, summary_rows
from app.domain.registrations.callback import is_overdue
from app.staff.cases.data.case_file import case_file
from app.staff.cases.data.changes import add_note, assign, change_status, save_job
from app.staff.cases.data.first_call import first_call_overview, mark_health_not_kept
from app.staff.cases.data.follow_ups import record_follow_up
from app.staff.cases.data.placements import placements_of
from app.staff.cases.forms.cases import AssignForm, FollowUpForm, JobForm, NoteForm, StatusForm
from app.staff.cases.forms.corrections import ConsentRecordForm
from app.staff.cases.forms.day import CallForm
from app.staff.cases.views.case_plan import case_plan, own_words, plan_forms
from app.staff.cases.views.correction_words import STEP_OF, AnswerWords, correctable_steps
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.duplicates import duplicates_of_case
from app.staff.core.forms import ActionForm
from app.staff.core.health import health_shown, of_registration
from app.staff.core.permissions import current_user, requires, with_registration
from app.staff.core.users import active_consultants, user_by_public_id
from app.web.database import get_db
from app.web.question_page import form_errors

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


def contact_rows(answers):
    """(label, shown answers) for how to reach the person and who helps them."""
    rows = []
    for name in CONTACT_FIELDS:
        spec = FIELDS_BY_NAME[name]
        shown = shown_answers(spec, answers.get(name))
        if shown:
            rows.append((spec.summary_label or spec.label, shown, name))
    return rows


def blank_forms(case):
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
        "call": CallForm(formdata=None, prefix="call"),
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


def has_health_answers(answers):
    return any(answers.get(name) for name in SENSITIVE_FIELDS)


def show_case(registration, *, submitted=None, status=200, health_asked=False):
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
    errors = []
    if submitted:
        name, form = submitted
        forms[name] = form
        errors = form_errors(form)
    return render_template(
        "staff/registration.html",
        case=case,
        row=registration,
        rows=mark_health_not_kept(
            summary_rows(
                case.answers, include_sensitive=shows_health or registration.health_withheld
            ),
            registration,
        ),
        overview=first_call_overview(registration, case.answers),
        health_hidden=not shows_health and has_health_answers(case.answers),
        contact=contact_rows(case.answers),
        forms=forms,
        errors=errors,
        promised=registration.callback_promised_by,
        late=is_overdue(registration.callback_promised_by, registration.status),
        agreement=has_agreement(db, registration.municipality_code),
        plan=case_plan(db, registration),
        own_words=own_words(case.answers),
        duplicates=duplicates_of_case(db, current_user(), registration),
        shows_health=shows_health,
        words=AnswerWords(),
        correctable=(correctable := correctable_steps(registration, case.answers)),
        correctable_keys={step.key for step in correctable},
        step_of=STEP_OF,
    ), status


def done(registration, message):
    flash(message)
    return redirect(url_for(".registration", public_id=registration.public_id))


def act(registration, name, form, action, message):
    """A form on the registration page: back to the page with its errors, or do the
    action and say it is done. `action` may return another response."""
    if not form.validate():
        return show_case(registration, submitted=(name, form))
    return action(get_db(), current_user(), form) or done(registration, message)


@blueprint.get("/registrations/<public_id>")
@requires("staff")
@with_registration
def registration(registration):
    return show_case(registration)


@blueprint.post("/registrations/<public_id>/health")
@requires("staff")
@with_registration
def show_health(registration):
    """ "Show health": the health answers of a registration that is not this user's, once,
    written to the audit log."""
    if not ActionForm().validate_on_submit():
        return redirect(url_for(".registration", public_id=registration.public_id))
    return show_case(registration, health_asked=True)


@blueprint.post("/registrations/<public_id>/status")
@requires("staff")
@with_registration
def change_registration_status(registration):
    def action(db, user, form):
        change_status(
            db,
            user,
            registration,
            form.status.data,
            reason=form.reason.data or None,
            note=form.note.data,
        )

    return act(
        registration, "status", StatusForm(prefix="status"), action, _l("The status is changed.")
    )


@blueprint.post("/registrations/<public_id>/consultant")
@requires("staff")
@with_registration
def assign_registration(registration):
    def action(db, user, form):
        consultant = user_by_public_id(db, form.consultant.data) if form.consultant.data else None
        assign(db, user, registration, consultant.id if consultant else None, note=form.note.data)
        if consultant and consultant.id != user.id and not user.is_admin:
            # Handed over to a colleague: this consultant may no longer see it.
            flash(_l("The registration is given to %(name)s.", name=consultant.name))
            return redirect(url_for(".inbox"))
        return None

    form = AssignForm(prefix="assign")
    form.offer(active_consultants(get_db()))
    return act(registration, "assign", form, action, _l("The consultant is changed."))


@blueprint.post("/registrations/<public_id>/job")
@requires("staff")
@with_registration
def save_registration_job(registration):
    def action(db, user, form):
        hours = float(form.hours.data) if form.hours.data is not None else None
        save_job(
            db,
            user,
            registration,
            praktik_start=form.praktik_start.data,
            job_start=form.job_start.data,
            employer=form.employer.data or "",
            hours=hours,
            note=form.note.data,
        )

    return act(
        registration, "job", JobForm(prefix="job"), action, _l("The work trial and job are saved.")
    )


@blueprint.post("/registrations/<public_id>/note")
@requires("staff")
@with_registration
def add_registration_note(registration):
    def action(db, user, form):
        add_note(db, user, registration, form.note.data)

    return act(registration, "note", NoteForm(prefix="note"), action, _l("The note is saved."))


@blueprint.post("/registrations/<public_id>/follow-up")
@requires("staff")
@with_registration
def record_registration_follow_up(registration):
    def action(db, user, form):
        try:
            record_follow_up(db, user, registration, note=form.note.data)
        except ValueError:
            return done(registration, _l("No follow-up is due: save the job start first."))
        return None

    return act(
        registration,
        "follow_up",
        FollowUpForm(prefix="follow_up"),
        action,
        _l("The follow-up is recorded."),
    )
