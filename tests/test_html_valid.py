"""Every page is valid HTML by the Nu Html Checker (vnu.jar from npm, run on Java)."""

import pytest

from app.journey.steps import STEPS
from html_checker import html_errors, needs_java
from people import Visitor
from site_tour import TOUR_ANSWERS


def every_page_state(client):
    """(name, html) for each page, empty and with its errors, as the server sends them."""
    visitor = Visitor(client)
    for name, path in (("start", "/"), ("about", "/about"), ("privacy", "/privacy"),
                       ("help", "/help"), ("not-found", "/no-such-page")):
        yield name, client.get(path).get_data(as_text=True)
    yield "expired", client.post("/register/name", data={"name": "x"}).get_data(as_text=True)
    yield "too-large", client.post("/register/name", data={"name": "x" * 70000}).get_data(as_text=True)
    for step in STEPS:
        if step.key in ("phone", "email"):
            visitor.answer("contact", {"contact_method": step.key})
        yield step.key, client.get(f"/register/{step.key}").get_data(as_text=True)
        yield f"{step.key}-error", visitor.answer(step.key, {}).get_data(as_text=True)
        visitor.answer(step.key, TOUR_ANSWERS[step.key])
    yield "check", client.get("/register/check").get_data(as_text=True)
    yield "consent", client.get("/register/send").get_data(as_text=True)
    yield "consent-error", visitor.send(consent=False).get_data(as_text=True)
    visitor.send()
    yield "done", client.get("/register/done").get_data(as_text=True)
    yield "receipt", client.get("/register/receipt").get_data(as_text=True)


@needs_java
@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_is_valid_html(client, tmp_path, language):
    client.set_cookie("klapjob_lang", language)
    files = []
    for name, html in every_page_state(client):
        path = tmp_path / f"{name}.html"
        path.write_text(html)
        files.append(str(path))
    assert len(files) > 40
    assert html_errors(files) == []
