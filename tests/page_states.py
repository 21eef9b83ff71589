"""Every page a citizen can meet, in every state, as the server sends it."""

from app.journey.steps import STEPS
from people import Visitor
from site_tour import TOUR_ANSWERS, add_tour_meeting


def every_page_state(client):
    """(name, html) for each page, empty and with its errors, as the server sends them."""
    visitor = Visitor(client)
    meeting = add_tour_meeting(client.application)
    yield "meetings", client.get("/meetings?municipality=751").get_data(as_text=True)
    yield "meeting", client.get(f"/meetings/{meeting}").get_data(as_text=True)
    yield "meeting-error", visitor.post_form(f"/meetings/{meeting}", {}).get_data(as_text=True)
    signed_up = visitor.post_form(f"/meetings/{meeting}", {"name": "Ali", "phone": "20304050"})
    yield "signed-up", client.get(signed_up.headers["Location"]).get_data(as_text=True)
    for name, path in (("start", "/"), ("about", "/about"), ("privacy", "/privacy"),
                       ("help", "/help"), ("settings", "/settings"),
                       ("not-found", "/no-such-page")):
        yield name, client.get(path).get_data(as_text=True)
    yield "resume-code", client.get("/register/resume").get_data(as_text=True)
    yield "resume-code-error", visitor.post_form("/register/resume", {"code": "x"}).get_data(as_text=True)
    yield "resume-link", client.get("/register/resume/abc").get_data(as_text=True)
    yield "resume-refused", visitor.post_form("/register/resume/abc", {}).get_data(as_text=True)
    yield "settings-error", visitor.post_form("/settings", {"text_size": "large"}).get_data(as_text=True)
    yield "expired", client.post("/register/name", data={"name": "x"}).get_data(as_text=True)
    yield "too-large", client.post("/register/name", data={"name": "x" * 70000}).get_data(as_text=True)
    for step in STEPS:
        if step.key in ("phone", "email"):
            visitor.answer("contact", {"contact_method": step.key})
        yield step.key, client.get(f"/register/{step.key}").get_data(as_text=True)
        if not step.optional:
            yield f"{step.key}-error", visitor.answer(step.key, {}).get_data(as_text=True)
        visitor.answer(step.key, TOUR_ANSWERS[step.key])
    yield "later", client.get("/register/later?next=/register/check").get_data(as_text=True)
    yield "later-code", visitor.post_form("/register/later", {"show_code": "1"}).get_data(as_text=True)
    yield "check", client.get("/register/check").get_data(as_text=True)
    yield "consent", client.get("/register/send").get_data(as_text=True)
    yield "consent-error", visitor.send(consent=False).get_data(as_text=True)
    visitor.send()
    yield "done", client.get("/register/done").get_data(as_text=True)
    yield "done-error", visitor.post_form("/register/copy-for-helper", {}).get_data(as_text=True)
    yield "receipt", client.get("/register/receipt").get_data(as_text=True)
