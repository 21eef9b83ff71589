"""Answers are never lost: changing them, leaving, coming back, sending twice."""

import threading

from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor


def count(db, table):
    return next(db.query(f"SELECT count(*) AS n FROM {table}"))["n"]


def test_a_change_link_returns_to_the_check_page(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    check = mette.open("/register/check")
    change_links = [a["href"] for a in check.soup.select(".summary__action a")]
    assert "/register/name?change=1" in change_links

    name_page = mette.open("/register/name?change=1")
    assert name_page.field_value("name") == "Mette Hansen"
    assert name_page.soup.find(class_="back-link")["href"] == "/register/check"
    response = mette.answer("name", {"name": "Mette Lund"}, query="?change=1")
    assert location_path(response) == "/register/check"
    assert "Mette Lund" in mette.open("/register/check").text()


def test_a_change_that_opens_a_new_question_asks_it_before_going_back(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    response = mette.answer("contact", {"contact_method": "email"}, query="?change=1")
    assert location_path(response) == "/register/email?change=1"
    response = mette.answer("email", {"email": "mette@mail.dk"}, query="?change=1")
    assert location_path(response) == "/register/check"


def test_answers_of_a_question_that_no_longer_applies_are_not_sent(client, db):
    visitor = Visitor(client)
    visitor.answer_all(HELPED_BY_SUPPORT_WORKER)
    visitor.answer("who", {"filled_by": "self"}, query="?change=1")
    # Contacting "the helper" is no longer possible: the site asks again.
    response = visitor.answer("contact", {"contact_method": "phone"}, query="?change=1")
    assert location_path(response) == "/register/phone?change=1"
    visitor.answer("phone", {"phone": "20304050"}, query="?change=1")
    visitor.send()
    fields = {row["field"] for row in db.query("SELECT field FROM answers")}
    assert not {"helper_name", "helper_role", "helper_contact", "helper_confirm"} & fields


def test_the_check_page_sends_a_person_to_a_question_still_unanswered(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    response = client.get("/register/check")
    assert location_path(response) == "/register/name"
    assert location_path(client.get("/register/send")) == "/register/name"


def test_closing_the_browser_and_coming_back_later_keeps_every_answer(app, client):
    mette = Visitor(client)
    answers = {key: MYSELF_IN_AARHUS[key] for key in ("who", "name", "contact", "phone")}
    for key, given in answers.items():
        mette.answer(key, given)
    draft_cookie = client.get_cookie("klapjob_draft")

    # A new browser session: only the lasting draft cookie survives, not the session.
    later = app.test_client()
    later.set_cookie("klapjob_draft", draft_cookie.value)
    start = Page(later.get("/"))
    continue_link = start.soup.select_one(".panel--continue a.button")
    assert continue_link.get_text(strip=True) == "Fortsæt"
    assert continue_link["href"] == "/register/call_time"
    assert Page(later.get("/register/name")).field_value("name") == "Mette Hansen"


def test_the_draft_cookie_lasts_and_cannot_be_read_by_scripts(client):
    response = Visitor(client).answer("who", {"filled_by": "self"})
    cookie_header = [h for h in response.headers.getlist("Set-Cookie") if "klapjob_draft" in h][0]
    assert "HttpOnly" in cookie_header
    assert "SameSite=Lax" in cookie_header
    assert "Max-Age=2592000" in cookie_header


def test_the_database_holds_a_hash_not_the_draft_cookie(client, db):
    Visitor(client).answer("who", {"filled_by": "self"})
    token = client.get_cookie("klapjob_draft").value
    [row] = db.query("SELECT token_hash FROM drafts")
    assert token not in row["token_hash"]
    assert len(row["token_hash"]) == 64


def test_pressing_send_twice_creates_one_registration(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    token = mette.open("/register/send").csrf_token()
    draft = client.get_cookie("klapjob_draft").value
    first = client.post("/register/send", data={"csrf_token": token, "consent": "y"})
    # The second press still carries the old cookies, as a double click does.
    client.set_cookie("klapjob_draft", draft)
    second = client.post("/register/send", data={"csrf_token": token, "consent": "y"})
    assert location_path(first) == location_path(second) == "/register/done"
    assert count(db, "registrations") == 1


def test_two_presses_at_the_same_moment_create_one_registration(app, db):
    client = app.test_client()
    Visitor(client).answer_all(MYSELF_IN_AARHUS)
    token = Visitor(client).open("/register/send").csrf_token()
    cookies = {c.key: c.value for c in client._cookies.values()}
    results = []

    def press():
        twin = app.test_client()
        for key, value in cookies.items():
            twin.set_cookie(key, value)
        results.append(twin.post("/register/send", data={"csrf_token": token, "consent": "y"}))

    threads = [threading.Thread(target=press) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [302] * 4
    assert count(db, "registrations") == 1


def test_refreshing_the_receipt_shows_the_same_registration(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    first = mette.open("/register/done").text()
    again = mette.open("/register/done").text()
    assert first == again
    assert count(db, "registrations") == 1


def test_sending_without_consent_asks_for_it_and_sends_nothing(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    page = Page(mette.send(consent=False))
    assert page.title.startswith("Fejl: ")
    assert page.error_summary_links() == [("#consent", "Sæt kryds, hvis KLAPjob må få dine svar")]
    assert count(db, "registrations") == 0


def test_health_answers_are_kept_only_with_their_own_yes(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    assert mette.open("/register/send").soup.find(id="consent_health") is not None
    mette.send(consent_health=False)
    fields = {row["field"] for row in db.query("SELECT field FROM answers")}
    assert "health" not in fields
    assert next(db.query("SELECT consent_health FROM registrations"))["consent_health"] == 0


def test_no_health_question_on_the_consent_page_when_nothing_was_written(client):
    visitor = Visitor(client)
    visitor.answer_all(HELPED_BY_SUPPORT_WORKER)
    assert visitor.open("/register/send").soup.find(id="consent_health") is None


def test_a_new_person_on_the_same_device_starts_with_empty_answers(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    assert client.get_cookie("klapjob_draft") is None
    next_person = Visitor(client)
    # Only the button begins a new registration (Back or an old tab says it was sent).
    sent = next_person.open("/register/name")
    assert sent.h1 == "Du har sendt dine svar"
    client.post("/register/start-over", data={"csrf_token": sent.csrf_token()})
    assert next_person.open("/register/name").field_value("name") == ""
    next_person.answer_all(HELPED_BY_SUPPORT_WORKER)
    next_person.send()
    assert count(db, "registrations") == 2


def test_i_am_finished_clears_the_receipt_from_the_device(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    token = mette.open("/register/done").csrf_token()
    client.post("/register/start-over", data={"csrf_token": token})
    assert location_path(client.get("/register/done")) == "/"
    assert "Mette" not in mette.open("/register/receipt").html


def test_the_receipt_page_lists_the_answers_for_printing(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    receipt = mette.open("/register/receipt")
    assert "Mette Hansen" in receipt.text()
    assert receipt.soup.select(".summary .pictogram"), "pictograms are printed too"
