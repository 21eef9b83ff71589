"""A person makes the page fit them: bigger letters, other colours, more space, less
motion, fewer pictures. Chosen once, kept everywhere, no JavaScript needed."""

from app.web.display import parse
from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor

BIG_AND_DARK = {
    "text_size": "largest",
    "contrast": "high",
    "spacing": "wide",
    "motion": "reduced",
    "pictures": "few",
}


def html_classes(page):
    return set(page.soup.html.get("class", []))


def test_the_settings_are_one_step_away_on_every_page(get_page):
    for url in ("/", "/about", "/register/who", "/register/name"):
        page = get_page(url)
        control = page.soup.select_one(
            ".header-actions [href^='/settings'], .header-actions [name=open_settings]"
        )
        assert control is not None, url
        assert "Tilpas siden" in control.get_text()


def test_a_person_chooses_big_letters_and_white_on_black(client):
    visitor = Visitor(client)
    response = visitor.post_form(
        "/settings?next=/register/who", {**BIG_AND_DARK, "next": "/register/who"}
    )
    assert location_path(response) == "/register/who"
    page = visitor.open("/register/who")
    assert html_classes(page) == {
        "text-size-largest",
        "contrast-high",
        "spacing-wide",
        "motion-reduced",
        "pictures-few",
    }
    settings_page = visitor.open("/settings")
    assert settings_page.checked_values("text_size") == ["largest"]


def test_the_settings_last_through_the_journey_and_the_language_switch(client):
    visitor = Visitor(client)
    visitor.post_form("/settings", {**BIG_AND_DARK, "text_size": "large"})
    visitor.answer_all(MYSELF_IN_AARHUS)
    assert "text-size-large" in html_classes(visitor.open("/register/check"))
    client.get("/language/en?next=/register/check")
    english = visitor.open("/register/check")
    assert english.lang == "en"
    assert {"text-size-large", "contrast-high"} <= html_classes(english)


def test_opening_the_settings_from_a_question_keeps_what_was_typed(client):
    visitor = Visitor(client)
    token = visitor.open("/register/name").csrf_token()
    response = client.post(
        "/register/name", data={"csrf_token": token, "name": "Ali", "open_settings": "1"}
    )
    assert location_path(response) == "/settings?next=/register/name"
    visitor.post_form("/settings", {**BIG_AND_DARK, "next": "/register/name"})
    back = visitor.open("/register/name")
    assert back.field_value("name") == "Ali"
    assert "contrast-high" in html_classes(back)


def test_back_to_normal_forgets_the_settings(client):
    visitor = Visitor(client)
    visitor.post_form("/settings", BIG_AND_DARK)
    visitor.post_form("/settings", {"reset": "1"})
    assert html_classes(visitor.open("/")) == set()


def test_a_normal_page_has_no_setting_classes(get_page):
    assert html_classes(get_page("/")) == set()


def test_an_odd_cookie_changes_nothing():
    assert parse("text_size=huge&contrast=high&pictures=&x=1&<script>") == {
        "text_size": "normal",
        "contrast": "high",
        "spacing": "normal",
        "motion": "normal",
        "pictures": "many",
    }


def test_the_settings_page_never_sends_anyone_to_another_site(client):
    response = Visitor(client).post_form(
        "/settings", {**BIG_AND_DARK, "next": "https://evil.example/"}
    )
    assert location_path(response) == "/"


def test_a_setting_left_empty_says_what_to_choose(client):
    page = Page(Visitor(client).post_form("/settings", {"text_size": "large"}))
    assert page.title.startswith("Fejl: ")
    assert ("#contrast-0", "Vælg farver") in page.error_summary_links()


def test_the_cookie_holds_only_characters_a_browser_keeps_as_they_are(client):
    response = Visitor(client).post_form("/settings", BIG_AND_DARK)
    [cookie] = [
        h for h in response.headers.getlist("Set-Cookie") if h.startswith("klapjob_display=")
    ]
    value = cookie.split(";")[0].split("=", 1)[1]
    assert '"' not in value and "," not in value and "\\" not in value
