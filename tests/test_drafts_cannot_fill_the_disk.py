"""A draft is free to start and is saved after every page, so it is also a way for a stranger
to fill the disk. What is stored must fit its field; new drafts are limited per address and
refused when the disk runs low; and when the disk is full anyway, the page tells the truth."""

import json
import sqlite3

import pytest

from app.core import db as database
from pages import Page, location_path
from people import Visitor

LONG_NAME = "Mette " * 30  # 180 letters: the name may have 100


def stored_answers(db):
    return [json.loads(row["answers"]) for row in db.query("SELECT answers FROM drafts")]


def test_a_text_that_is_too_long_is_not_stored_and_comes_back_to_be_shortened(client, db):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    for leaving in ({}, {"save_for_later": "1"}, {"switch_language": "en"}):
        response = visitor.answer("name", {"name": LONG_NAME, **leaving})
        page = Page(response)
        assert response.status_code == 200, leaving
        assert page.error_summary_links() == [
            ("#name", "Skriv en kortere tekst. Du kan skrive 100 tegn.")
        ], leaving
        assert page.field_value("name") == LONG_NAME.strip(), "what was typed is shown back"
    assert all("name" not in answers for answers in stored_answers(db))


def test_control_characters_are_not_stored(client, db):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    response = visitor.answer("name", {"name": "Mette\x00\x1b[31m", "save_for_later": "1"})
    page = Page(response)
    assert page.error_summary_links() == [
        ("#name", "Teksten har et tegn, vi ikke kan gemme. Skriv den uden det tegn.")
    ]
    assert all("name" not in answers for answers in stored_answers(db))


def test_a_choice_the_page_never_offered_is_not_stored(client, db):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    response = visitor.answer(
        "work", {"work_wishes": ["kitchen"] + ["x" * 500] * 50, "save_for_later": "1"}
    )
    assert response.status_code == 200
    assert all("work_wishes" not in answers for answers in stored_answers(db))


@pytest.fixture
def few_drafts_an_hour(app):
    app.config["NEW_DRAFTS_PER_HOUR"] = 3
    return app


def test_new_drafts_from_one_address_are_limited_but_started_ones_still_save(
    few_drafts_an_hour, db
):
    app = few_drafts_an_hour
    started = [Visitor(app.test_client()) for _ in range(3)]
    for visitor in started:
        assert visitor.answer("who", {"filled_by": "self"}).status_code == 302
    refused = Visitor(app.test_client()).answer("who", {"filled_by": "self"})
    assert refused.status_code == 429
    assert "Prøv igen om en time, eller ring til KLAPjob" in Page(refused).text()
    assert len(stored_answers(db)) == 3
    assert started[0].answer("name", {"name": "Mette"}).status_code == 302, "a started draft saves"


def test_a_person_at_another_address_is_not_limited(few_drafts_an_hour):
    app = few_drafts_an_hour

    def starts_from(address):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        return Visitor(client).answer("who", {"filled_by": "self"}).status_code

    assert [starts_from("192.0.2.1") for _ in range(4)] == [302, 302, 302, 429]
    assert starts_from("192.0.2.2") == 302


def test_below_the_free_disk_floor_new_drafts_are_refused_kindly(app, db):
    mette = Visitor(app.test_client())
    mette.answer("who", {"filled_by": "self"})
    app.config["DISK_FLOOR_MB"] = 10**12  # more than any disk has free
    refused = Visitor(app.test_client()).answer("who", {"filled_by": "self"})
    assert refused.status_code == 503
    assert "Vi kan ikke tage imod nye svar lige nu" in Page(refused).text()
    assert mette.answer("name", {"name": "Mette"}).status_code == 302, "a started draft saves"
    assert len(stored_answers(db)) == 1


@pytest.fixture
def full_disk(db, monkeypatch):
    """The database file cannot grow (PRAGMA max_page_count, on every connection the site
    opens), and the room left inside it is filled up with other people's drafts, so that a
    draft that grows needs a page there is no room for."""

    def fill():
        pages = next(db.query("PRAGMA page_count"))["page_count"]
        limited = (*database.PRAGMAS, f"PRAGMA max_page_count = {pages}")
        monkeypatch.setattr(database, "PRAGMAS", limited)
        db.execute(f"PRAGMA max_page_count = {pages}")
        for size in (200, 50, 10, 1):
            while True:
                try:
                    db.execute(
                        "INSERT INTO drafts (token_hash, answers, completed, language, created_at,"
                        " updated_at) VALUES (hex(randomblob(16)), hex(zeroblob(?)), '[]', 'da',"
                        " '2026-01-01', '2026-01-01')",
                        [size],
                    )
                    db.conn.commit()
                except sqlite3.OperationalError as error:
                    assert "full" in str(error)
                    db.conn.rollback()
                    break

    return fill


def test_on_a_full_disk_the_page_says_the_answer_was_not_saved_and_keeps_it(client, db, full_disk):
    mette = Visitor(client)
    mette.answer("who", {"filled_by": "self"})
    mette.answer("name", {"name": "Mette"})
    full_disk()
    typed = "Jeg kan lide at bage brød og kager. " * 20
    for leaving in ({}, {"save_for_later": "1"}):
        token = mette.open("/register/strengths").csrf_token()
        response = client.post(
            "/register/strengths",
            data={
                "csrf_token": token,
                "strengths": ["cooking"],
                "strengths_text": typed.strip()[:990],
                **leaving,
            },
        )
        page = Page(response)
        assert response.status_code == 503, leaving
        assert "Dine svar er gemt" not in page.text()
        assert "Vi kunne ikke gemme dit sidste svar" in page.text()
        assert page.field_value("strengths_text") == typed.strip()[:990]
        assert page.checked_values("strengths") == ["cooking"]


def test_on_a_full_disk_sending_says_so_and_nothing_breaks(client, monkeypatch):
    """Sending frees the draft's room as it stores the registration, so a full disk is
    simulated here by the error SQLite gives (this test is about the page, not the disk)."""
    from app.citizen.journey import sending
    from people import MYSELF_IN_AARHUS

    def disk_full(*_args, **_kwargs):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    monkeypatch.setattr(sending, "submit_registration", disk_full)
    response = mette.send()
    page = Page(response)
    assert response.status_code == 503
    assert "KLAPjob har dine svar" not in page.text() and "Dine svar er gemt" not in page.text()
    assert "Vi kunne ikke gemme" in page.text()
    assert location_path(client.get("/register/done")) == "/", "no receipt for what was not sent"
