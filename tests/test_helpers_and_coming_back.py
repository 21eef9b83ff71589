"""Helpers who register several people, and people who stop and come back later."""

import re

from app.domain.registrations.resume import draft_hash_for_code, normalise_code
from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor
from test_voice_answers import database_bytes

JONAS = HELPED_BY_SUPPORT_WORKER["helper"]
PEOPLE_JONAS_HELPS = ["Ali Khan", "Sara Nielsen", "Peter Holm"]


def finish_on_device(client):
    """Press "I am finished" (or "Start again"): this device forgets the person."""
    token = Page(client.get("/register/who")).csrf_token()
    response = client.post("/register/start-over", data={"csrf_token": token})
    assert response.status_code == 302


def test_a_helper_registers_three_people_in_a_row_on_one_tablet(client, db):
    jonas = Visitor(client)
    for number, name in enumerate(PEOPLE_JONAS_HELPS):
        jonas.answer("who", {"filled_by": "helper"})
        helper_page = jonas.open("/register/helper")
        if number == 0:
            assert helper_page.field_value("helper_name") == ""
            details = JONAS
        else:
            # Offered again: Jonas only checks them and the person's yes.
            assert helper_page.field_value("helper_name") == "Jonas Berg"
            assert "Er det dig?" in helper_page.text()
            details = {
                "helper_name": helper_page.field_value("helper_name"),
                "helper_role": helper_page.checked_values("helper_role")[0],
                "helper_contact": helper_page.field_value("helper_contact"),
                "helper_confirm": "y",
            }
        assert jonas.answer("helper", details).status_code == 302
        jonas.answer_all(
            {**HELPED_BY_SUPPORT_WORKER, "name": {"name": name}}, start="/register/name"
        )
        jonas.send()
        finish_on_device(client)
    rows = list(db.query("SELECT name FROM registrations ORDER BY id"))
    assert [row["name"] for row in rows] == PEOPLE_JONAS_HELPS
    helpers = {
        row["value"] for row in db.query("SELECT value FROM answers WHERE field = 'helper_name'")
    }
    assert helpers == {"Jonas Berg"}


def test_this_is_not_me_forgets_the_helper_on_this_device(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "helper"})
    visitor.answer("helper", JONAS)
    finish_on_device(client)
    visitor.answer("who", {"filled_by": "helper"})
    assert visitor.open("/register/helper").field_value("helper_name") == "Jonas Berg"
    response = visitor.answer("helper", {"not_me": "1"})
    assert location_path(response) == "/register/helper"
    fresh = visitor.open("/register/helper")
    assert fresh.field_value("helper_name") == ""
    assert "Er det dig?" not in fresh.text()


def test_the_helper_is_reminded_to_read_each_question_aloud(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "helper"})
    assert visitor.open("/register/helper").soup.select(".helper-note") == []
    for path in ("/register/name", "/register/work", "/register/health"):
        note = visitor.open(path).soup.select_one(".helper-note")
        assert "Læs højt, og lad personen svare." in note.get_text()
    assert "Hvad hedder du?" in visitor.open("/register/name").h1, "questions speak to the person"


def test_no_helper_reminder_when_people_answer_for_themselves(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    assert visitor.open("/register/name").soup.select(".helper-note") == []


def test_the_person_says_yes_and_the_helper_says_yes_to_being_contacted(client, db):
    visitor = Visitor(client)
    visitor.answer_all(HELPED_BY_SUPPORT_WORKER)
    consent = visitor.open("/register/send")
    assert "Ja, jeg vil gerne have, at Jonas Berg sender mine svar." in consent.text()
    refused = Page(visitor.send(consent_contact_helper=False))
    assert refused.error_summary_links() == [
        ("#consent_contact_helper", "Sæt kryds, hvis KLAPjob må kontakte dig, der hjælper")
    ]
    visitor.send()
    row = next(db.query("SELECT consent_contact_helper FROM registrations"))
    assert row["consent_contact_helper"] == 1


def test_a_helper_may_say_no_to_contact_when_klapjob_calls_the_person(client, db):
    visitor = Visitor(client)
    answers = {
        **HELPED_BY_SUPPORT_WORKER,
        "contact": {"contact_method": "phone"},
        "phone": {"phone": "20304050"},
    }
    visitor.answer_all(answers)
    assert location_path(visitor.send(consent_contact_helper=False)) == "/register/done"
    assert (
        next(db.query("SELECT consent_contact_helper FROM registrations"))["consent_contact_helper"]
        == 0
    )


def test_the_helper_gets_a_copy_only_with_the_persons_yes_and_only_once(app_with_mail, mail_server):
    client = app_with_mail.test_client()
    visitor = Visitor(client)
    visitor.answer_all(HELPED_BY_SUPPORT_WORKER)
    visitor.send()
    done = visitor.open("/register/done")
    assert "Vi kan sende en kopi til jonas@bosted.dk." in done.text()
    without_yes = Page(
        client.post("/register/copy-for-helper", data={"csrf_token": done.csrf_token()})
    )
    assert without_yes.error_summary_links() == [
        ("#person_agrees", "Sæt kryds, når personen siger ja")
    ]
    assert mail_server.inbox.messages == []
    for _ in range(2):
        client.post(
            "/register/copy-for-helper",
            data={"csrf_token": done.csrf_token(), "person_agrees": "y"},
        )
    assert [m["To"] for m in mail_server.inbox.messages] == ["jonas@bosted.dk"]
    assert "Vi har sendt en kopi til jonas@bosted.dk." in visitor.open("/register/done").text()


def half_way(visitor):
    for key in ("who", "name", "contact", "email"):
        answers = {
            **MYSELF_IN_AARHUS,
            "contact": {"contact_method": "email"},
            "email": {"email": "mette@mail.dk"},
        }
        visitor.answer(key, answers[key])


def link_in(mail):
    body = mail.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://localhost(/register/resume/\S+)", body).group(1)


def test_save_and_continue_later_is_on_every_question(client):
    visitor = Visitor(client)
    page = visitor.open("/register/work")
    button = page.soup.find("button", {"name": "save_for_later"})
    assert button.get_text(strip=True) == "Gem, og kom igen senere"
    assert page.soup.find("button", {"hidden": True, "form": "step-form"}).get_text() == "Næste", (
        "Enter in a field still means Next"
    )


def test_the_save_link_arrives_resumes_the_right_draft_and_fails_a_second_time(
    app_with_mail, mail_server
):
    mette = Visitor(app_with_mail.test_client())
    half_way(mette)
    token = mette.open("/register/municipality").csrf_token()
    response = mette.client.post(
        "/register/municipality",
        data={"csrf_token": token, "municipality": "751", "save_for_later": "1"},
    )
    assert location_path(response) == "/register/later?next=/register/municipality"
    later = mette.open("/register/later?next=/register/municipality")
    assert later.field_value("email") == "mette@mail.dk"
    mette.post_form("/register/later?next=/register/municipality", {"email": "mette@mail.dk"})
    [mail] = mail_server.inbox.messages
    link = link_in(mail)

    other_device = Visitor(app_with_mail.test_client())
    assert "Tryk på knappen" in other_device.open(link).text(), "opening the link uses nothing"
    resumed = other_device.post_form(link, {})
    assert location_path(resumed) == "/register/place"
    assert (
        other_device.open("/register/municipality").soup.find("option", selected=True)["value"]
        == "751"
    )

    again = Visitor(app_with_mail.test_client()).post_form(link, {})
    assert again.status_code == 410
    assert "Linket er brugt." in Page(again).text()
    assert mette.open("/register/name").field_value("name") == "", (
        "the device that saved no longer opens the draft"
    )


def test_an_expired_link_says_so_plainly(app_with_mail, mail_server, db):
    mette = Visitor(app_with_mail.test_client())
    half_way(mette)
    mette.post_form("/register/later", {"email": "mette@mail.dk"})
    db.execute("UPDATE resume_keys SET expires_at = '2020-01-01T00:00:00+00:00'")
    db.conn.commit()
    response = Visitor(app_with_mail.test_client()).post_form(
        link_in(mail_server.inbox.messages[0]), {}
    )
    assert response.status_code == 410
    assert "Linket er for gammelt." in Page(response).text()


def test_a_person_without_email_gets_a_code_to_read_aloud(app, client, db):
    mette = Visitor(client)
    half_way(mette)
    page = Page(mette.post_form("/register/later", {"show_code": "1"}))
    code = page.soup.select_one(".code [aria-hidden=true]").get_text(strip=True)
    spoken = page.soup.select_one(".code .visually-hidden").get_text(strip=True)
    assert spoken == " ".join(code.replace(" ", "")), "read aloud one sign at a time"
    assert re.fullmatch(r"[2-9A-Z]{4} [2-9A-Z]{4}", code)
    assert draft_hash_for_code(db, code, secret=app.config["SECRET_KEY"]) is not None, (
        "KLAPjob can find the draft from the code on the phone"
    )
    elsewhere = Visitor(app.test_client())
    resumed = elsewhere.post_form("/register/resume", {"code": code.lower().replace(" ", "-")})
    assert location_path(resumed) == "/register/municipality"
    assert elsewhere.open("/register/name").field_value("name") == "Mette Hansen"


def test_guessing_codes_is_slowed_down(app, client):
    mette = Visitor(client)
    half_way(mette)
    code = (
        Page(mette.post_form("/register/later", {"show_code": "1"}))
        .soup.select_one(".code")
        .get_text()
    )
    guesser = Visitor(app.test_client())
    for guess in range(10):
        page = Page(guesser.post_form("/register/resume", {"code": f"AAAA{guess:04d}"}))
        assert page.error_summary_links() == [
            ("#code", "Tjek koden. Den har 8 bogstaver eller tal.")
        ]
    blocked = Page(guesser.post_form("/register/resume", {"code": code}))
    assert blocked.error_summary_links()[0][1].startswith("Du har prøvet mange koder")


def test_codes_are_read_however_they_are_written():
    assert normalise_code(" k7m4-px2a ") == "K7M4PX2A"


def test_starting_over_for_another_person_leaves_no_byte_of_the_first_ones_answers(app, client, db):
    """On a shared tablet, the answers a person gave but did not send (their health too) are
    gone from the database file and its write-ahead log when the helper starts over. (`db`
    keeps a connection open, as the site's other workers do: else SQLite folds the log in
    and deletes it after each request.)"""
    said = "Jeg har epilepsi og kramper 7Z"
    visitor = Visitor(client)
    visitor.answer_all({**MYSELF_IN_AARHUS, "health": {"health": said}})
    assert said.encode() in database_bytes(app), "the control: the draft is in the file"

    finish_on_device(client)

    assert said.encode() not in database_bytes(app)
