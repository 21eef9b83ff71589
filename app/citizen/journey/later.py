"""Save and continue later: a link by mail or a short code, and coming back with either."""

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField

from app.citizen.journey.blueprint import blueprint
from app.citizen.journey.current import current_draft, draft_token, keep_draft, url_for_step
from app.core import clock, codes
from app.core.limits import Limit, subject, this_client
from app.core.mail import mail_is_configured, may_mail, send_mail
from app.core.site_text import gettext as _
from app.core.site_text import site_value
from app.domain.questions.flow import first_unfinished
from app.domain.questions.validators import normalise_email
from app.domain.registrations.drafts import load_draft
from app.domain.registrations.resume import (
    ResumeRefused,
    create_resume_key,
    failed_codes,
    normalise_code,
    redeem,
    spaced_code,
)
from app.web.database import get_db
from app.web.i18n import safe_local_path
from app.web.links import public_url
from app.web.listenable import listenable
from app.web.question_page import form_errors


class EmailForm(FlaskForm):
    email = StringField(_l("Your email"))


class CodeForm(FlaskForm):
    code = StringField(_l("Your code"))


def resume_days():
    return site_value(current_app.config["RESUME_DAYS"])


def secret():
    return current_app.config["SECRET_KEY"]


# The code shown and the address a link went to stay on the page (in the person's own
# session cookie, for an hour): so the page can be read aloud again, and reloaded, without
# the code or the address being kept anywhere on the server.
SHOWN_FOR = 3600


def show_on_this_page(**shown):
    session["later"] = {**session.get("later", {}), **shown, "at": clock.seconds()}


def shown_on_this_page():
    shown = session.get("later") or {}
    return shown if clock.seconds() - shown.get("at", 0) < SHOWN_FOR else {}


def code_made_of(code):
    count = len(code)
    return {
        "letters": _("The code has %(count)d letters.", count=count),
        "numbers": _("The code has %(count)d numbers.", count=count),
        "letters and numbers": _("The code has %(count)d letters and numbers.", count=count),
    }[codes.signs_in(code)]


def render_later(back_to, *, email_form=None, status=200):
    email_form = email_form or EmailForm(email=current_draft().answers.get("email", ""))
    shown = shown_on_this_page()
    code, sent_to = shown.get("code"), shown.get("sent_to")
    return (
        render_template(
            "journey/later.html",
            back_to=back_to,
            email_form=email_form,
            can_mail=mail_is_configured(),
            code=spaced_code(code) if code else None,
            # Read aloud one sign at a time, like the reference on the receipt.
            code_spoken=" ".join(code) if code else None,
            code_made_of=code_made_of(code) if code else None,
            sent_to=sent_to,
            days=resume_days(),
            errors=form_errors(email_form),
        ),
        status,
    )


@blueprint.route("/later", methods=["GET", "POST"])
@listenable
def save_for_later():
    back_to = safe_local_path(request.values.get("next"), fallback=url_for("pages.start"))
    token = draft_token()
    if not token or not current_draft().answers:
        return redirect(back_to)
    if request.method == "GET":
        return render_later(back_to)
    if request.form.get("show_code"):
        code = create_resume_key(get_db(), token, "code", secret=secret(), days=resume_days())
        show_on_this_page(code=code)
        return render_later(back_to)
    return send_resume_link(token, back_to)


def link_limits(token):
    """Links by mail from one client address an hour, and for one draft an hour
    (KLAPJOB_RESUME_MAILS_PER_HOUR, _PER_DRAFT); the recipient's day is counted by may_mail."""
    config = current_app.config
    return [
        (Limit("resume_mail", config["RESUME_MAILS_PER_HOUR"], 3600), this_client()),
        (
            Limit("resume_mail_draft", config["RESUME_MAILS_PER_DRAFT"], 3600),
            subject("draft", token),
        ),
    ]


def send_resume_link(token, back_to):
    form = EmailForm()
    address = normalise_email(form.email.data or "") if form.validate() else None
    if address is None:
        form.email.errors = [_("Write an email like this: name@mail.dk")]
        return render_later(back_to, email_form=form)
    if not may_mail(get_db(), address, *link_limits(token)):
        phone = current_app.config["KLAPJOB_PHONE"]
        form.email.errors = [
            _(
                "We have sent many links now. Use a code instead, or call KLAPjob on %(phone)s.",
                phone=phone,
            )
        ]
        return render_later(back_to, email_form=form, status=429)
    key = create_resume_key(get_db(), token, "link", secret=secret(), days=resume_days())
    body = render_template(
        "email/resume_link.txt",
        link=public_url("journey.resume_by_link", key=key),
        days=resume_days(),
    )
    if not send_mail(address, _("Continue your answers to KLAPjob"), body):
        form.email.errors = [_("We could not send the mail. Try again later, or use a code.")]
        return render_later(back_to, email_form=form)
    show_on_this_page(sent_to=address)
    return render_later(back_to)


def open_draft(token):
    """This device now holds the draft: go to the first question still to answer."""
    draft = load_draft(get_db(), token)
    target = url_for_step(first_unfinished(draft.answers, draft.completed))
    return keep_draft(redirect(target), token)


@blueprint.route("/resume/<key>", methods=["GET", "POST"])
@listenable
def resume_by_link(key):
    """The link from the mail. Opening it shows a button: mail programs that look at links
    in advance must not use up the single use."""
    if len(key) > 100:
        return render_template("journey/resume_refused.html", reason="unknown"), 404
    if request.method == "GET":
        return render_template("journey/resume_link.html", form=FlaskForm())
    try:
        token = redeem(get_db(), "link", key, secret=secret())
    except ResumeRefused as refused:
        return render_template("journey/resume_refused.html", reason=refused.reason), 410
    return open_draft(token)


@blueprint.route("/resume", methods=["GET", "POST"])
@listenable
def resume_by_code():
    form = CodeForm()
    limit, client = failed_codes(current_app.config["FAILED_CODES_PER_HOUR"]), this_client()
    if request.method == "POST" and form.validate():
        if limit.reached(get_db(), client):
            form.code.errors = [_("You have tried many codes. Wait 1 hour, or call KLAPjob.")]
        else:
            try:
                return open_draft(
                    redeem(get_db(), "code", normalise_code(form.code.data), secret=secret())
                )
            except ResumeRefused:
                limit.record(get_db(), client)
                form.code.errors = [_("Check the code. It has 8 letters or numbers.")]
    status = 400 if form.code.errors else 200
    errors = [(form.code.id, form.code.errors[0])] if form.code.errors else []
    return render_template("journey/resume_code.html", form=form, errors=errors), status
