"""Karl takes Mette's registration on the phone on a few pages: the journey's questions,
several to a page, each with its own message beside it; the registrations that look like
her on the first page, before he goes on; and any page open again."""

from pages import Page, location_path
from people import MYSELF_IN_AARHUS
from staff import TEST_MUNICIPALITIES, register, staff_member

SAID = {name: value for step in MYSELF_IN_AARHUS.values() for name, value in step.items()}


def start(karl):
    return location_path(karl.post_form("/staff/registrations/new", {"channel": "phone"}))


def test_a_page_left_empty_says_beside_each_question_what_is_missing(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    second = start(karl).replace("/page/1", "/page/2")
    refused = karl.post_form(second, {})
    assert refused.status_code == 400
    page = Page(refused)
    links = page.error_summary_links()
    assert len(links) >= 4, "each question's own message"
    for message in ("Vælg mindst 1 ting", "Vælg mindst 1 slags arbejde"):
        assert message in page.text()
    assert page.soup.find(id="activity-error") and page.soup.find(id="work_wishes-error")


def test_a_likely_duplicate_stops_the_first_page_with_a_link_to_the_case(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    first = start(karl)
    response = karl.post_form(first, {**SAID, "phone": "20 30 40 50"})
    assert location_path(response).split("#")[0] == first, "he stays on the first page"
    page = karl.open(first)
    panel = page.soup.find(id="duplicates-heading").parent
    assert panel.find("a", href=f"/staff/registrations/{mette['public_id']}")
    assert "Samme telefonnummer" in panel.get_text()
    seen = page.soup.find(attrs={"name": "duplicates_seen"})["value"]
    response = karl.post_form(first, {**SAID, "phone": "20 30 40 50", "duplicates_seen": seen})
    assert location_path(response).endswith("/page/2"), "seen: he goes on"


def test_the_answers_are_saved_after_each_page_and_any_page_opens_again(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    first = start(karl)
    response = karl.post_form(first, SAID)
    assert location_path(response).endswith("/page/2")
    again = karl.open(first)
    assert again.field_value("name") == "Mette Hansen"
    assert again.checked_values("contact_method") == ["phone"]
    links = [a["href"] for a in again.soup.select(".staff-intake__pages a")]
    assert first in links and first.replace("/page/1", "/page/4") in links
    assert links[-1].endswith("/consent")
