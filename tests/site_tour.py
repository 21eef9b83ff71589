"""Every state of every citizen page, visited in a real browser: each question empty and
with its errors showing, then the check, consent, receipt and the pages about the site."""

from datetime import datetime
from urllib.parse import urlencode

from app.db import connect
from app.journey.steps import STEPS
from app.meetings.data import create_meeting
from people import HELPED_BY_SUPPORT_WORKER

NEXT_BUTTON = "#step-form .actions button"
SEND_BUTTON = "main form .actions button"

TOUR_ANSWERS = {
    **HELPED_BY_SUPPORT_WORKER,
    "phone": {"phone": "20 30 40 50"},
    "email": {"email": "ali@mail.dk"},
    "health": {"health": "Jeg har epilepsi."},
}

# The contact step is visited three times, so that both phone and email pages are seen.
CONTACT_DETOURS = {"phone": {"contact_method": "phone"}, "email": {"contact_method": "email"}}


def post_answers(page, path, answers):
    """Answer a step through the browser's own cookies, as the form would."""
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    body = urlencode({"csrf_token": token, **answers}, doseq=True)
    response = page.request.post(
        path, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.ok, f"{path}: {response.status}"


def add_tour_meeting(app):
    """A coming meeting in Aarhus, so that the meeting pages have one to show."""
    db = connect(app.config["DATABASE"])
    try:
        return create_meeting(db, starts_at=datetime(2030, 5, 2, 10, 0), ends_at=None,
                              place="Jobcenter Aarhus", municipality_code="751",
                              description_da="Vi fortæller om job. Du kan spørge om alt.")
    finally:
        db.close()


def tour(page, meeting):
    """Yields a name for each page state, with `page` showing it."""
    page.goto("/meetings?municipality=751")
    yield "meetings"
    page.goto(f"/meetings/{meeting}")
    yield "meeting"
    page.click("main form .actions button")
    yield "meeting-error"
    for name, path in (("start", "/"), ("about", "/about"), ("privacy", "/privacy"),
                       ("help", "/help"), ("settings", "/settings"),
                       ("resume-code", "/register/resume"), ("resume-link", "/register/resume/x"),
                       ("not-found", "/no-such-page")):
        page.goto(path)
        yield name
    for step in STEPS:
        path = f"/register/{step.key}"
        if step.key in CONTACT_DETOURS:
            page.goto("/register/contact")
            post_answers(page, "/register/contact", CONTACT_DETOURS[step.key])
        page.goto(path)
        yield step.key
        if not step.optional:
            page.click(NEXT_BUTTON)
            yield f"{step.key}-error"
        post_answers(page, path, TOUR_ANSWERS[step.key])
    page.goto("/register/later?next=/register/check")
    yield "later"
    page.click("button[name=show_code]")
    yield "later-code"
    page.goto("/register/check")
    yield "check"
    page.goto("/register/send")
    yield "consent"
    page.click(SEND_BUTTON)
    yield "consent-error"
    page.check("#consent")
    page.click(SEND_BUTTON)
    yield "done"
    page.goto("/register/receipt")
    yield "receipt"
