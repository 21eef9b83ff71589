"""A page is read aloud because its view says so (@listenable), not because its blueprint
is on a list: every citizen GET route declares itself, and the meeting pages, which were
silent, can be heard like every other citizen page."""

from datetime import timedelta

from app.core import clock
from pages import Page
from test_meetings_and_ambassadors import add_meeting

NEXT_WEEK = (clock.local_now() + timedelta(days=7)).replace(hour=10, minute=0, tzinfo=None)
BACK_OFFICE = ("staff.",)
FLASK_OWN = ("static",)


def test_every_get_route_outside_the_back_office_says_whether_it_is_read_aloud(app):
    from app.web.listenable import declared

    silent = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint.startswith(BACK_OFFICE + FLASK_OWN):
            continue
        if declared(app.view_functions[rule.endpoint]) is None:
            silent.append(f"{rule.rule} ({rule.endpoint})")
    assert silent == []


def assert_heard_from_its_heading_down(client, url):
    page = Page(client.get(url))
    assert page.status == 200, url
    blocks = page.soup.select("main [data-listen-normal]:not([data-listen])")
    assert blocks and (blocks[0].name == "h1" or blocks[0].find_parent("h1")), url
    whole = page.soup.select_one(".listen-bar audio")
    assert whole is not None, f"{url} has no Listen button"
    assert client.get(whole["src"]).status_code == 200


def test_the_meeting_pages_can_be_heard_like_every_other_citizen_page(app, client):
    public_id = add_meeting(app, "751", starts_at=NEXT_WEEK, place="Jobcenter Aarhus")
    assert_heard_from_its_heading_down(client, "/meetings")
    assert_heard_from_its_heading_down(client, f"/meetings/{public_id}")


def test_a_redirect_and_a_file_are_not_read_aloud(app):
    from app.web.listenable import declared

    assert declared(app.view_functions["pages.switch_language"]) is False
    assert declared(app.view_functions["pictograms.pictogram"]) is False
    assert declared(app.view_functions["pages.start"]) is True
