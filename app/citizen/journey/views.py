"""One generic view for every question, and the check-answers page.

Sending and the receipt are in sending.py; saving for later and coming back in later.py;
the visitor's draft in current.py.
"""

import sqlite3
from contextlib import suppress

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from app.citizen.journey.blueprint import blueprint
from app.citizen.journey.current import (
    already_sent,
    current_draft,
    draft_token,
    keep_draft,
    sent_and_no_draft,
    url_for_step,
)
from app.citizen.journey.helper_profile import forget_helper, remember_helper, remembered_helper
from app.citizen.journey.voice import (
    asked_to_stay,
    said_in_this_draft,
    take_recordings,
    voice_on_page,
)
from app.core import codes
from app.core.db import DiskFull, is_disk_full
from app.core.site_text import gettext as _
from app.core.site_text import site_value
from app.domain.questions.flow import (
    CHECK_ANSWERS,
    first_unfinished,
    next_after_saving,
    shows_helper_hint,
    step_before,
)
from app.domain.questions.parts import part_of
from app.domain.questions.steps import STEPS_BY_KEY
from app.domain.questions.summary import summary_rows
from app.domain.registrations.drafts import (
    NoNewDraft,
    draft_exists,
    make_room_for_new_draft,
    save_step,
)
from app.web.database import get_db
from app.web.device import clear_person
from app.web.errors import expired_form
from app.web.i18n import choose_language, current_language, remember_language
from app.web.listenable import listenable
from app.web.question_page import (
    error_list,
    questions_on_page,
    search_asked_for,
    search_words_kept,
)
from app.web.step_forms import form_for

NOT_SAVED = _l("We could not save your last answer. Try again in a moment, or call KLAPjob.")


def back_link(step, answers, changing):
    if changing:
        return url_for("journey.check_answers")
    before = step_before(step, answers)
    return url_for_step(before) if before else url_for("pages.start")


def render_step(
    step,
    form,
    draft,
    changing,
    *,
    status=200,
    notice=None,
    offered_helper=False,
    found=None,
    token=None,
    refused=None,
):
    questions = questions_on_page(step, form, draft.answers, found)
    voice = voice_on_page(step, token or draft_token(), refused)
    for question in questions:
        question.voice = voice.get(question.spec.name)
    refusals = [(shown.input_name, shown.error) for shown in voice.values() if shown.error]
    return (
        render_template(
            "journey/step.html",
            step=step,
            form=form,
            questions=questions,
            errors=error_list(step, form) + refusals,
            takes_a_recording=bool(voice),
            changing=changing,
            action_url=url_for_step(step.key, changing=changing),
            back_url=back_link(step, draft.answers, changing),
            helper_hint=shows_helper_hint(step, draft.answers),
            part=shown_part(step),
            calls_from=number_we_call_from(step),
            offered_helper=offered_helper,
            notice=notice,
        ),
        status,
    )


def number_we_call_from(step):
    """The number KLAPjob calls from (a setting), on the question about calls."""
    number = current_app.config.get("CALLS_FROM", "")
    return site_value(number) if step.shows_number_we_call_from and number else None


def shown_part(step):
    """ "Part 2 of 4: What you do now": the same for everybody, so read aloud from the
    shared clips (the numbers are the site's)."""
    number, total, name = part_of(step)
    return site_value(number), site_value(total), name


def form_for_showing(step, draft):
    """The step's form with the saved answers; a helper's own details, remembered on this
    device, are offered when this draft has none yet."""
    answers = draft.answers
    offered = step.remembered_on_device and not any(answers.get(n) for n in step.field_names)
    if offered:
        answers = {**answers, **remembered_helper()}
        offered = any(answers.get(n) for n in step.field_names)
    return form_for(step, answers=answers), offered


@blueprint.route("/<step_key>", methods=["GET", "POST"])
@listenable
def step(step_key):
    step = STEPS_BY_KEY.get(step_key) or abort(404)
    sent = sent_and_no_draft()
    if sent is not None:
        if request.method == "POST" and request.form.get("finish_device"):
            return clear_person(redirect(url_for("pages.start")))
        return already_sent(sent)
    draft = current_draft()
    changing = request.args.get("change") == "1"
    if not step.show_if(draft.answers):
        return redirect(url_for_step(first_unfinished(draft.answers, draft.completed)))
    if request.method == "GET":
        form, offered = form_for_showing(step, draft)
        return render_step(step, form, draft, changing, offered_helper=offered)
    if request.form.get("not_me"):
        return forget_helper(redirect(url_for_step(step.key, changing=changing)))
    search = search_asked_for(step, request.form)
    if search:
        return show_what_was_found(step, changing, *search)

    form = form_for(step, formdata=request.form)
    is_valid = form.validate_with(draft.answers)
    typed, all_fit = form.storable_answers(step)
    typed.update(search_words_kept(step, request.form, draft.answers))
    if request.form.get("finish_device"):
        # A shared device: keep what was typed in the draft, then forget the person here.
        with suppress(NoNewDraft, DiskFull):
            save_answers(step, typed, complete=is_valid)
        return clear_person(redirect(url_for("pages.start")))
    # A text that cannot be stored keeps the person here, to shorten it: leaving would lose it.
    leaving = leaving_the_page(step, changing) if all_fit else None
    try:
        draft, token = save_answers(step, typed, complete=is_valid)
    except NoNewDraft as refused:
        return no_new_draft(refused.reason)
    except DiskFull:
        return render_step(step, form, draft, changing, status=503, notice=NOT_SAVED)
    refused = take_recordings(step, token)
    if refused or (asked_to_stay(step) and not leaving):
        # A recording refused, kept or deleted: the same page again, the rest saved.
        if refused:
            page = render_step(
                step, form, draft, changing, status=400, token=token, refused=refused
            )
            response = current_app.make_response(page)
        else:
            response = redirect(url_for_step(step.key, changing=changing))
        return keep_draft(response, token) if token else response
    if leaving or not is_valid:
        response = leaving or current_app.make_response(render_step(step, form, draft, changing))
        return keep_draft(response, token) if token else response
    target = next_after_saving(step, draft.answers, draft.completed, changing=changing)
    response = keep_draft(redirect(url_for_step(target, changing=changing)), token)
    return remember_helper(response, typed) if step.remembered_on_device else response


def show_what_was_found(step, changing, spec, typed):
    """A search of a long list (a postcode or a town for the municipality), done on the
    server so it works without JavaScript. The words typed stay out of the address, and
    the draft is left as it was: a search is not an answer."""
    form = form_for(step, formdata=request.form)
    found = spec.finder(typed)
    codes = found.municipality_codes if found else []
    if len(codes) == 1:
        form[spec.name].data = codes[0]
    return render_step(step, form, current_draft(), changing, found=found)


def leaving_the_page(step, changing):
    """The header's buttons and "Save and continue later" send the question's form, so
    that what was typed is saved before the person leaves the page. Returns where to go."""
    here = url_for_step(step.key, changing=changing)
    language = request.form.get("switch_language")
    if language and choose_language(language):
        return remember_language(redirect(here), language)
    if request.form.get("open_settings"):
        return redirect(url_for("pages.settings", next=here))
    if request.form.get("save_for_later"):
        return redirect(url_for("journey.save_for_later", next=here))
    return None


def save_answers(step, answers, *, complete):
    """Store this page's answers in the visitor's draft: (draft, token). A draft is started
    only once something is typed, and only when there is room for it (NoNewDraft);
    DiskFull when the database could not store it."""
    db, token = get_db(), draft_token()
    if not draft_exists(db, token):
        if not complete and not any(answers.values()):
            return current_draft(), None
        make_room_for_new_draft(db)
        token = codes.new_token()
    try:
        draft = save_step(
            db, token, step.key, answers, complete=complete, language=current_language()
        )
    except sqlite3.OperationalError as error:
        if is_disk_full(error):
            raise DiskFull() from error
        raise
    return draft, token


def no_new_draft(reason):
    """No room for a new draft: from this address for an hour, or on the disk for now."""
    status = 429 if reason == "busy" else 503
    response = current_app.make_response(
        (render_template("errors/no_new_draft.html", reason=reason), status)
    )
    response.headers["Retry-After"] = "3600" if reason == "busy" else "600"
    return response


@blueprint.errorhandler(CSRFError)
def form_expired(error):
    """The page was open so long that its security token is gone (or the browser was
    closed). Give the form back with what was typed, and ask to press the button again."""
    step = STEPS_BY_KEY.get((request.view_args or {}).get("step_key", ""))
    sent = sent_and_no_draft()
    if sent is not None:  # an old tab, after sending: say so, start nothing
        return already_sent(sent)
    draft = current_draft()
    # A question this person is not asked has no page to give back (its place in the
    # order does not exist for them): the plain page, whose link leads on.
    if step is None or not step.show_if(draft.answers):
        return expired_form(error)
    form = form_for(step, formdata=request.form)
    notice = _("Check your answers, and press the button again.")
    return render_step(step, form, draft, False, status=400, notice=notice)


@blueprint.get("/check")
@listenable
def check_answers():
    sent = sent_and_no_draft()
    if sent is not None:
        return already_sent(sent)
    draft = current_draft()
    unfinished = first_unfinished(draft.answers, draft.completed)
    if unfinished != CHECK_ANSWERS:
        return redirect(url_for_step(unfinished))
    return render_template(
        "journey/check.html",
        rows=summary_rows(draft.answers, said=said_in_this_draft()),
        helper_hint=draft.answers.get("filled_by") == "helper",
    )
