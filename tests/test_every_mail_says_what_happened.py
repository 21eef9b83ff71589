"""Every mail the person is offered says what happened: sent, or not sent and what to do
instead; and no mail is offered when the site cannot send any."""

from app import create_app
from mail_server import free_port
from pages import Page
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor

BY_EMAIL = {
    **MYSELF_IN_AARHUS,
    "contact": {"contact_method": "email"},
    "email": {"email": "mette@mail.dk"},
}


def site_whose_mail_server_is_down(tmp_path):
    return create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": free_port(),
        }
    )


def test_the_person_is_told_the_copy_was_sent(app_with_mail, mail_server):
    mette = Visitor(app_with_mail.test_client())
    mette.answer_all(BY_EMAIL)
    mette.send()
    text = mette.open("/register/done").text()
    assert "Vi har sendt en kopi til mette@mail.dk." in text
    assert len(mail_server.inbox.messages) == 1


def test_the_person_is_told_when_the_copy_could_not_be_sent_and_what_to_do(tmp_path):
    mette = Visitor(site_whose_mail_server_is_down(tmp_path).test_client())
    mette.answer_all(BY_EMAIL)
    mette.send()
    text = mette.open("/register/done").text()
    assert "Vi kunne ikke sende en kopi til mette@mail.dk." in text
    assert "Print dine svar, eller skriv din reference ned." in text
    assert "Vi sender også en kopi" not in text and "Vi har sendt" not in text


def test_no_copy_by_mail_is_mentioned_where_the_site_sends_no_mail(client):
    mette = Visitor(client)
    mette.answer_all(BY_EMAIL)
    mette.send()
    text = mette.open("/register/done").text()
    assert "kopi til mette@mail.dk" not in text


def test_a_helper_is_offered_no_copy_where_the_site_sends_no_mail(client):
    ali = Visitor(client)
    ali.answer_all(HELPED_BY_SUPPORT_WORKER)
    ali.send()
    done = ali.open("/register/done")
    assert done.soup.find("form", action="/register/copy-for-helper") is None
    assert "jonas@bosted.dk" not in done.text()


def test_a_helper_whose_copy_could_not_be_sent_is_told_beside_the_box(tmp_path):
    ali = Visitor(site_whose_mail_server_is_down(tmp_path).test_client())
    ali.answer_all(HELPED_BY_SUPPORT_WORKER)
    ali.send()
    token = ali.open("/register/done").csrf_token()
    response = ali.client.post(
        "/register/copy-for-helper", data={"csrf_token": token, "person_agrees": "y"}
    )
    page = Page(response)
    assert response.status_code == 200
    assert page.error_summary_links(), "the problem is said at the top and beside the box"
    assert "Vi kunne ikke sende kopien." in page.text()
    box = page.soup.find("input", {"name": "person_agrees"})
    assert box.has_attr("checked"), "what the helper ticked is kept"
