"""After sending: Back, refresh or an old tab on a question says the answers were sent, with
the reference, and never shows an empty first question. A new registration on the same
device starts only with the button "Start forfra for en anden person"."""

import pytest

from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor


def sent_by_mette(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    [row] = db.query("SELECT reference FROM registrations")
    return mette, row["reference"]


def says_it_was_sent(page, reference):
    assert page.status == 200
    assert page.h1 == "Du har sendt dine svar"
    spaced = page.soup.select_one(".reference").get_text(" ", strip=True)
    assert spaced.replace(" ", "").startswith(reference)
    assert page.soup.find("input", {"name": "phone"}) is None
    assert not page.soup.select("form#step-form"), "no empty question to fill in again"


@pytest.mark.parametrize("path", ["/register/who", "/register/ambassador", "/register/check"])
def test_back_or_refresh_on_a_question_after_sending_says_the_answers_were_sent(client, db, path):
    mette, reference = sent_by_mette(client, db)
    says_it_was_sent(mette.open(path), reference)


def test_back_from_the_receipt_to_the_consent_page_shows_the_receipt(client, db):
    mette, _reference = sent_by_mette(client, db)
    assert location_path(client.get("/register/send")) == "/register/done"


def test_an_old_tab_that_sends_a_question_starts_no_new_registration(client, db):
    mette, reference = sent_by_mette(client, db)
    page = Page(client.post("/register/name", data={"name": "Mette Hansen"}))
    says_it_was_sent(page, reference)
    token = mette.open("/register/name").csrf_token()
    page = Page(client.post("/register/ambassador", data={"csrf_token": token, "ambassador": "no"}))
    says_it_was_sent(page, reference)
    assert client.get_cookie("klapjob_draft") is None
    assert [row["n"] for row in db.query("SELECT count(*) AS n FROM drafts")] == [0]


def test_start_again_for_another_person_is_a_button_that_begins_with_empty_answers(client, db):
    mette, _reference = sent_by_mette(client, db)
    sent = mette.open("/register/who")
    [form] = [
        form
        for form in sent.soup.select("main form")
        if "Start forfra for en anden person" in form.get_text()
    ]
    assert form["method"] == "post" and form["action"] == "/register/start-over"
    response = client.post(form["action"], data={"csrf_token": sent.csrf_token()})
    assert location_path(response) == "/register/who"
    first = mette.open("/register/who")
    assert first.checked_values("filled_by") == []
    assert first.soup.select("form#step-form")


def test_the_start_page_after_sending_offers_to_start_again_for_another_person(client, db):
    mette, reference = sent_by_mette(client, db)
    start = mette.open("/")
    assert "Du har sendt dine svar" in start.text()
    assert "Start forfra for en anden person" in start.text()
    assert not start.soup.select('main a[href="/register/who"]'), "no plain Start link"


def test_the_next_person_on_the_device_presses_the_button_and_sends_their_own(client, db):
    mette, _reference = sent_by_mette(client, db)
    token = mette.open("/register/who").csrf_token()
    client.post("/register/start-over", data={"csrf_token": token})
    ali = Visitor(client)
    ali.answer_all(HELPED_BY_SUPPORT_WORKER)
    ali.send()
    names = [row["name"] for row in db.query("SELECT name FROM registrations ORDER BY id")]
    assert names == ["Mette Hansen", "Ali Khan"]


def test_on_a_shared_tablet_the_button_clears_the_person_from_the_device(
    client, db, shared_device_cookie
):
    client.set_cookie("klapjob_shared_device", shared_device_cookie)
    mette, _reference = sent_by_mette(client, db)
    sent = mette.open("/register/who")
    [form] = [
        form
        for form in sent.soup.select("main form")
        if "Start forfra for en anden person" in form.get_text()
    ]
    assert form["action"] == "/device/finished"
