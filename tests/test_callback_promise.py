"""When KLAPjob calls back: a day is promised only where a consultant covers the
municipality, counted in Danish working days (public holidays are not working days), and
the person is always told what to do if nobody has called. Staff see the day promised and
what is late."""

from datetime import UTC, date, datetime, timedelta

from dateutil.easter import easter

from app.core import clock
from frozen_time import machine_at
from people import MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, register, staff_member

AARHUS = "751"


def next_year():
    return clock.today().year + 1


def test_easter_is_not_counted_as_working_days():
    """Skærtorsdag, langfredag and 2. påskedag are public holidays in Denmark."""
    easter_sunday = easter(next_year())
    wednesday_before = easter_sunday - timedelta(days=4)
    assert clock.add_working_days(wednesday_before, 1) == easter_sunday + timedelta(days=2)


def test_christmas_is_not_counted_as_working_days():
    """1. and 2. juledag: from a Monday, Tuesday or Wednesday 24 December, the next working
    day is the 27th."""
    year = next(y for y in range(next_year(), next_year() + 8) if date(y, 12, 24).weekday() <= 2)
    assert clock.add_working_days(date(year, 12, 24), 1) == date(year, 12, 27)


def cover(app, code, consultant):
    from app.core.db import connect
    from app.domain.coverage import save_coverage

    db = connect(app.config["DATABASE"])
    save_coverage(db, {code: (True, consultant.user.id)})
    db.close()


def test_a_covered_municipality_gets_a_day_and_what_to_do_if_nobody_calls(app):
    cover(app, AARHUS, staff_member(app))
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    text = mette.open("/register/done").text()
    assert "KLAPjob prøver at ringe til dig senest" in text
    assert "Har vi ikke ringet? Så ring til os på 12 34 56 78." in text


def test_mette_who_sends_at_half_past_midnight_on_a_friday_is_called_by_the_next_friday(app, db):
    """Five working days from Friday 27 November 2026, the Danish day she sent on (still
    Thursday on the machine's clock in Los Angeles and in UTC): 4 December."""
    cover(app, AARHUS, staff_member(app))
    mette = Visitor(app.test_client())
    with machine_at(datetime(2026, 11, 26, 23, 30, tzinfo=UTC), "America/Los_Angeles"):
        mette.answer_all(MYSELF_IN_AARHUS)
        mette.send()
        text = mette.open("/register/done").text()
    [row] = db.query("SELECT callback_promised_by FROM registrations")
    assert row["callback_promised_by"] == "2026-12-04"
    assert "KLAPjob prøver at ringe til dig senest fredag den 4. december." in text


def test_a_municipality_nobody_covers_gets_no_promised_day(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    done = mette.open("/register/done")
    assert "senest" not in done.text(), "no consultant covers Aarhus: no day can be promised"
    assert "Har vi ikke ringet? Så ring til os på 12 34 56 78." in done.text()
    receipt = mette.open("/register/receipt")
    assert "senest" not in receipt.text()


def test_staff_see_the_promised_day_and_that_it_has_passed(app, db):
    karl = staff_member(app)
    cover(app, AARHUS, karl)
    mette = register(app, name="Mette Hansen")
    waiting = register(app, name="Ole Olsen")
    long_ago = (clock.now() - timedelta(days=30)).isoformat(timespec="seconds")
    promised = (clock.today() - timedelta(days=20)).isoformat()
    db.execute(
        "UPDATE registrations SET submitted_at = ?, callback_promised_by = ? WHERE id = ?",
        [long_ago, promised, mette["id"]],
    )
    db.conn.commit()
    karl.sign_in()

    late = karl.open(f"/staff/registrations/{mette['public_id']}")
    assert "Lovet at ringe senest" in late.text() and "For sent" in late.text()
    on_time = karl.open(f"/staff/registrations/{waiting['public_id']}")
    assert "Lovet at ringe senest" in on_time.text() and "For sent" not in on_time.text()

    inbox = karl.open("/staff/")
    flags = {
        row.select_one("td a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in inbox.soup.select(".staff-table tbody tr")
    }
    assert "For sent" in flags["Mette Hansen"]
    assert "For sent" not in flags["Ole Olsen"]


def test_staff_see_when_no_day_was_promised(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(f"/staff/registrations/{mette['public_id']}")
    assert "Ingen dag lovet" in page.text()
