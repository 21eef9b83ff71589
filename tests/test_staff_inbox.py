"""A consultant's day: the inbox, a registration as the citizen sent it, calling back,
moving it on to a job, and following up."""

from datetime import date, timedelta

from babel.dates import format_date

from app.core import clock
from app.staff.cases.data.follow_ups import follow_up_due_date, follow_ups_due
from app.staff.cases.data.inbox import InboxFilters, inbox_page
from app.staff.core.users import user_by_id
from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER
from staff import TEST_MUNICIPALITIES, register, staff_member


def inbox_names(page):
    return [a.get_text(strip=True) for a in page.soup.select(".staff-table tbody td:first-child a")]


def registration_url(row):
    return f"/staff/registrations/{row['public_id']}"


def test_the_inbox_shows_the_newest_registration_first(app):
    register(app, name="Første Person")
    register(app, name="Anden Person")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open("/staff/?order=newest")
    assert inbox_names(page) == ["Anden Person", "Første Person"]
    assert "2 registreringer" in page.text()


def test_the_inbox_filters_by_status_municipality_helper_and_ambassador(app):
    register(app, name="Mette Hansen")
    register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    assert inbox_names(karl.open("/staff/?municipality=101")) == ["Ali Khan"]
    assert inbox_names(karl.open("/staff/?helped=y")) == ["Ali Khan"]
    assert inbox_names(karl.open("/staff/?ambassador=y")) == ["Mette Hansen"]
    assert inbox_names(karl.open("/staff/?status=new&order=newest")) == ["Ali Khan", "Mette Hansen"]
    assert inbox_names(karl.open("/staff/?status=closed")) == []
    assert inbox_names(karl.open("/staff/?consultant=none&order=newest")) == [
        "Ali Khan",
        "Mette Hansen",
    ]


def test_the_inbox_finds_a_person_by_name_reference_or_phone(app):
    mette = register(app, name="Mette Hansen")
    register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    spaced = f"{mette['reference'][:3]} {mette['reference'][3:]}".lower()
    for search in ("mette", spaced, "20 30 40 50", "HANSEN"):
        assert inbox_names(Page(karl.post_form("/staff/", {"search": search}))) == [
            "Mette Hansen"
        ], search
    assert inbox_names(Page(karl.post_form("/staff/", {"search": "%"}))) == [], (
        "LIKE wildcards are plain text"
    )


def test_a_search_never_puts_the_name_in_an_address(app):
    """Addresses end up in access logs (and in the Referer of the next request)."""
    register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = Page(karl.post_form("/staff/?status=new", {"search": "Hansen"}))
    assert inbox_names(page) == ["Mette Hansen"]
    addresses = [a.get("href", "") for a in page.soup.find_all("a")]
    addresses += [f.get("action", "") for f in page.soup.find_all("form")]
    assert not [address for address in addresses if "Hansen" in address], addresses
    assert inbox_names(karl.open("/staff/?search=Hansen&status=new")) == ["Mette Hansen"], (
        "a search in an old address is ignored: the list is the unsearched one"
    )


def test_the_inbox_comes_in_pages(app, db):
    for number in range(27):
        register(app, name=f"Person {number:02d}")
    anna = staff_member(app, "admin")
    rows, total = inbox_page(db, user_by_id(db, anna.user.id), InboxFilters(page=2))
    assert total == 27 and [r.name for r in rows] == ["Person 01", "Person 00"]
    anna.sign_in()
    first = anna.open("/staff/?status=new&order=newest")
    next_link = first.soup.find("a", rel="next")["href"]
    assert "status=new" in next_link and "page=2" in next_link
    assert inbox_names(anna.open(next_link)) == ["Person 01", "Person 00"]


def test_a_registration_shows_every_answer_with_its_picture_and_the_contact(app):
    ali = register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(registration_url(ali))
    assert page.h1.endswith("Ali Khan")
    assert page.title.startswith("Registrering ") and "Ali" not in page.title, (
        "no name in the title: titles end up in the browser history"
    )
    text = page.text()
    for shown in (
        "Jonas Berg",
        "jonas@bosted.dk",
        "Kontakt den, der hjælper mig",
        "Køkken og kantine",
        "Café og fastfood",
        "Bus eller tog",
        "København",
    ):
        assert shown in text, shown
    # Each picture's address: its concept, a hash of the file, .svg.
    pictures = {
        img["src"].rsplit("/", 1)[-1].split(".")[0] for img in page.soup.select(".summary img")
    }
    assert {"kitchen", "cafe", "bus", "helper"} <= pictures


def test_a_consultant_calls_back_a_new_registration(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    response = karl.post_form(
        f"{registration_url(mette)}/status",
        {"status-status": "contacted", "status-note": "Ringede. Møde på tirsdag."},
        form_on=registration_url(mette),
    )
    assert location_path(response) == registration_url(mette)
    page = karl.open(registration_url(mette))
    assert "Status er ændret." in page.text()
    history = page.soup.find(class_="staff-history").get_text(" ", strip=True)
    assert "Karl Konsulent" in history and "Ringede. Møde på tirsdag." in history
    row = next(db.query("SELECT status, first_contact_at FROM registrations"))
    assert row["status"] == "contacted" and row["first_contact_at"]


def test_closing_a_registration_needs_a_reason(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    response = karl.post_form(
        f"{registration_url(mette)}/status",
        {"status-status": "closed"},
        form_on=registration_url(mette),
    )
    page = Page(response)
    assert page.title.startswith("Fejl:")
    assert page.error_summary_links() == [("#status-reason", "Vælg hvorfor registreringen lukkes")]
    karl.post_form(
        f"{registration_url(mette)}/status",
        {"status-status": "closed", "status-reason": "declined"},
        form_on=registration_url(mette),
    )
    row = next(db.query("SELECT status, close_reason, closed_at FROM registrations"))
    assert (row["status"], row["close_reason"]) == ("closed", "declined") and row["closed_at"]


def test_a_consultant_takes_a_registration_and_hands_it_to_a_colleague(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    lise = staff_member(app, name="Lise Larsen")
    karl.post_form(
        f"{registration_url(mette)}/consultant",
        {"assign-consultant": karl.public_id},
        form_on=registration_url(mette),
    )
    assert "Karl Konsulent" in karl.open("/staff/").text()
    response = karl.post_form(
        f"{registration_url(mette)}/consultant",
        {"assign-consultant": lise.public_id},
        form_on=registration_url(mette),
    )
    assert location_path(response) == registration_url(mette), "Aarhus is still Karl's to see"
    lise.sign_in()
    assert "Givet til: Lise Larsen" in lise.open(registration_url(mette)).text()


def test_a_consultant_who_hands_a_case_out_of_the_team_no_longer_sees_it(app, db):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    mette = register(app)
    ole = staff_member(app, name="Ole Olsen").sign_in()  # covers nothing: Mette is given to him
    db.execute(
        "UPDATE registrations SET consultant_id = ? WHERE id = ?", [ole.user.id, mette["id"]]
    )
    db.conn.commit()
    assert ole.client.get(registration_url(mette)).status_code == 200
    response = ole.post_form(
        f"{registration_url(mette)}/consultant",
        {"assign-consultant": karl.public_id},
        form_on=registration_url(mette),
    )
    assert location_path(response) == "/staff/"
    assert ole.client.get(registration_url(mette)).status_code == 404


def test_a_job_start_brings_follow_ups_six_months_later_and_then_yearly(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    started = clock.today() - timedelta(days=200)
    karl.post_form(
        f"{registration_url(mette)}/job",
        {"job-job_start": started.isoformat(), "job-employer": "Netto Aarhus", "job-hours": "12,5"},
        form_on=registration_url(mette),
    )
    karl.post_form(
        f"{registration_url(mette)}/status",
        {"status-status": "in_job"},
        form_on=registration_url(mette),
    )
    due_page = karl.open("/staff/follow-ups")
    assert inbox_names(due_page) == [], "the name is not the first column here"
    assert "Netto Aarhus" in due_page.text() and "For sent" in due_page.text()

    karl.post_form(
        f"{registration_url(mette)}/follow-up",
        {"follow_up-still_in_job": "yes", "follow_up-note": "Går godt."},
        form_on=registration_url(mette),
    )
    assert "Netto Aarhus" not in karl.open("/staff/follow-ups").text()
    page = karl.open(registration_url(mette))
    next_due = format_date(clock.add_months(started, 18), "medium", locale="da")
    assert f"Næste opfølgning {next_due}" in page.text()
    assert "Går godt." in page.text()
    row = next(db.query("SELECT job_start, employer, job_hours FROM registrations"))
    assert (row["job_start"], row["employer"], row["job_hours"]) == (
        started.isoformat(),
        "Netto Aarhus",
        12.5,
    )


def test_follow_ups_fall_due_six_months_after_the_start_then_once_a_year():
    start = date(2026, 8, 31)
    assert follow_up_due_date(start, 0) == date(2027, 2, 28)
    assert follow_up_due_date(start, 1) == date(2028, 2, 29)
    assert follow_up_due_date(start, 2) == date(2029, 2, 28)
    assert clock.add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_the_follow_up_list_holds_only_people_in_a_job(app, db):
    mette = register(app)
    register(app, name="Uden Job")
    anna = staff_member(app, "admin")
    admin = user_by_id(db, anna.user.id)
    six_months_ago = (clock.today() - timedelta(days=190)).isoformat()
    db.execute(
        "UPDATE registrations SET job_start = ?, status = 'in_job' WHERE id = ?",
        [six_months_ago, mette["id"]],
    )
    db.conn.commit()
    due = follow_ups_due(db, admin, today=clock.today())
    assert [item.row.name for item in due] == ["Mette Hansen"]
    assert due[0].is_overdue(clock.today())


def statements_run(db, work):
    """The SQL statements sqlite runs while `work` does its job."""
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        work()
    finally:
        db.conn.set_trace_callback(None)
    return statements


def test_the_follow_up_list_asks_the_database_the_same_few_questions_for_many_people(app, db):
    admin = user_by_id(db, staff_member(app, "admin").user.id)
    started = (clock.today() - timedelta(days=190)).isoformat()

    def people_in_a_job(count):
        for _ in range(count):
            person = register(app, name=f"Person {len(people)}")
            people.append(person)
            db.execute(
                "UPDATE registrations SET job_start = ?, status = 'in_job' WHERE id = ?",
                [started, person["id"]],
            )
        db.conn.commit()

    people = []
    people_in_a_job(1)
    for_one = statements_run(db, lambda: follow_ups_due(db, admin, today=clock.today()))
    people_in_a_job(4)
    for_five = statements_run(db, lambda: follow_ups_due(db, admin, today=clock.today()))
    assert len(follow_ups_due(db, admin, today=clock.today())) == 5
    assert len(for_five) == len(for_one), for_five


def test_hours_that_are_not_a_number_are_asked_for_again(app):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = registration_url(mette)
    for typed in ("mange", "70"):
        page = Page(karl.post_form(f"{url}/job", {"job-hours": typed}, form_on=url))
        assert page.error_summary_links() == [
            ("#job-hours", "Skriv timer om ugen som et tal fra 0 til 60")
        ], typed


def test_a_note_is_kept_with_who_wrote_it(app):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    response = karl.post_form(
        f"{registration_url(mette)}/note", {"note-note": ""}, form_on=registration_url(mette)
    )
    assert Page(response).error_summary_links() == [("#note-note", "Skriv noten")]
    karl.post_form(
        f"{registration_url(mette)}/note",
        {"note-note": "Vil gerne arbejde med dyr."},
        form_on=registration_url(mette),
    )
    assert "Vil gerne arbejde med dyr." in karl.open(registration_url(mette)).text()


def test_every_view_of_a_registration_is_written_to_the_audit_log(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    karl.open(registration_url(mette))
    karl.open(registration_url(mette))
    rows = list(
        db.query("SELECT user_id, action, reference, at FROM audit_log WHERE action = 'viewed'")
    )
    assert len(rows) == 2
    assert {(r["user_id"], r["reference"]) for r in rows} == {(karl.user.id, mette["reference"])}
    assert all(r["at"] for r in rows)
    anna = staff_member(app, "admin").sign_in()
    log = anna.open(f"/staff/audit?reference={mette['reference']}")
    entries = [row.get_text(" ", strip=True) for row in log.soup.select("table tbody tr")]
    assert sum("Karl Konsulent Så registreringen" in entry for entry in entries) == 2


def test_a_consultant_who_gives_a_case_to_nobody_out_of_their_sight_is_told_so(app, db):
    """Ole covers nothing; Mette, in Aarhus which Karl covers, was given to Ole. He gives
    her to nobody: she waits for Karl, out of Ole's sight, and Ole is told (not a 500)."""
    staff_member(app, covers=TEST_MUNICIPALITIES)
    mette = register(app)
    ole = staff_member(app, name="Ole Olsen").sign_in()
    db.execute(
        "UPDATE registrations SET consultant_id = ? WHERE id = ?", [ole.user.id, mette["id"]]
    )
    db.conn.commit()
    response = ole.post_form(
        f"{registration_url(mette)}/consultant",
        {"assign-consultant": ""},
        form_on=registration_url(mette),
    )
    assert location_path(response) == "/staff/"
    assert "Konsulenten er ændret" in ole.open("/staff/").text()
