"""The registration journey, told as the stories of the people who use it."""

import json

import pytest

from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor

SELF_STEPS = [
    "who",
    "name",
    "contact",
    "phone",
    "call_time",
    "voicemail",
    "municipality",
    "place",
    "age",
    "guardian",
    "activity",
    "stu_end",
    "experience",
    "support",
    "pension",
    "situation",
    "caseworker",
    "work",
    "strengths",
    "good_at",
    "others_say",
    "hours",
    "days",
    "times",
    "transport",
    "travel_time",
    "needs",
    "health",
    "other_contact",
    "meeting_company",
    "interpreter",
    "ambassador",
]


def registrations(db):
    return list(db.query("SELECT * FROM registrations"))


def answers_in_database(db, registration_id):
    rows = db.query(
        "SELECT field, value FROM answers WHERE registration_id = ? ORDER BY field, position",
        [registration_id],
    )
    answers = {}
    for row in rows:
        answers.setdefault(row["field"], []).append(row["value"])
    return answers


def test_a_citizen_registers_herself_in_danish(client, db):
    mette = Visitor(client)
    start = mette.open("/")
    assert start.lang == "da"
    assert "Få hjælp til at finde et job" in start.h1

    asked = mette.answer_all(MYSELF_IN_AARHUS)
    assert asked == SELF_STEPS

    check = mette.open("/register/check")
    assert check.h1 == "Tjek dine svar"
    assert "Mette Hansen" in check.text()
    assert "20 30 40 50" in check.text()
    assert "Aarhus" in check.text()
    assert "Køkken og kantine" in check.text() and "Café og fastfood" in check.text()

    consent = mette.open("/register/send")
    assert consent.h1 == "Må KLAPjob få dine svar?"
    assert consent.checked_values("consent") == [], "consent is never ticked in advance"

    sent = mette.send()
    assert location_path(sent) == "/register/done"
    done = mette.open("/register/done")
    assert "Tak. KLAPjob har fået dine svar." in done.h1

    [registration] = registrations(db)
    assert registration["name"] == "Mette Hansen"
    assert registration["phone"] == "+4520304050"
    assert registration["municipality_code"] == "751"
    assert registration["filled_by"] == "self"
    assert registration["language"] == "da"
    assert registration["reference"].replace(" ", "") in done.text().replace(" ", "")
    answers = answers_in_database(db, registration["id"])
    assert answers["work_wishes"] == ["kitchen", "cafe"]
    assert answers["health"] == ["Jeg har autisme."]
    assert "helper_name" not in answers
    assert list(db.query("SELECT * FROM drafts")) == [], "sending clears the draft"


def test_a_support_worker_helps_a_citizen_register_in_english(client, db):
    jonas = Visitor(client)
    jonas.client.set_cookie("klapjob_lang", "en")
    asked = jonas.answer_all(HELPED_BY_SUPPORT_WORKER)
    assert asked[:3] == ["who", "helper", "name"]
    assert "phone" not in asked and "email" not in asked, "KLAPjob contacts the helper"

    contact_page = jonas.open("/register/contact")
    assert contact_page.lang == "en"
    assert "Contact the person who helps me" in contact_page.text()

    check = jonas.open("/register/check")
    assert check.h1 == "Check your answers"
    assert "Jonas Berg" in check.text()
    assert "Support worker or care worker (bostøtte or pædagog)" in check.text()

    jonas.send(consent_health=False)
    done = jonas.open("/register/done")
    assert done.lang == "en"
    assert "KLAPjob contacts Jonas Berg, who helps you." in done.text()

    [registration] = registrations(db)
    assert registration["filled_by"] == "helper"
    assert registration["language"] == "en"
    assert registration["contact_method"] == "helper"
    answers = answers_in_database(db, registration["id"])
    assert answers["helper_contact"] == ["jonas@bosted.dk"]
    assert answers["helper_confirm"] == ["yes"]


def test_the_contact_choice_for_a_helper_is_only_offered_when_someone_helps(client):
    mette = Visitor(client)
    mette.answer("who", {"filled_by": "self"})
    page = mette.open("/register/contact")
    assert "helper" not in [
        i["value"] for i in page.soup.find_all("input", {"name": "contact_method"})
    ]
    tampered = mette.answer("contact", {"contact_method": "helper"})
    assert tampered.status_code == 200
    assert Page(tampered).error_summary_links()


REQUIRED_STEPS = [
    ("who", "filled_by-0", "Vælg, om en anden hjælper dig"),
    ("name", "name", "Skriv dit navn"),
    ("contact", "contact_method-0", "Vælg, hvordan KLAPjob skal kontakte dig"),
    ("phone", "phone", "Skriv dit telefonnummer"),
    ("municipality", "municipality", "Vælg din kommune. Eller vælg Ved ikke"),
    ("age", "age_group-0", "Vælg, hvor gammel du er"),
    ("activity", "activity-0", "Vælg mindst 1 ting"),
    ("experience", "experience-0", "Vælg mindst 1 svar"),
    ("support", "support-0", "Vælg mindst 1 svar"),
    ("work", "work_wishes-0", "Vælg mindst 1 slags arbejde"),
    ("strengths", "strengths-0", "Vælg mindst 1 ting, eller skriv selv"),
    ("good_at", "good_at-0", "Vælg mindst 1 ting, eller skriv selv"),
    ("hours", "hours-0", "Vælg, hvor mange timer du vil arbejde"),
    ("transport", "transport-0", "Vælg mindst 1 måde at komme på arbejde"),
    ("travel_time", "travel_time-0", "Vælg, hvor lang tid turen må tage"),
    ("ambassador", "ambassador-0", "Vælg ja, nej eller ved ikke"),
]


@pytest.mark.parametrize("step_key, field_id, message", REQUIRED_STEPS)
def test_a_required_question_left_empty_says_what_to_do(client, step_key, field_id, message):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "phone"})
    page = Page(visitor.answer(step_key, {}))
    assert page.status == 200
    assert page.title.startswith("Fejl: ")
    assert page.error_summary_links() == [(f"#{field_id}", message)]
    assert page.soup.find(id=field_id) is not None, "the summary links to a real field"
    beside_field = page.soup.find(class_="error-message")
    assert message in beside_field.get_text()
    page.assert_well_formed()


def draft_answers(db):
    return json.loads(next(db.query("SELECT answers FROM drafts"))["answers"])


def test_optional_questions_can_be_skipped(client, db):
    visitor = Visitor(client)
    for step_key, next_step in [
        ("needs", "health"),
        ("health", "other_contact"),
        ("other_contact", "meeting_company"),
        ("meeting_company", "interpreter"),
        ("interpreter", "ambassador"),
    ]:
        response = visitor.answer(step_key, {})
        assert location_path(response) == f"/register/{next_step}"
    answers = draft_answers(db)
    assert answers["needs"] == [] and answers["health"] == ""
    assert answers["other_contact_name"] == answers["other_contact_phone"] == ""


def test_a_helper_must_confirm_that_the_person_agrees(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "helper"})
    details = dict(HELPED_BY_SUPPORT_WORKER["helper"])
    del details["helper_confirm"]
    page = Page(visitor.answer("helper", details))
    assert page.error_summary_links() == [
        ("#helper_confirm", "Sæt kryds, når personen ved det og siger ja")
    ]
    assert page.field_value("helper_name") == "Jonas Berg", "what was typed is kept"


@pytest.mark.parametrize(
    "typed", ["20 30 40 50", "+45 20 30 40 50", "0045 20304050", "20-30-40-50", "(+45) 2030 4050"]
)
def test_a_danish_phone_number_is_accepted_however_it_is_written(client, db, typed):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "sms"})
    assert visitor.answer("phone", {"phone": typed}).status_code == 302
    draft = json.loads(next(db.query("SELECT answers FROM drafts"))["answers"])
    assert draft["phone"] == "+4520304050"


@pytest.mark.parametrize("typed", ["1234", "abc", "--version", "20 30 40 50 60 70 80"])
def test_a_phone_number_that_cannot_be_called_gets_a_kind_message(client, typed):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "phone"})
    page = Page(visitor.answer("phone", {"phone": typed}))
    assert page.error_summary_links() == [
        ("#phone", "Skriv et nummer med 8 tal, for eksempel 20 30 40 50")
    ]
    assert page.field_value("phone") == typed


def test_an_email_address_is_checked_and_kept_when_wrong(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "email"})
    page = Page(visitor.answer("email", {"email": "mette(at)mail.dk"}))
    assert page.error_summary_links() == [("#email", "Skriv en mail sådan her: navn@mail.dk")]
    assert page.field_value("email") == "mette(at)mail.dk"
    assert visitor.answer("email", {"email": "Mette@Mail.dk"}).status_code == 302


def test_choosing_something_else_asks_what_work(client, db):
    visitor = Visitor(client)
    page = Page(visitor.answer("work", {"work_wishes": ["other"]}))
    assert page.error_summary_links() == [("#work_other", "Skriv, hvad du vil arbejde med")]
    assert page.checked_values("work_wishes") == ["other"]
    ok = visitor.answer("work", {"work_wishes": ["other"], "work_other": "Biograf"})
    assert location_path(ok) == "/register/strengths"
    assert draft_answers(db)["work_other"] == "Biograf"


def test_a_free_text_alone_answers_what_you_like(client, db):
    visitor = Visitor(client)
    response = visitor.answer("strengths", {"strengths_text": "Jeg kan lide musik"})
    assert location_path(response) == "/register/good_at"
    answers = draft_answers(db)
    assert answers["strengths"] == [] and answers["strengths_text"] == "Jeg kan lide musik"


def test_a_free_text_alone_answers_what_you_are_good_at(client, db):
    visitor = Visitor(client)
    response = visitor.answer("good_at", {"good_at_text": "Jeg er god til at bage"})
    assert location_path(response) == "/register/others_say"
    answers = draft_answers(db)
    assert answers["good_at"] == [] and answers["good_at_text"] == "Jeg er god til at bage"


def test_a_very_long_text_gets_a_message_not_an_error_page(client):
    visitor = Visitor(client)
    page = Page(visitor.answer("name", {"name": "A" * 150}))
    assert page.status == 200
    assert page.error_summary_links() == [
        ("#name", "Skriv en kortere tekst. Du kan skrive 100 tegn.")
    ]


def test_the_back_link_goes_to_the_question_before_for_this_person(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "email"})
    municipality = visitor.open("/register/municipality")
    assert municipality.soup.find(class_="back-link")["href"] == "/register/email"
    first = visitor.open("/register/who")
    assert first.soup.find(class_="back-link")["href"] == "/"


def test_a_question_that_does_not_apply_sends_the_person_on(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    response = client.get("/register/helper")
    assert location_path(response) == "/register/name", "no helper: on to her name"


def test_unknown_steps_are_not_found(client):
    assert client.get("/register/nothing-here").status_code == 404


def test_a_saved_phone_number_is_shown_the_way_people_write_it(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    visitor.answer("contact", {"contact_method": "phone"})
    visitor.answer("phone", {"phone": "+45 20-30-40-50"})
    assert visitor.open("/register/phone").field_value("phone") == "20 30 40 50"


def test_each_question_says_how_far_the_person_has_come(client):
    visitor = Visitor(client)
    assert visitor.open("/register/who").soup.select_one(".progress").get_text() == (
        "Del 1 af 4: Om dig"
    )
    visitor.answer("who", {"filled_by": "helper"})
    visitor.answer("contact", {"contact_method": "helper"})
    page = visitor.open("/register/name")
    assert page.soup.select_one(".progress").get_text() == "Del 1 af 4: Om dig", (
        "a helper has one question more, and the finish line stays where it was"
    )
    assert visitor.open("/register/ambassador").soup.select_one(".progress").get_text() == (
        "Del 4 af 4: De sidste spørgsmål"
    )


def test_the_something_else_text_is_marked_to_follow_its_choice(client):
    group = Visitor(client).open("/register/work").soup.find(id="work_other-group")
    assert (group["data-reveal-field"], group["data-reveal-values"]) == ("work_wishes", "other")
