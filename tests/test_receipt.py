"""After sending: the reference, when KLAPjob calls, what happens next, and a copy to keep."""

from datetime import date, timedelta

import pytest

from app.core import clock
from people import MYSELF_IN_AARHUS, Visitor

BY_EMAIL = {
    **MYSELF_IN_AARHUS,
    "contact": {"contact_method": "email"},
    "email": {"email": "mette@mail.dk"},
}


def test_a_copy_arrives_by_email_without_the_health_answer(app_with_mail, mail_server):
    client = app_with_mail.test_client()
    mette = Visitor(client)
    mette.answer_all(BY_EMAIL)
    mette.send()
    done = mette.open("/register/done")
    assert "Vi har sendt en kopi til mette@mail.dk." in done.text()

    [message] = mail_server.inbox.messages
    assert message["To"] == "mette@mail.dk"
    reference = done.soup.select_one(".reference [aria-hidden=true]").get_text()
    assert reference in message["Subject"]
    [body] = mail_server.inbox.bodies()
    assert "Mette Hansen" in body and "Køkken" in body
    assert "autisme" not in body, "health answers never travel by email"


def test_no_email_is_sent_to_someone_who_wants_a_call(app_with_mail, mail_server):
    mette = Visitor(app_with_mail.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    assert mail_server.inbox.messages == []


def test_a_mail_server_that_is_down_does_not_lose_the_registration(tmp_path):
    from app import create_app
    from mail_server import free_port

    app = create_app(
        {
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": free_port(),
        }
    )
    mette = Visitor(app.test_client())
    mette.answer_all(BY_EMAIL)
    assert mette.send().status_code == 302
    assert "Tak. KLAPjob har fået dine svar." in mette.open("/register/done").h1


def test_the_receipt_says_when_klapjob_calls_and_what_happens_next(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    done = mette.open("/register/done")
    assert "KLAPjob kontakter dig, så snart vi kan." in done.text()
    assert "KLAPjob ringer til dig på 20 30 40 50." in done.text()
    story = done.soup.select(".story__step")
    assert len(story) == 6
    assert all(step.find("img") for step in story)


def a_september_monday():
    """A Monday in next year's September, a month without Danish public holidays."""
    first = date(clock.today().year + 1, 9, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


@pytest.mark.parametrize(
    "sent_after_monday, days, expected_after_monday",
    [(0, 5, 7), (4, 1, 7), (5, 1, 7)],  # Monday -> next Monday; Friday, Saturday -> Monday
)
def test_working_days_skip_the_weekend(sent_after_monday, days, expected_after_monday):
    monday = a_september_monday()
    sent = monday + timedelta(days=sent_after_monday)
    assert clock.add_working_days(sent, days) == monday + timedelta(days=expected_after_monday)


def test_the_copy_by_mail_reads_one_answer_a_line_and_the_story_as_numbered_lines(
    app_with_mail, mail_server
):
    mette = Visitor(app_with_mail.test_client())
    mette.answer_all(BY_EMAIL)
    mette.send()
    [body] = mail_server.inbox.bodies()
    lines = [line.strip() for line in body.splitlines()]
    assert "Navn: Mette Hansen" in lines
    assert "Kontakt mig med: Send en mail til mig" in lines
    answer_lines = [line for line in lines if line.startswith(("Navn:", "Kontakt mig med:"))]
    assert len(answer_lines) == 2, "each answer stands alone on its line"
    numbered = [line for line in lines if line[:2] in {f"{n}." for n in range(1, 10)}]
    assert [line[:2] for line in numbered] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert numbered[0].startswith("1. KLAPjob skriver til dig")


@pytest.mark.parametrize(
    "how, first_step, not_said",
    [
        ({"contact": {"contact_method": "phone"}}, "KLAPjob ringer til dig", "skriver"),
        (
            {"contact": {"contact_method": "sms"}, "phone": {"phone": "20304050"}},
            "KLAPjob sender en sms til dig",
            "ringer til dig",
        ),
        (
            {"contact": {"contact_method": "email"}, "email": {"email": "mette@mail.dk"}},
            "KLAPjob skriver til dig",
            "ringer til dig",
        ),
    ],
)
def test_the_story_follows_the_way_the_person_chose(client, how, first_step, not_said):
    mette = Visitor(client)
    mette.answer_all({**MYSELF_IN_AARHUS, **how})
    mette.send()
    done = mette.open("/register/done")
    steps = done.soup.select(".story__step")
    assert steps[0].select_one(".story__title").get_text(strip=True) == first_step
    assert not_said not in steps[0].get_text()


def test_the_story_for_a_person_whose_helper_is_contacted_names_the_helper(client):
    from people import HELPED_BY_SUPPORT_WORKER

    ali = Visitor(client)
    ali.answer_all(HELPED_BY_SUPPORT_WORKER)
    ali.send()
    first = ali.open("/register/done").soup.select(".story__step")[0]
    assert first.select_one(".story__title").get_text(strip=True) == "KLAPjob kontakter din hjælper"
    assert "ringer til dig" not in first.get_text()


@pytest.mark.parametrize(
    "reference, described",
    [
        ("KMNPQR", "Din reference har 6 bogstaver."),
        ("K4MN7P", "Din reference har 6 bogstaver og tal."),
        ("234567", "Din reference har 6 tal."),
    ],
)
def test_the_reference_is_described_as_it_is(client, db, reference, described):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    db.execute("UPDATE registrations SET reference = ?", [reference])
    db.conn.commit()
    done = mette.open("/register/done")
    assert done.soup.select_one(".reference [aria-hidden=true]").get_text().replace(" ", "") == (
        reference
    )
    assert described in done.text()
    others = {"Din reference har 6 bogstaver.", "Din reference har 6 bogstaver og tal."} - {
        described
    }
    assert not any(other in done.text() for other in others)
