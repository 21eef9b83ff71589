"""Every state of every citizen page, in one list: what `flask audio build` reads aloud ahead
of time (speech/walk.py), and what the tests check (tests/page_states.py on the server's
HTML, tests/site_tour.py in a real browser, with JavaScript on and off).

`every_page_state(site)` drives a `site` through the pages as a person would, and yields the
name of each state while the site shows it. A site is anything with these methods:

    open(path)                      show the page at `path`
    send(path, answers, press=None, token="page")
                                    on the page at `path`, fill in `answers` and press the
                                    form's button (`press`: (name, value) of another button);
                                    token="expired" sends the form as if it had waited too long
    quietly(path, answers, token_from=None)
                                    send `answers` to `path` without showing the result (the
                                    form's token from the page `token_from`, else `path`)
    post(path)                      send a bare POST to `path` (as a changed request would)
    choose(path, name, value)       show `path` with a choice ticked but not sent
    ask_if_still_there()            a shared device's "Are you still there?" (JavaScript only)
    set_cookie(name, value), forget_cookie(name)
    app, javascript                 the site's Flask app; whether the pages' JavaScript runs

The questions come from domain/questions/steps.py, so a new question is walked without a change here."""

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from app.domain.questions.model import Answer, AnswerIs, Answers, Step
from app.domain.questions.steps import STEPS
from app.web.device import SHARED_DEVICE_COOKIE
from app.web.page_state_setup import (
    AARHUS,
    COPENHAGEN,
    add_meeting,
    database,
    mail_not_working,
    mail_works,
    no_more_links,
    refused_link,
    remove_meetings,
    shared_device_mark,
)
from app.web.page_states_after_sending import asking_to_be_called, the_helpers_copy, the_job_profile
from app.web.question_page import finder_field, revealed_by
from app.web.server_site import ServerSite

# Answers of each kind that pass, and that fail for their format.
RIGHT = {
    "text": "Tekst",
    "textarea": "Tekst",
    "phone": "20 30 40 50",
    "email": "navn@mail.dk",
    "phone_or_email": "navn@mail.dk",
    "confirm": "y",
}


WRONG = {"phone": "12", "email": "navn", "phone_or_email": "navn"}


# The way through the questions with the most on the pages: a helper, who gives their own
# email (so that they can have a copy), for a person who wants "something else" as work.
WAY: dict[str, Answer] = {
    "filled_by": "helper",
    "contact_method": "helper",
    "work_wishes": ["other"],
    "work_other": "Noget med biler",
    "helper_role": "support_worker",
}


@dataclass(frozen=True)
class Person:
    """What the walk types into the pages: by default everyday answers; the privacy test
    gives a person who types a marker into every field instead."""

    answers: dict[str, Answer] = dataclasses.field(default_factory=lambda: dict(WAY))
    name: str = "Ali"  # signing up for a meeting
    phone: str = RIGHT["phone"]
    email: str = RIGHT["email"]  # for a "continue later" link


# Where the states that every question of a kind shares are shown once.
FIRST_TEXT_STEP = next(s for s in STEPS if len(s.fields) == 1 and s.fields[0].kind == "text").key


FIRST_CHOICE_STEP = next(s for s in STEPS if s.fields[0].kind == "radio").key
# The first question with an answer that stands alone ("It does not matter"), sent with another.
FIRST_ALONE_STEP = next(
    s for s in STEPS if any(c.exclusive for c in s.fields[0].choices) and s.fields[0].takes_several
)


def every_page_state(site: ServerSite, person: Person = Person()) -> Iterator[str]:
    yield from before_anyone_starts(site, person)
    yield from the_questions(site, person.answers)
    yield from saving_for_later(site, person)
    yield from sending(site)
    yield from the_job_profile(site)
    yield from coming_back(site, person.answers)
    yield from a_shared_device(site)


def before_anyone_starts(site: ServerSite, person: Person) -> Iterator[str]:
    remove_meetings(site.app)
    site.open("/meetings")
    yield "meetings-none"
    site.open("/")
    yield "start-no-meetings"
    meeting = add_meeting(site.app)
    for name, path in (
        ("start", "/"),
        ("meetings", f"/meetings?municipality={AARHUS}"),
        ("meetings-not-near", f"/meetings?municipality={COPENHAGEN}"),
        ("meeting", f"/meetings/{meeting}"),
        ("about", "/about"),
        ("privacy", "/privacy"),
        ("help", "/help"),
        ("call-me", "/call-me"),
        ("for-relatives", "/for-relatives"),
        ("settings", "/settings"),
        ("not-found", "/no-such-page"),
        ("resume-code", "/register/resume"),
        ("resume-link", "/register/resume/any-key"),
    ):
        site.open(path)
        yield name
    site.send(f"/meetings/{meeting}", {})
    yield "meeting-error"
    site.send(f"/meetings/{meeting}", {"name": person.name, "phone": WRONG["phone"]})
    yield "meeting-phone-wrong"
    site.send(f"/meetings/{meeting}", {"name": person.name, "phone": person.phone})
    yield "meeting-signed-up"
    yield from asking_to_be_called(site, person.name, person.phone, WRONG["phone"])
    site.send("/settings", {"text_size": "large"})
    yield "settings-error"
    site.send("/settings", {}, token="expired")
    yield "expired"
    site.send("/register/resume", {"code": "x"})
    yield "resume-code-error"
    yield from too_many_codes(site)
    site.send("/register/resume/any-key", {})
    yield "resume-refused"
    for reason in ("used", "expired"):
        site.send(f"/register/resume/{refused_link(site.app, reason)}", {})
        yield f"resume-refused-{reason}"
    site.send("/register/name", {"name": "x" * 70_000})
    yield "too-large"
    site.post("/about")
    yield "not-allowed"


def too_many_codes(site: ServerSite) -> Iterator[str]:
    for _ in range(site.app.config["FAILED_CODES_PER_HOUR"]):
        site.quietly("/register/resume", {"code": "x"})
    site.send("/register/resume", {"code": "x"})
    yield "resume-code-too-many"
    with database(site.app) as db:
        db.execute("DELETE FROM rate_events WHERE kind = 'failed_code'")
        db.conn.commit()


def the_questions(site: ServerSite, way: Answers) -> Iterator[str]:
    """Each question empty, with each of its errors, then answered; follow-up questions
    shown when their choice is ticked."""
    answers: dict[str, Answer] = {}
    detours: dict[str, tuple[Step, dict[str, Answer]]] = {}
    for step in STEPS:
        if not step.show_if(answers):
            detours.update(take_a_detour(site, step, answers, way))
        path = f"/register/{step.key}"
        site.open(path)
        yield step.key
        yield from errors_of(site, step, answers, way)
        given = answers_for(step, {**way, **answers}, RIGHT)
        site.quietly(path, given)
        answers.update(given)
    for step, given in detours.values():
        site.quietly(f"/register/{step.key}", given)
    site.open("/register/check")
    yield "check"
    site.open(f"/register/{FIRST_TEXT_STEP}?change=1")
    yield "change"


def take_a_detour(
    site: ServerSite, step: Step, answers: dict[str, Answer], way: Answers
) -> dict[str, tuple[Step, dict[str, Answer]]]:
    """A question asked only after some answer (the phone number, after "call me"): give
    that answer for now; the way's own answer is given again at the end."""
    shown_if = step.show_if
    assert isinstance(shown_if, AnswerIs), step.key  # the detour is the answer it waits for
    name, values = shown_if.answer_name, shown_if.answer_values
    owner = next(s for s in STEPS if name in s.field_names)
    site.quietly(f"/register/{owner.key}", answers_for(owner, {**answers, name: values[0]}, RIGHT))
    answers[name] = values[0]
    # The way's own answer to `name`, or none (a missing answer is the same as None).
    others = {key: answer for key, answer in answers.items() if key != name}
    return {owner.key: (owner, answers_for(owner, {**way, **others}, RIGHT))}


def errors_of(site: ServerSite, step: Step, answers: Answers, way: Answers) -> Iterator[str]:
    path = f"/register/{step.key}"
    if not step.optional:
        site.send(path, {})
        yield f"{step.key}-error"
    right = answers_for(step, {**way, **answers}, RIGHT)
    for field in step.fields:
        if field.kind in WRONG:
            site.send(path, {**right, field.name: WRONG[field.kind]})
            yield f"{step.key}-{field.name}-wrong"
        if step is FIRST_ALONE_STEP and field is step.fields[0]:
            alone = next(c.value for c in field.choices if c.exclusive)
            site.send(path, {**right, field.name: [field.choices[0].value, alone]})
            yield f"{step.key}-alone-error"
        if step.key == FIRST_CHOICE_STEP and field.kind == "radio":
            site.send(path, {**right, field.name: "not-a-choice"})
            yield f"{step.key}-not-offered"
        revealed = revealed_by(field)
        if revealed:
            site.send(path, {**right, field.name: ""})
            yield f"{step.key}-{field.name}-error"
            if site.javascript:
                reveal, values = revealed
                site.choose(path, reveal, values[0])
                yield f"{step.key}-{field.name}-revealed"
    finder = finder_field(step)
    if finder:
        searches = (
            ("found", "8000"),
            ("found-several", "2000"),
            ("not-found", way.get(f"{finder.name}_find", "Atlantis")),
        )
        for name, typed in searches:
            site.send(path, {f"{finder.name}_find": typed}, press=("find", finder.name))
            yield f"{step.key}-{name}"
    if step.key == FIRST_TEXT_STEP:
        name = step.fields[0].name
        site.send(path, {name: "x" * (step.fields[0].max_length + 1)})
        yield f"{step.key}-too-long"
        site.send(path, {name: "Ali"}, token="expired")
        yield f"{step.key}-expired"


def saving_for_later(site: ServerSite, person: Person) -> Iterator[str]:
    site.open("/register/later?next=/register/check")
    yield "later"
    site.send("/register/later?next=/register/check", {}, press=("show_code", "1"))
    yield "later-code"
    if not site.app.config["SMTP_HOST"]:
        return
    site.send("/register/later?next=/register/check", {"email": "navn"})
    yield "later-email-wrong"
    with mail_not_working(site.app):
        site.send("/register/later?next=/register/check", {"email": person.email})
        yield "later-mail-failed"
    if mail_works(site.app):
        site.send("/register/later?next=/register/check", {"email": person.email})
        yield "later-link-sent"
        with no_more_links(site.app):
            site.send("/register/later?next=/register/check", {"email": person.email})
            yield "later-too-many-links"


def sending(site: ServerSite) -> Iterator[str]:
    site.open("/register/send")
    yield "consent"
    site.send("/register/send", {})
    yield "consent-error"
    site.send(
        "/register/send", {"consent": "y", "consent_health": "y", "consent_contact_helper": "y"}
    )
    yield "done"
    site.open("/register/receipt")
    yield "receipt"
    site.open(f"/register/{STEPS[0].key}")  # Back, refresh or an old tab
    yield "sent-already"
    site.set_cookie(SHARED_DEVICE_COOKIE, shared_device_mark(site.app))
    site.open("/register/done")
    yield "done-shared-device"
    site.forget_cookie(SHARED_DEVICE_COOKIE)
    yield from the_helpers_copy(site)


def coming_back(site: ServerSite, way: Answers) -> Iterator[str]:
    """The same device, the next person: the helper's own details are offered again. Then
    a person who answers for themselves, up to their consent."""
    site.quietly("/register/start-over", {}, token_from="/register/done")
    site.quietly("/register/who", {"filled_by": "helper"})
    site.open("/register/helper")
    yield "helper-is-this-you"
    site.open("/")
    yield "start-continue"
    answers = {**way, "filled_by": "self", "contact_method": "email"}
    for step in STEPS:
        if not step.show_if(answers):
            continue
        if step.key == "contact":
            site.open("/register/contact")
            yield "contact-for-themselves"
        site.quietly(f"/register/{step.key}", answers_for(step, answers, RIGHT))
    site.open("/register/send")
    yield "consent-for-themselves"


def a_shared_device(site: ServerSite) -> Iterator[str]:
    site.set_cookie(SHARED_DEVICE_COOKIE, shared_device_mark(site.app))
    site.open("/")
    yield "shared-start"
    site.open("/register/name")
    yield "shared-question"
    if site.javascript:
        site.ask_if_still_there()
        yield "still-here"
    site.forget_cookie(SHARED_DEVICE_COOKIE)


def answers_for(step: Step, preferred: Answers, texts: Mapping[str, str]) -> dict[str, Answer]:
    """Answers to every field of `step`: the preferred one where there is one, else the
    first choice or a right text."""
    data: dict[str, Answer] = {}
    for field in step.fields:
        if preferred.get(field.name) is not None:
            data[field.name] = preferred[field.name]
        elif field.has_choices:
            first = field.visible_choices(preferred)[0].value
            data[field.name] = [first] if field.takes_several else first
        elif field.kind in texts:
            data[field.name] = texts[field.kind]
    return data
