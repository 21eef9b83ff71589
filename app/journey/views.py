"""One generic view for every question, then check answers, consent and the receipt."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from ..cookies import forget_cookie, set_private_cookie
from ..db import get_db
from ..errors import expired_form
from ..i18n import choose_language, current_language, remember_language
from ..registrations import DraftNotFinished, receipt_for, submit_registration
from .drafts import DRAFT_COOKIE, delete_draft, load_draft, new_token, save_step
from .flow import CHECK_ANSWERS, first_unfinished, next_after_saving, step_before
from .forms import ConsentForm, form_for
from .page import error_list, questions_on_page
from .receipt import email_receipt, receipt_context
from .steps import STEPS_BY_KEY
from .summary import summary_rows

blueprint = Blueprint("journey", __name__, url_prefix="/register")
RECEIPT_COOKIE = "klapjob_receipt"


def draft_token():
    return request.cookies.get(DRAFT_COOKIE)


def current_draft():
    return load_draft(get_db(), draft_token())


def url_for_step(key, *, changing=False):
    if key == CHECK_ANSWERS:
        return url_for(".check_answers")
    return url_for(".step", step_key=key, change=1 if changing else None)


def keep_draft(response, token):
    return set_private_cookie(
        response, DRAFT_COOKIE, token, days=current_app.config["DRAFT_COOKIE_DAYS"]
    )


def back_link(step, answers, changing):
    if changing:
        return url_for(".check_answers")
    before = step_before(step, answers)
    return url_for_step(before) if before else url_for("pages.start")


def render_step(step, form, draft, changing, *, status=200, notice=None):
    return (
        render_template(
            "journey/step.html",
            step=step,
            form=form,
            questions=questions_on_page(step, form, draft.answers),
            errors=error_list(step, form),
            changing=changing,
            action_url=url_for_step(step.key, changing=changing),
            back_url=back_link(step, draft.answers, changing),
            notice=notice,
        ),
        status,
    )


@blueprint.route("/<step_key>", methods=["GET", "POST"])
def step(step_key):
    step = STEPS_BY_KEY.get(step_key) or abort(404)
    draft = current_draft()
    changing = request.args.get("change") == "1"
    if not step.show_if(draft.answers):
        return redirect(url_for_step(first_unfinished(draft.answers, draft.completed)))
    if request.method == "GET":
        return render_step(step, form_for(step, answers=draft.answers), draft, changing)

    form = form_for(step, formdata=request.form)
    is_valid = form.validate_with(draft.answers)
    leaving = leaving_the_page(step, changing)
    if leaving or not is_valid:
        draft, token = save_what_was_typed(step, form, is_valid)
        response = leaving or current_app.make_response(render_step(step, form, draft, changing))
        return keep_draft(response, token) if token else response

    token = draft_token() or new_token()
    draft = save_step(
        get_db(), token, step.key, form.given_answers(), complete=True, language=current_language()
    )
    target = next_after_saving(step, draft.answers, draft.completed, changing=changing)
    return keep_draft(redirect(url_for_step(target, changing=changing)), token)


def leaving_the_page(step, changing):
    """The header's buttons send the question's form, so that what was typed is saved
    before the language changes or the settings page opens. Returns where to go."""
    here = url_for_step(step.key, changing=changing)
    language = request.form.get("switch_language")
    if language and choose_language(language):
        return remember_language(redirect(here), language)
    if request.form.get("open_settings"):
        return redirect(url_for("pages.settings", next=here))
    return None


def save_what_was_typed(step, form, is_valid):
    """Keep what a person typed even when it is not right yet, so nothing is lost when
    they switch language or leave. Nothing is stored before they typed something."""
    typed = form.given_answers()
    token = draft_token()
    if not token and not any(typed.values()):
        return current_draft(), None
    token = token or new_token()
    draft = save_step(
        get_db(), token, step.key, typed, complete=is_valid, language=current_language()
    )
    return draft, token


@blueprint.errorhandler(CSRFError)
def form_expired(error):
    """The page was open so long that its security token is gone (or the browser was
    closed). Give the form back with what was typed, and ask to press the button again."""
    step = STEPS_BY_KEY.get((request.view_args or {}).get("step_key", ""))
    if step is None:
        return expired_form(error)
    form = form_for(step, formdata=request.form)
    draft = current_draft()
    notice = _("Check your answers, and press the button again.")
    return render_step(step, form, draft, False, status=400, notice=notice)


@blueprint.get("/check")
def check_answers():
    draft = current_draft()
    unfinished = first_unfinished(draft.answers, draft.completed)
    if unfinished != CHECK_ANSWERS:
        return redirect(url_for_step(unfinished))
    return render_template("journey/check.html", rows=summary_rows(draft.answers))


@blueprint.route("/send", methods=["GET", "POST"])
def send():
    if receipt_for(get_db(), draft_token(), hours=current_app.config["RECEIPT_HOURS"]):
        # Sent already (a double click, or the back button): show the same receipt.
        return finish(draft_token())
    draft = current_draft()
    unfinished = first_unfinished(draft.answers, draft.completed)
    if unfinished != CHECK_ANSWERS:
        return redirect(url_for_step(unfinished))
    form = ConsentForm()
    if form.validate_on_submit():
        try:
            submit_registration(
                get_db(),
                draft_token(),
                language=current_language(),
                consent_health=form.consent_health.data,
            )
        except DraftNotFinished as unfinished_step:
            return redirect(url_for_step(unfinished_step.step_key))
        email_receipt(receipt_for(get_db(), draft_token(), hours=1))
        return finish(draft_token())
    return render_template(
        "journey/consent.html",
        form=form,
        errors=[("consent", message) for message in form.consent.errors[:1]],
        asks_health=bool(draft.answers.get("health")),
    )


def finish(token):
    """The draft cookie becomes a receipt cookie that ends with the browser: the next
    person to start on this device begins with a new, empty draft."""
    response = redirect(url_for(".done"))
    forget_cookie(response, DRAFT_COOKIE)
    return set_private_cookie(response, RECEIPT_COOKIE, token)


def sent_registration():
    token = request.cookies.get(RECEIPT_COOKIE)
    return receipt_for(get_db(), token, hours=current_app.config["RECEIPT_HOURS"])


@blueprint.get("/done")
def done():
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    return render_template("journey/done.html", **receipt_context(registration))


@blueprint.get("/receipt")
def receipt():
    registration = sent_registration()
    if registration is None:
        return redirect(url_for("pages.start"))
    return render_template(
        "journey/receipt.html",
        **receipt_context(registration),
        rows=summary_rows(registration.answers),
    )


@blueprint.post("/start-over")
def start_over():
    """Forget this device's draft and receipt, and begin with empty answers."""
    token = draft_token()
    if token:
        delete_draft(get_db(), token)
    response = redirect(url_for(".step", step_key="who"))
    forget_cookie(response, DRAFT_COOKIE)
    return forget_cookie(response, RECEIPT_COOKIE)
