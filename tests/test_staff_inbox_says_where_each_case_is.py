"""Karl opens the inbox in the morning: each row says when KLAPjob last reached out to the
person and how, what the next step is and by when, and marks a person under 18 and a
person who may be registered twice, so that he knows whom to call and how before he opens
a case."""

import copy
from datetime import timedelta

from app.core import clock
from people import MYSELF_IN_AARHUS
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


def wanting_mail(address):
    answers = copy.deepcopy(MYSELF_IN_AARHUS)
    answers["contact"] = {"contact_method": "email"}
    answers["email"] = {"email": address}
    return answers


def test_the_inbox_marks_the_people_a_case_lists_as_maybe_registered_twice(app):
    """One rule says who may be one person twice, on the inbox's rows and on the case
    (where a merge starts): the same phone, the same mail whatever its capitals, or the
    same name whatever its capitals with the same age group."""
    register(app, name="Åse Østergaard", phone="+4521000001")
    register(app, name="åse østergaard", phone="+4521000002")
    register(app, wanting_mail("dan@example.dk"), name="Dan Dam", phone="+4521000003")
    register(app, wanting_mail("DAN@Example.dk"), name="Erik Eg", phone="+4521000004")
    register(app, name="Finn Fisk", phone="+4521000005")
    register(app, name="Åse Østergaard", phone="+4521000006", age_group="25_39")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open("/staff/")
    marked_in_inbox, listed_on_case = set(), set()
    for row in page.soup.select(".staff-table tbody tr"):
        link = row.select_one("td a")
        name_and_phone = (link.get_text(strip=True), link["href"])
        if any("to gange" in flag.get_text() for flag in row.select(".staff-flag")):
            marked_in_inbox.add(name_and_phone)
        if karl.open(link["href"]).soup.select("[aria-labelledby=duplicates-heading] li"):
            listed_on_case.add(name_and_phone)
    assert marked_in_inbox == listed_on_case
    assert {name for name, _phone in marked_in_inbox} == {
        "Åse Østergaard",
        "åse østergaard",
        "Dan Dam",
        "Erik Eg",
    }
