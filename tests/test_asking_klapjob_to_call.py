"""A person who does not want to go through all the questions asks KLAPjob to call her:
her name, her number, when it is good to call and her municipality, and her yes. It becomes
a registration in the back office, given to the consultant who covers her municipality,
and the consultant sees plainly that she has not answered the questions."""

from app.core.db import connect
from pages import Page, location_path
from people import Visitor
from staff import TEST_MUNICIPALITIES, staff_member
from test_callback_promise import AARHUS, cover
from test_staff_first_call import overview

CALL_ME = "/call-me"
SENT = "/call-me/sent"
METTE = {
    "name": "Mette Hansen",
    "phone": "20 30 40 50",
    "call_time": ["morning"],
    "municipality": AARHUS,
    "consent": "y",
}
NOT_ANSWERED = "Bad os ringe: har ikke svaret på spørgsmålene"


def ask_to_be_called(client, answers=METTE):
    return Visitor(client).post_form(CALL_ME, answers)


def stored_requests(app):
    db = connect(app.config["DATABASE"])
    rows = list(db.query("SELECT * FROM registrations WHERE channel = 'call_me'"))
    db.close()
    return rows


def test_a_person_asks_klapjob_to_call_her_without_answering_the_questions(app, client):
    page = Visitor(client).open(CALL_ME)
    assert page.h1 == "Bed KLAPjob ringe til dig"
    asked = {field["name"] for field in page.soup.select("main [name]")} - {"csrf_token"}
    assert asked == {"name", "phone", "call_time", "municipality", "consent"}
    assert "Hvornår må KLAPjob ringe til dig?" in page.text()

    response = ask_to_be_called(client)
    assert response.status_code == 302 and location_path(response) == SENT
    [stored] = stored_requests(app)
    assert stored["name"] == "Mette Hansen" and stored["municipality_code"] == AARHUS
    assert stored["contact_method"] == "phone" and stored["phone"]

    receipt = Visitor(client).open(SENT)
    text = receipt.text()
    assert "KLAPjob ringer til dig" in text
    assert "Har vi ikke ringet? Så ring til os på" in text
    story = receipt.soup.select(".story__step")
    assert story[0].select_one(".story__title").get_text(strip=True) == "KLAPjob ringer til dig"


def test_her_request_goes_to_the_consultant_who_covers_her_municipality_with_a_day(app, client):
    karl = staff_member(app)
    cover(app, AARHUS, karl)
    ask_to_be_called(client)
    [stored] = stored_requests(app)
    assert stored["consultant_id"] == karl.user.id
    assert stored["callback_promised_by"]
    assert "KLAPjob prøver at ringe til dig senest" in Visitor(client).open(SENT).text()


def test_she_may_skip_when_to_call_and_not_know_her_municipality(app, client):
    response = ask_to_be_called(
        client,
        {"name": "Mette Hansen", "phone": "20304050", "municipality": "dont_know", "consent": "y"},
    )
    assert response.status_code == 302
    [stored] = stored_requests(app)
    assert stored["municipality_code"] == "" and stored["callback_promised_by"] is None
    assert "KLAPjob kontakter dig, så snart vi kan." in Visitor(client).open(SENT).text()


def test_each_field_says_kindly_what_to_write_when_she_gets_it_wrong(app, client):
    page = Page(ask_to_be_called(client, {"name": "", "phone": "12", "municipality": ""}))
    assert page.status == 200 and page.title.startswith("Fejl: ")
    said = dict(page.error_summary_links())
    assert said["#name"] == "Skriv dit navn"
    assert said["#phone"] == "Skriv et nummer med 8 tal, for eksempel 20 30 40 50"
    assert said["#municipality"] == "Vælg din kommune. Eller vælg Ved ikke"
    assert "Sæt kryds, hvis KLAPjob må få dine svar" in said.values()
    assert page.field_value("phone") == "12", "what she typed stays"
    assert stored_requests(app) == []


def test_the_yes_says_only_what_the_privacy_page_says(client):
    text = Visitor(client).open(CALL_ME).text()
    assert "Ja, KLAPjob må gemme mine svar og kontakte mig." in text
    assert "Du kan altid sige stop. Så sletter KLAPjob dine svar." in text


def test_many_requests_from_one_place_in_an_hour_are_refused_kindly(app, client):
    app.config["CALL_REQUESTS_PER_HOUR"] = 1
    assert ask_to_be_called(client).status_code == 302
    page = Page(ask_to_be_called(client, {**METTE, "name": "Lise Hansen"}))
    assert page.status == 429
    assert "ring til KLAPjob" in page.text()
    assert len(stored_requests(app)) == 1


def test_nothing_personal_in_the_address_and_the_pages_are_not_kept(client):
    response = ask_to_be_called(client)
    assert (
        "Mette" not in response.headers["Location"] and "2030" not in response.headers["Location"]
    )
    for url in (CALL_ME, SENT):
        assert client.get(url).headers["Cache-Control"] == "no-store"


def test_the_receipt_without_a_request_sends_her_to_the_page(client):
    response = client.get(SENT)
    assert response.status_code == 302 and location_path(response) == CALL_ME


def test_the_help_page_and_the_start_page_offer_it(client):
    for url in ("/help", "/"):
        page = Visitor(client).open(url)
        assert page.soup.find("main").find("a", href=CALL_ME), url


def test_the_consultant_sees_she_asked_to_be_called_and_has_not_answered(app, client):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    ask_to_be_called(client)
    assert "Mette Hansen" in karl.open("/staff/").text()
    [stored] = stored_requests(app)
    page = karl.open(f"/staff/registrations/{stored['public_id']}")
    assert page.status == 200
    assert NOT_ANSWERED in overview(page).get_text(" ", strip=True)
    assert "Om morgenen" in overview(page).get_text(" ", strip=True)
