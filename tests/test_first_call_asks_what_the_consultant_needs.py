"""Before the first call, a job consultant needs more than the person's wishes: when and
how to call, where the person lives, a parent for someone under 18, a guardian, where the
person is with the job centre, who comes to the first meeting and whether an interpreter
is needed. Each is its own question, most may be skipped, and Karl sees the answers in
"Før du ringer" (issue 21, section 3)."""

from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_staff_first_call import case_url, facts, overview

NEW_QUESTIONS = [
    "call_time",
    "voicemail",
    "place",
    "guardian",
    "situation",
    "caseworker",
    "meeting_company",
    "interpreter",
]


def test_mette_who_wants_a_call_is_asked_when_and_how_klapjob_may_call(client):
    mette = Visitor(client)
    asked = mette.answer_all(MYSELF_IN_AARHUS)
    assert [key for key in asked if key in NEW_QUESTIONS] == NEW_QUESTIONS
    assert asked.index("call_time") == asked.index("phone") + 1
    assert "parent" not in asked, "only someone under 18 is asked for a parent"


def test_the_new_questions_may_be_skipped(client):
    mette = Visitor(client)
    skipped = {key: {} for key in NEW_QUESTIONS}
    asked = mette.answer_all({**MYSELF_IN_AARHUS, **skipped})
    assert set(NEW_QUESTIONS) <= set(asked)
    assert mette.open("/register/check").status == 200


def test_a_person_who_wants_an_email_is_not_asked_when_to_call(client):
    ida = Visitor(client)
    by_email = {
        **MYSELF_IN_AARHUS,
        "contact": {"contact_method": "email"},
        "email": {"email": "ida@mail.dk"},
    }
    asked = ida.answer_all(by_email)
    assert "call_time" not in asked and "voicemail" not in asked


def test_someone_under_18_is_asked_for_a_parent_and_may_still_go_on(client):
    uffe = Visitor(client)
    young = {**MYSELF_IN_AARHUS, "age": {"age_group": "under_18"}}
    asked = uffe.answer_all(young)
    assert asked.index("parent") == asked.index("age") + 1
    page = uffe.open("/register/parent")
    assert "Så taler KLAPjob også med en af dine forældre." in page.text()
    half = uffe.answer("parent", {"parent_name": "Lise Ung"})
    assert half.status_code == 200
    assert "Skriv telefonnummeret til din mor eller far" in Page(half).text()


def test_the_postcode_typed_to_find_the_municipality_is_not_asked_again(client):
    mette = Visitor(client)
    for key in ("who", "name", "contact", "phone", "call_time", "voicemail"):
        mette.answer(key, MYSELF_IN_AARHUS[key])
    response = mette.answer("municipality", {"municipality_find": "8000", "municipality": "751"})
    assert location_path(response) == "/register/place"
    assert mette.open("/register/place").field_value("place") == "8000"


def test_the_call_question_shows_the_number_klapjob_calls_from_only_when_it_is_set(app, client):
    mette = Visitor(client)
    for key in ("who", "name", "contact", "phone"):
        mette.answer(key, MYSELF_IN_AARHUS[key])
    assert "ringer fra dette nummer" not in mette.open("/register/call_time").text()
    app.config["CALLS_FROM"] = "33 44 55 66"
    text = mette.open("/register/call_time").text()
    assert "KLAPjob ringer fra dette nummer: 33 44 55 66" in text


def test_yes_to_questions_about_the_pension_says_what_happens_next(client):
    mette = Visitor(client)
    for key in ("who", "name", "contact", "phone", "municipality", "age", "activity"):
        mette.answer(key, MYSELF_IN_AARHUS[key])
    mette.answer("support", {"support": ["pension"]})
    text = mette.open("/register/pension").text()
    assert "KLAPjob taler med dig om dine spørgsmål." in text
    assert "Hvad vil du spørge om? (kan springes over)" in text


def test_karl_sees_the_first_call_answers_before_he_calls(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    shown = facts(overview(karl.open(case_url(mette))))
    assert shown["Hvornår KLAPjob må ringe"] == "Om morgenen"
    assert shown["KLAPjob må lægge en besked"] == "Ja"
    assert shown["Postnummer eller by"] == "8000 Aarhus C"
    assert shown["Værge"] == "Nej"
    assert shown["Det er jeg i nu"] == "Ressourceforløb"
    assert shown["Sagsbehandler på jobcentret"] == "Ja"
    assert shown["Mine spørgsmål om pension"] == "Hvad må jeg tjene?"
    assert shown["Kommer med til mødet"] == "Familie"
    assert shown["Brug for tolk"] == "Nej"


def test_karl_sees_the_parent_of_someone_under_18(app):
    uffe = register(
        app,
        {**MYSELF_IN_AARHUS, "parent": {"parent_name": "Lise Ung", "parent_phone": "40506070"}},
        name="Uffe Ung",
        age_group="under_18",
    )
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    shown = facts(overview(karl.open(case_url(uffe))))
    assert shown["Mor eller far"] == "Lise Ung"
    assert shown["Telefon til mor eller far"] == "40 50 60 70"
