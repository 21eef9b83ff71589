"""What a phone gets from the server, before any JavaScript runs: the font of the first
screen asked for at once, and a calm page without JavaScript (one "Listen" for the page,
not a bare audio player on every line). The layout itself is measured in a real browser:
tests/browser/test_phone_first_screen.py."""

import re

from app.domain.questions.steps import STEPS
from app.web.page_states import RIGHT, WAY, answers_for
from app.web.server_site import ServerSite
from pages import Page

FONT_FILES = (
    "vendor/fonts/atkinson-hyperlegible-latin-400-normal.woff2",
    "vendor/fonts/atkinson-hyperlegible-latin-700-normal.woff2",
)


def test_the_first_visit_asks_for_the_font_at_once_the_same_file_the_style_sheet_names(client):
    page = Page(client.get("/"))
    preloaded = page.soup.select('link[rel="preload"][as="font"]')
    assert len(preloaded) == len(FONT_FILES)
    stylesheet = page.soup.select_one('link[rel="stylesheet"][href*="site"]')["href"]
    css = client.get(stylesheet).get_data(as_text=True)
    in_the_css = set(re.findall(r'url\("?([^")]+\.woff2)"?\)', css))
    for link in preloaded:
        assert link["type"] == "font/woff2" and link.has_attr("crossorigin")
        # The hashed address, as the style sheet names it (relative to css/): one download.
        assert "../" + link["href"].removeprefix("/static/") in in_the_css
        assert client.get(link["href"]).status_code == 200
    # Before the style sheet, so that the browser asks for the font first.
    order = [link.get("rel")[0] for link in page.soup.head.find_all("link")]
    assert order.index("preload") < order.index("stylesheet")


def test_the_font_preload_keeps_the_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "font-src 'self'" in policy and "unsafe-inline" not in policy


def players_a_person_sees_without_javascript(page):
    """The audio players drawn without JavaScript (a `hidden` one waits for listen.js)."""
    return [audio for audio in page.soup.select("audio") if not audio.has_attr("hidden")]


def question_pages(app, client):
    """Each question page, as a person who answered the ones before it gets it."""
    site = ServerSite(app, client)
    answers = {}
    for step in STEPS:
        if not step.show_if(answers):
            continue
        site.open(f"/register/{step.key}")
        yield step.key, Page(client.get(f"/register/{step.key}"))
        given = answers_for(step, {**WAY, **answers}, RIGHT)
        site.quietly(f"/register/{step.key}", given)
        answers.update(given)


def test_without_javascript_a_question_has_one_listen_link_and_no_player_on_each_line(app, client):
    seen = 0
    for key, page in question_pages(app, client):
        assert page.status == 200, key
        assert players_a_person_sees_without_javascript(page) == [], key
        listen_links = page.soup.select("a.listen__link")
        assert len(listen_links) == 1, key
        assert listen_links[0]["href"] == page.soup.select_one(".listen-bar audio")["src"]
        # The speakers beside each line are still there, for listen.js to show.
        assert page.soup.select("main [data-listen-target] .listen__button[hidden]"), key
        seen += 1
    assert seen >= 15


def test_without_javascript_the_start_page_is_calm_too(client):
    page = Page(client.get("/"))
    assert players_a_person_sees_without_javascript(page) == []
    assert len(page.soup.select("a.listen__link")) == 1
