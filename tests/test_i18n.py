"""Danish first, English next: every page in the person's language, chosen once."""

import pytest
from babel.messages.pofile import read_po

from app.web.translate import catalogue_path, extract, is_translated, untranslated
from pages import Page, location_path
from people import Visitor


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_message_is_translated_in_every_catalogue(language):
    assert untranslated(language) == []


def messages_in_the_code(tmp_path):
    """What `flask translate update` extracts, from the code as it is now (not the
    committed messages.pot, which may be out of date)."""
    output = tmp_path / "messages.pot"
    extract(output)
    with open(output, "rb") as f:
        return {m.id for m in read_po(f) if m.id}


def test_the_catalogues_hold_every_message_the_code_uses(tmp_path):
    in_the_code = messages_in_the_code(tmp_path)
    assert len(in_the_code) > 500
    for language in ("da", "en"):
        with open(catalogue_path(language), "rb") as f:
            catalogue = {m.id: m for m in read_po(f, locale=language) if m.id}
        missing = sorted(str(i) for i in in_the_code - catalogue.keys())
        assert missing == [], f"{language} lacks these (run flask translate update)"
        not_done = sorted(str(i) for i in in_the_code if not is_translated(catalogue[i]))
        assert not_done == [], f"{language}: untranslated or fuzzy"


def test_a_first_visit_follows_the_browser_language(client):
    page = Page(client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}))
    assert page.lang == "en"
    assert page.h1 == "Get help to find a job"


def test_danish_is_the_default(client):
    page = Page(client.get("/", headers={"Accept-Language": "fr"}))
    assert page.lang == "da"


def test_the_language_link_keeps_the_person_on_the_same_page(client):
    response = client.get("/language/en?next=/privacy")
    assert location_path(response) == "/privacy"
    page = Page(client.get("/privacy"))
    assert page.lang == "en"
    assert page.h1 == "How we look after your answers"
    assert Page(client.get("/")).lang == "en", "the choice is remembered"


def test_the_language_switch_on_a_question_keeps_what_was_typed(client):
    visitor = Visitor(client)
    name_page = visitor.open("/register/name")
    switch = name_page.soup.find("button", {"name": "switch_language"})
    assert switch["form"] == "step-form" and switch["value"] == "en"
    response = client.post(
        "/register/name",
        data={"csrf_token": name_page.csrf_token(), "name": "Mette", "switch_language": "en"},
    )
    assert location_path(response) == "/register/name"
    english = visitor.open("/register/name")
    assert english.lang == "en"
    assert english.h1 == "What is your name?"
    assert english.field_value("name") == "Mette"
    assert english.error_summary_links() == [], "switching language shows no errors"


def test_switching_language_with_a_half_answer_keeps_it_but_asks_again(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "phone"})
    token = visitor.open("/register/phone").csrf_token()
    client.post(
        "/register/phone",
        data={"csrf_token": token, "phone": "2030", "switch_language": "en"},
    )
    page = visitor.open("/register/phone")
    assert page.field_value("phone") == "2030"
    response = visitor.answer("phone", {"phone": "2030"})
    assert Page(response).error_summary_links()[0][1].startswith("Write a phone number")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_the_language_link_never_sends_anyone_to_another_site(client, target):
    response = client.get("/language/en", query_string={"next": target})
    assert location_path(response) == "/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/language/xx?next=/").status_code == 404


def test_error_titles_are_in_the_page_language(client):
    client.set_cookie("klapjob_lang", "en")
    page = Page(Visitor(client).answer("name", {}))
    assert page.title.startswith("Error: ")
    assert page.error_summary_links() == [("#name", "Write your name")]
