"""The day on the receipt is a day KLAPjob tries to call by: the days KLAPjob's phone is
closed (a setting: 24 and 31 December and Grundlovsdag by default) are not counted, the
words say "tries", and the date reads as a person of that language writes it."""

from datetime import date

import pytest

from app.core import clock
from app.domain.registrations.callback import promised_callback_day
from people import MYSELF_IN_AARHUS, Visitor
from staff import staff_member
from test_callback_promise import AARHUS, cover

CLOSED = ((12, 24), (12, 31), (6, 5))


def a_year_where_the_23rd_of_december_is_a_monday():
    return next(y for y in range(2027, 2060) if date(y, 12, 23).weekday() == 0)


def test_christmas_eve_and_new_years_eve_are_not_counted_when_the_phone_is_closed():
    year = a_year_where_the_23rd_of_december_is_a_monday()
    monday = date(year, 12, 23)
    # Tuesday 24 closed, 25 and 26 public holidays, then Friday 27 and Monday 30.
    assert clock.add_working_days(monday, 1, closed_days=CLOSED) == date(year, 12, 27)
    assert clock.add_working_days(monday, 3, closed_days=CLOSED) == date(year + 1, 1, 2)
    assert clock.add_working_days(monday, 1) == date(year, 12, 24), "without the setting"


def test_grundlovsdag_is_not_counted_when_the_phone_is_closed():
    year = next(y for y in range(2027, 2060) if date(y, 6, 4).weekday() < 3)
    june_4 = date(year, 6, 4)
    assert clock.add_working_days(june_4, 1, closed_days=CLOSED) == date(year, 6, 6)


def test_the_promised_day_skips_the_days_the_phone_is_closed():
    year = a_year_where_the_23rd_of_december_is_a_monday()
    sent = f"{year}-12-23T09:00:00+00:00"
    day = promised_callback_day(sent, 1, covered=True, closed_days=CLOSED)
    assert day == date(year, 12, 27)


def test_the_setting_says_which_days_the_phone_is_closed(app):
    assert set(app.config["PHONE_CLOSED_DAYS"]) == set(CLOSED)


@pytest.mark.parametrize(
    "language, tries, if_not",
    [
        ("da", "KLAPjob prøver at ringe til dig senest", "Har vi ikke ringet? Så ring til os"),
        ("en", "KLAPjob will try to call you by", "If we have not called you, call us on"),
    ],
)
def test_the_receipt_says_klapjob_tries_to_call_by_a_day(app, language, tries, if_not):
    cover(app, AARHUS, staff_member(app))
    client = app.test_client()
    client.get(f"/language/{language}?next=/")
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    text = mette.open("/register/done").text()
    assert tries in text and if_not in text


def test_an_english_date_reads_as_english(app):
    cover(app, AARHUS, staff_member(app))
    client = app.test_client()
    client.get("/language/en?next=/")
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    text = mette.open("/register/done").text()
    sentence = text[text.index("KLAPjob will try to call you by") :].split(".")[0]
    assert not any(ch.isdigit() and sentence[i + 1 : i + 2] == "." for i, ch in enumerate(sentence))
    assert "," in sentence or sentence.split()[-1].isalpha(), sentence
