"""Every open case has a next step with a day, and a consultant's week shows them: Karl
calls Mette, books a meeting with the job centre, puts it in his calendar, and follows her
work trial more closely than usual."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from app.core import clock
from app.staff.cases.data.next_steps import set_next_step, this_week
from app.staff.core.access import visible_registration
from app.staff.core.users import user_by_id
from pages import location_path
from staff import TEST_MUNICIPALITIES, register, staff_member

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def section_names(page, heading):
    """The names listed under the h2 `heading` on the week page."""
    h2 = next(h for h in page.soup.find_all("h2") if h.get_text(strip=True) == heading)
    names = []
    for sibling in h2.find_next_siblings():
        if sibling.name == "h2":
            break
        names += [
            a.get_text(strip=True) for a in sibling.select("a[href^='/staff/registrations/']")
        ]
    return names


def test_a_consultant_plans_the_next_step_books_a_meeting_and_follows_a_work_trial(app, db):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    mette = register(app, name="Mette Hansen")
    db.execute(
        "UPDATE registrations SET callback_promised_by = ? WHERE id = ?",
        [clock.today().isoformat(), mette["id"]],
    )
    db.conn.commit()
    karl.sign_in()

    week = karl.open("/staff/week")
    assert week.h1 == "I dag og denne uge"
    assert section_names(week, "I dag og for sent") == ["Mette Hansen"], (
        "a new case waits for its first call by the promised day"
    )
    assert "Ring op" in week.text()

    karl.post_form(
        f"{case_url(mette)}/status", {"status-status": "contacted"}, form_on=case_url(mette)
    )
    week = karl.open("/staff/week")
    assert section_names(week, "Åbne sager uden næste skridt") == ["Mette Hansen"]
    assert "Intet næste skridt: vælg et" in karl.open(case_url(mette)).text()

    response = karl.post_form(
        f"{case_url(mette)}/next-step",
        {
            "next_step-kind": "meeting",
            "next_step-due_on": clock.today().isoformat(),
            "next_step-note": "Aftal møde med jobcentret.",
        },
        form_on=case_url(mette),
    )
    assert location_path(response) == case_url(mette)
    week = karl.open("/staff/week")
    assert section_names(week, "I dag og for sent") == ["Mette Hansen"]
    assert "Aftal møde med jobcentret." in week.text()

    # A meeting next week with the job centre, into his calendar.
    day = clock.today() + timedelta(days=7)
    response = karl.post_form(
        f"{case_url(mette)}/appointments",
        {
            "appointment-day": day.isoformat(),
            "appointment-starts_at": "10.00",
            "appointment-ends_at": "11:30",
            "appointment-place": "Jobcenter Aarhus, Værkmestergade 23",
            "appointment-with_person": "y",
            "appointment-with_jobcentre": "y",
        },
        form_on=case_url(mette),
    )
    assert location_path(response) == case_url(mette)
    case = karl.open(case_url(mette))
    meetings = (
        case.soup.find("h2", string="Møder i sagen").find_next("ul").get_text(" ", strip=True)
    )
    assert "Jobcenter Aarhus" in meetings and "Personen, Jobcentret" in meetings
    ics_link = case.soup.find("a", string="Læg i min kalender (.ics)")["href"]
    download = karl.client.get(ics_link)
    assert download.status_code == 200 and download.mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(download.data).walk("VEVENT")[0]
    starts = datetime(day.year, day.month, day.day, 10, 0, tzinfo=DANISH_TIME)
    assert event.decoded("dtstart") == starts.astimezone(UTC)
    assert event.decoded("dtend") == (starts + timedelta(minutes=90)).astimezone(UTC)
    assert "Jobcenter Aarhus" in str(event["location"])
    assert mette["reference"] in str(event["summary"]) and "Mette" not in download.get_data(
        as_text=True
    ), "a calendar leaves the back office: it names the case, not the person"
    assert [
        row["action"]
        for row in db.query("SELECT action FROM audit_log WHERE action = 'exported_calendar'")
    ] == ["exported_calendar"]
    lise = staff_member(app, name="Lise Larsen").sign_in()
    assert lise.client.get(ics_link).status_code == 404

    # A work trial started 3 weeks ago, followed closely: the first follow-up is late.
    started = clock.today() - timedelta(days=21)
    karl.post_form(
        f"{case_url(mette)}/job",
        {"job-praktik_start": started.isoformat()},
        form_on=case_url(mette),
    )
    karl.post_form(
        f"{case_url(mette)}/status", {"status-status": "praktik"}, form_on=case_url(mette)
    )
    assert "Mette Hansen" not in karl.open("/staff/follow-ups").text(), (
        "6 months after the start by the usual plan"
    )
    karl.post_form(
        f"{case_url(mette)}/follow-up-plan", {"plan-plan": "close"}, form_on=case_url(mette)
    )
    case = karl.open(case_url(mette))
    assert "Efter 2 uger, 3 måneder og 6 måneder, derefter en gang om året" in case.text()
    follow_ups = karl.open("/staff/follow-ups")
    assert "Mette Hansen" in follow_ups.text() and "For sent" in follow_ups.text()
    karl.post_form(
        f"{case_url(mette)}/follow-up",
        {"follow_up-still_in_job": "yes", "follow_up-note": "Går godt."},
        form_on=case_url(mette),
    )
    case = karl.open(case_url(mette))
    assert "Netto" not in case.text()
    assert "Opfølgninger planlagt" in case.soup.find(class_="staff-history").get_text(" ")


def test_the_week_runs_from_today_to_sunday(app, db):
    karl_member = staff_member(app, covers=TEST_MUNICIPALITIES)
    karl = user_by_id(db, karl_member.user.id)
    names = ("Mandag", "Søndag", "Næste uge", "For sent")
    rows = {name: register(app, name=name) for name in names}
    db.execute("UPDATE registrations SET status = 'contacted'")
    db.conn.commit()
    monday = clock.today() + timedelta(days=7 - clock.today().weekday())
    for name, due in (
        ("Mandag", monday),
        ("Søndag", monday + timedelta(days=6)),
        ("Næste uge", monday + timedelta(days=7)),
        ("For sent", monday - timedelta(days=3)),
    ):
        registration = visible_registration(db, karl, rows[name]["public_id"])
        set_next_step(db, karl, registration, kind="call", due_on=due)
    due_now, later, missing = this_week(db, karl, monday)
    assert [item.row.name for item in due_now] == ["For sent", "Mandag"]
    assert [item.row.name for item in later] == ["Søndag"]
    assert missing == []
