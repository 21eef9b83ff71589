"""Answers that stand alone ("I don't know", "It does not matter", "None of these") are
never sent together with other answers, a role is never sent without a name, and each
page asks one question."""

import pytest

from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, register, staff_member

# (page, field, the answer that stands alone, an answer it cannot go with)
STANDS_ALONE = [
    ("days", "work_days", "any", "weekdays"),
    ("days", "work_days", "dont_know", "weekend"),
    ("times", "work_times", "any", "morning"),
    ("times", "work_times", "dont_know", "evening"),
    ("support", "support", "none", "wages"),
    ("support", "support", "dont_know", "pension"),
    ("experience", "experience", "no", "job"),
    ("experience", "experience", "dont_know", "praktik"),
    ("work", "work_wishes", "dont_know", "kitchen"),
    ("strengths", "strengths", "dont_know", "people"),
    ("good_at", "good_at", "dont_know", "on_time"),
    ("transport", "transport", "dont_know", "walk"),
    ("travel_time", "travel_time", None, None),
]


def started(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    return visitor


def error_beside(page, field):
    group = page.soup.find(id=f"{field}-group")
    message = group.find(class_="error-message")
    return message.get_text(" ", strip=True) if message else None


@pytest.mark.parametrize(
    ("step", "field", "alone", "other"), [case for case in STANDS_ALONE if case[2]]
)
def test_an_answer_that_stands_alone_is_not_sent_with_others(client, step, field, alone, other):
    visitor = started(client)
    response = visitor.answer(step, {field: [other, alone]})
    page = Page(response)
    assert response.status_code == 200, "the person stays on the question"
    message = error_beside(page, field)
    assert message and "Vælg" in message, "a kind message beside the field says what to do"
    assert page.checked_values(field) == [other, alone] or sorted(
        page.checked_values(field)
    ) == sorted([other, alone]), "what the person ticked is kept"
    assert page.title.startswith("Fejl: ")


def test_the_message_names_the_answer_in_the_persons_language(client):
    visitor = started(client)
    page = Page(visitor.answer("days", {"work_days": ["weekdays", "weekend", "any"]}))
    assert error_beside(page, "work_days") == (
        "Fejl: Vælg kun »Det er lige meget«. Eller vælg kun de andre svar."
    )
    client.get("/language/en")
    page = Page(visitor.answer("days", {"work_days": ["weekdays", "any"]}))
    assert error_beside(page, "work_days") == (
        "Error: Choose only “It does not matter”. Or choose only the other answers."
    )


def test_an_answer_that_stands_alone_is_sent_on_its_own(client):
    visitor = started(client)
    response = visitor.answer("days", {"work_days": ["any"]})
    assert location_path(response) == "/register/times"


def test_the_page_marks_the_answers_that_stand_alone_for_its_script(client):
    page = started(client).open("/register/days")
    marked = [i["value"] for i in page.soup.find_all("input", attrs={"data-exclusive": True})]
    assert marked == ["any", "dont_know"]
    assert page.soup.find(attrs={"aria-live": "polite", "data-exclusive-status": True}), (
        "a quiet live region tells a screen reader what the script unticked"
    )


def test_a_role_without_a_name_asks_for_the_name(client):
    visitor = started(client)
    page = Page(visitor.answer("other_contact", {"other_contact_role": "relative"}))
    assert page.status == 200
    assert error_beside(page, "other_contact_name") == "Fejl: Skriv personens navn"
    assert page.checked_values("other_contact_role") == ["relative"]


def test_days_and_times_of_day_are_two_questions(client):
    visitor = started(client)
    days = visitor.open("/register/days")
    assert days.h1 == "Hvilke dage kan du arbejde?"
    assert {i["name"] for i in days.soup.select("form#step-form input[type=checkbox]")} == {
        "work_days"
    }
    times = visitor.open("/register/times")
    assert times.h1 == "Hvornår på dagen kan du arbejde?"
    assert {i["name"] for i in times.soup.select("form#step-form input[type=checkbox]")} == {
        "work_times"
    }


def test_both_answers_still_show_after_the_split(client):
    visitor = Visitor(client)
    visitor.answer_all(MYSELF_IN_AARHUS)
    check = visitor.open("/register/check")
    links = {a["href"] for a in check.soup.select("main a")}
    assert "/register/days?change=1" in links and "/register/times?change=1" in links
    assert "Mandag til fredag" in check.text() and "Om morgenen" in check.text()
    visitor.send()
    receipt = visitor.open("/register/receipt").text()
    assert "Mandag til fredag" in receipt and "Om morgenen" in receipt
    profile = visitor.open("/register/profile").text()
    assert "Mandag til fredag" in profile and "Om morgenen" in profile


def test_the_consultant_still_sees_both_days_and_times_of_day(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    text = karl.open(f"/staff/registrations/{mette['public_id']}").text()
    assert "Mandag til fredag" in text and "Om morgenen" in text
