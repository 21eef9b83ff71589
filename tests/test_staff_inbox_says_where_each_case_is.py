"""Karl opens the inbox in the morning: each row says when KLAPjob last reached out to the
person and how, what the next step is and by when, and marks a person under 18 and a
person who may be registered twice, so that he knows whom to call and how before he opens
a case."""

from datetime import timedelta

from app.core import clock
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_staff_call_sheet import tell


def inbox_rows(page):
    table = page.soup.select_one(".staff-table")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    return {
        row.select_one("td a").get_text(strip=True): dict(
            zip(headings, [td.get_text(" ", strip=True) for td in row.select("td")], strict=True)
        )
        for row in table.select("tbody tr")
    }


def test_each_row_says_the_last_contact_and_the_next_step(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    due = clock.today() + timedelta(days=3)
    tell(
        karl, mette, "sms_sent", note="Skrev om mødet.", next_kind="call", next_due=due.isoformat()
    )
    rows = inbox_rows(karl.open("/staff/?status="))
    assert "Sendt en sms" in rows["Mette Hansen"]["Seneste kontakt"]
    assert rows["Mette Hansen"]["Næste skridt"].startswith("Ring")
    assert f"{due.day}." in rows["Mette Hansen"]["Næste skridt"]


def test_a_case_nobody_has_reached_yet_says_so(app):
    register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    rows = inbox_rows(karl.open("/staff/"))
    assert rows["Mette Hansen"]["Seneste kontakt"] == "Ingen endnu"
    assert rows["Mette Hansen"]["Næste skridt"] == "–"


def test_a_person_under_18_and_a_person_registered_twice_are_marked(app):
    register(app, name="Sofie Berg", age_group="under_18")
    register(app, name="Mette Hansen")
    register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open("/staff/")
    marks = {
        row.select_one("td a").get_text(strip=True): [
            flag.get_text(strip=True) for flag in row.select(".staff-flag")
        ]
        for row in page.soup.select(".staff-table tbody tr")
    }
    assert "Under 18" in marks["Sofie Berg"]
    assert "Måske registreret to gange" in marks["Mette Hansen"]
