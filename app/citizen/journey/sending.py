"""Consent and sending, the receipt, a copy for the helper, and finishing on this device."""

from flask import current_app, redirect, render_template, request, session, url_for

from app.citizen.journey.blueprint import blueprint
from app.citizen.journey.current import (
    current_draft,
    draft_token,
    sent_and_no_draft,
    sent_registration,
    url_for_step,
)
from app.citizen.journey.receipt import email_receipt, receipt_context
from app.core import clock
from app.core.db import write_transaction
from app.core.mail import mail_is_configured
from app.core.site_text import gettext as _
from app.domain.questions.flow import CHECK_ANSWERS, first_unfinished
from app.domain.questions.summary import summary_rows
from app.domain.registrations.drafts import delete_draft
from app.domain.registrations.sending import (
    Consents,
    DraftNotFinished,
    receipt_for,
    submit_registration,
)
from app.domain.registrations.voice import recordings_of_registration
from app.web.cookies import (
    DRAFT_COOKIE,
    RECEIPT_COOKIE,
    forget_cookie,
    set_private_cookie,
)
from app.web.database import get_db
from app.web.i18n import current_language
from app.web.listenable import listenable
from app.web.question_page import form_errors
from app.web.step_forms import ConsentForm, HelperCopyForm

# In the session: whether the copy by mail went ("sent" or "failed"); no address, no text.
COPY_OUTCOME = "receipt_copy"


def consent_labels(answers):
    """The words of each yes. A helper reads the first one aloud: the person says it."""
    if answers.get("filled_by") != "helper":
        return {"consent": _("Yes, KLAPjob may keep my answers and contact me.")}
    return {
        "consent": _(
            "Yes, I want %(helper)s to send my answers. KLAPjob may keep them and contact me.",
            helper=answers.get("helper_name", ""),
        ),
        "consent_contact_helper": _("Yes, KLAPjob may also contact me, the helper."),
    }


@blueprint.route("/send", methods=["GET", "POST"])
@listenable
def send():
    if receipt_for(get_db(), draft_token(), hours=current_app.config["RECEIPT_HOURS"]):
        # Sent already (a double click, or the back button): show the same receipt.
        return finish(draft_token())
    if sent_and_no_draft():
        # Back from the receipt: the draft cookie is gone, the receipt is still here.
        return redirect(url_for("journey.done"))
    draft = current_draft()
    unfinished = first_unfinished(draft.answers, draft.completed)
    if unfinished != CHECK_ANSWERS:
        return redirect(url_for_step(unfinished))
    form = ConsentForm()
    if request.method == "POST" and form.validate_for(draft.answers):
        consents = Consents(
            health=form.consent_health.data,
            contact_helper=form.consent_contact_helper.data,
            jobcentre=form.consent_jobcentre.data,
        )
        try:
            submit_registration(
                get_db(), draft_token(), language=current_language(), consents=consents
            )
        except DraftNotFinished as unfinished_step:
            return redirect(url_for_step(unfinished_step.step_key))
        registration = receipt_for(get_db(), draft_token(), hours=1)
        copy_to_person(registration)
        return finish(draft_token())
    return render_template(
        "journey/consent.html",
        form=form,
        labels=consent_labels(draft.answers),
        errors=form_errors(form),
        asks_health=bool(draft.answers.get("health")),
        helper_hint=draft.answers.get("filled_by") == "helper",
        under_18=draft.answers.get("age_group") == "under_18",
    )


def copy_to_person(registration):
    """Mail the person a copy when they gave an address and the site sends mail, and
    remember in this browser whether it went, so the receipt page can say so."""
    session.pop(COPY_OUTCOME, None)
    address = registration.answers.get("email")
    if address and mail_is_configured():
        sent = email_receipt(registration, address)
        session[COPY_OUTCOME] = "sent" if sent else "failed"


def finish(token):
    """The draft cookie becomes a receipt cookie that ends with the browser: the next
    person to start on this device begins with a new, empty draft."""
    response = redirect(url_for("journey.done"))
    forget_cookie(response, DRAFT_COOKIE)
    return set_private_cookie(response, RECEIPT_COOKIE, token)


def helper_email(registration):
    contact = registration.answers.get("helper_contact", "")
    return contact if "@" in contact else None


@blueprint.get("/done")
@listenable
def done():
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    return render_done(registration, HelperCopyForm())


def render_done(registration, copy_form, status=200):
    return (
        render_template(
            "journey/done.html",
            **receipt_context(registration),
            copy_outcome=session.get(COPY_OUTCOME) if registration.answers.get("email") else None,
            helper_email=helper_email(registration) if mail_is_configured() else None,
            copy_form=copy_form,
            errors=form_errors(copy_form),
        ),
        status,
    )


@blueprint.post("/copy-for-helper")
def copy_for_helper():
    """A copy of the receipt for the helper, only when the person says yes, and once."""
    registration = sent_registration()
    address = registration and helper_email(registration)
    if not address or not mail_is_configured():
        return redirect(url_for("pages.start"))
    form = HelperCopyForm()
    if not (form.validate() and form.person_agrees.data):
        form.person_agrees.errors = [_("Tick the box when the person says yes")]
        return render_done(registration, form)
    if registration.helper_copy_sent_at is None:
        if not email_receipt(registration, address):
            form.person_agrees.errors = [
                _("We could not send the copy. Try again later, or print the answers.")
            ]
            return render_done(registration, form)
        mark_helper_copy_sent(get_db(), registration.id)
    return redirect(url_for("journey.done"))


def mark_helper_copy_sent(db, registration_id):
    with write_transaction(db):
        db.execute(
            "UPDATE registrations SET helper_copy_sent_at = ? WHERE id = ?",
            [clock.now_iso(), registration_id],
        )


@blueprint.get("/receipt")
@listenable
def receipt():
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    return render_template(
        "journey/receipt.html",
        **receipt_context(registration),
        rows=summary_rows(
            registration.answers, said=recordings_of_registration(get_db(), registration.id)
        ),
    )


@blueprint.post("/start-over")
def start_over():
    """Forget this device's draft and receipt, and begin with empty answers."""
    token = draft_token()
    if token:
        delete_draft(get_db(), token)
    session.pop("later", None)
    response = redirect(url_for("journey.step", step_key="who"))
    forget_cookie(response, DRAFT_COOKIE)
    return forget_cookie(response, RECEIPT_COOKIE)
