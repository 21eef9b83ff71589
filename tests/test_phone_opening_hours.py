"""When KLAPjob's phone is open (the setting KLAPJOB_PHONE_HOURS, written by KLAPjob) stands
beside KLAPjob's number wherever a person is told to call; without the setting no hours are
said, for the site never guesses them."""

import pytest

from people import MYSELF_IN_AARHUS, Visitor

HOURS = "mandag-torsdag 9-15, fredag 9-12"
OPEN_DA = f"Telefonen er åben {HOURS}."
NUMBER = "12 34 56 78"


def beside_the_number(page):
    """Each place in the page's content that tells a person to call KLAPjob's number, with
    the line that follows it."""
    main = page.soup.find("main")
    places = [tag for tag in main.find_all(["li", "p"]) if NUMBER in tag.get_text()]
    assert places, "the page gives KLAPjob's number"
    return [" ".join(text_of(tag, tag.find_next_sibling()).split()) for tag in places]


def text_of(*tags):
    return " ".join(tag.get_text(" ") for tag in tags if tag is not None)


def with_hours(app):
    app.config["PHONE_HOURS"] = HOURS
    return app


@pytest.mark.parametrize("url", ["/help", "/"])
def test_a_person_who_wants_to_call_sees_when_the_phone_is_open(app, url, get_page):
    with_hours(app)
    page = get_page(url)
    places = beside_the_number(page)
    assert all(OPEN_DA in text for text in places), places


def test_the_number_in_the_menu_on_every_page_says_when_the_phone_is_open(app, get_page):
    with_hours(app)
    page = get_page("/about")
    link = page.soup.select_one(".site-header__phone")
    assert OPEN_DA in " ".join(link.get_text(" ").split())


def test_the_receipt_says_when_to_call_if_klapjob_has_not_called(app):
    with_hours(app)
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    text = mette.open("/register/done").text()
    assert f"Har vi ikke ringet? Så ring til os på {NUMBER}. {OPEN_DA}" in text


def test_the_copy_by_mail_says_when_the_phone_is_open(app_with_mail, mail_server):
    with_hours(app_with_mail)
    mette = Visitor(app_with_mail.test_client())
    mette.answer_all(
        {
            **MYSELF_IN_AARHUS,
            "contact": {"contact_method": "email"},
            "email": {"email": "m@mail.dk"},
        }
    )
    mette.send()
    [body] = mail_server.inbox.bodies()
    lines = [line.strip() for line in body.splitlines()]
    call_us = next(i for i, line in enumerate(lines) if "Så ring til os" in line)
    assert lines[call_us + 1] == OPEN_DA


def test_in_english_the_hours_follow_the_number_too(app, client):
    with_hours(app)
    client.get("/language/en?next=/")
    text = " ".join(Visitor(client).open("/help").text().split())
    assert f"The phone is open {HOURS}." in text


@pytest.mark.parametrize("url", ["/help", "/", "/about"])
def test_without_the_setting_no_hours_are_said(app, url, get_page):
    assert app.config["PHONE_HOURS"] == ""
    text = get_page(url).soup.get_text(" ").lower()
    assert NUMBER in text
    assert "åben" not in text and "telefonen er" not in text


def test_the_receipt_without_the_setting_says_no_hours(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    assert "åben" not in mette.open("/register/done").soup.get_text(" ").lower()


def numbers_that_may_break(page):
    """Each place KLAPjob's number stands in a page's text where a line may break inside it
    ("12 34 56 / 78" on a phone: a number nobody can call)."""
    return [
        text.parent.get_text()
        for text in page.soup.find_all(string=lambda s: NUMBER in s)
        if "nowrap" not in (text.parent.get("class") or [])
    ]


@pytest.mark.parametrize("url", ["/", "/help", "/privacy", "/p/no-such-code-at-all-here"])
def test_klapjobs_number_is_never_broken_across_two_lines(url, get_page):
    assert numbers_that_may_break(get_page(url)) == []


def test_the_receipts_number_is_never_broken_across_two_lines(app):
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    assert numbers_that_may_break(mette.open("/register/done")) == []
