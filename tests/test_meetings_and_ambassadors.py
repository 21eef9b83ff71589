"""Jobkaravane meetings, ambassadors, shared tablets and drafts found by their code: the
parts of helping people where staff and citizens meet."""

from datetime import datetime, timedelta

from app.core import clock
from app.core.db import connect
from app.domain.meetings import create_meeting
from app.staff.data_requests.data.personal_data import purge
from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, add_ambassador, ambassador_choice, register, staff_member

NEXT_WEEK = (clock.local_now() + timedelta(days=7)).replace(hour=10, minute=0, tzinfo=None)


def add_meeting(app, municipality_code, *, starts_at=NEXT_WEEK, place="Jobcenter", by=None):
    """A meeting added by the staff member `by` (None: as before creators were recorded)."""
    db = connect(app.config["DATABASE"])
    public_id = create_meeting(
        db,
        created_by=by.user.id if by else None,
        starts_at=starts_at,
        ends_at=None,
        place=place,
        municipality_code=municipality_code,
        description_da="Vi fortæller om job. Du kan spørge.",
    )
    db.close()
    return public_id


def test_staff_record_a_meeting_and_people_near_it_see_it(app):
    karl = staff_member(app).sign_in()
    response = karl.post_form(
        "/staff/meetings/new",
        {
            "starts_on": NEXT_WEEK.date().isoformat(),
            "starts_at": "10.00",
            "ends_at": "12:00",
            "place": "Jobcenter Aarhus",
            "municipality": "751",
            "description_da": "Vi fortæller om job. Du kan spørge.",
            "description_en": "",
        },
    )
    assert location_path(response).startswith("/staff/meetings/")
    add_meeting(app, "101", place="Jobcenter København")

    near_aarhus = Visitor(app.test_client()).open("/meetings?municipality=730")
    assert near_aarhus.h1 == "Kom til et møde"
    assert "Jobcenter Aarhus, Aarhus" in near_aarhus.text()
    assert "Jobcenter København" not in near_aarhus.text(), "only meetings in the region"
    assert "kl. 10.00" in near_aarhus.text()


def test_the_start_page_shows_meetings_near_the_person(app, client):
    add_meeting(app, "101", place="Jobcenter København")
    add_meeting(app, "751", place="Jobcenter Aarhus")
    mette = Visitor(client)
    for key in ("who", "name", "contact", "phone", "municipality"):
        mette.answer(key, MYSELF_IN_AARHUS[key])
    start = mette.open("/")
    assert "Jobcenter Aarhus" in start.text() and "Jobcenter København" not in start.text()


def test_with_no_meeting_near_every_meeting_is_shown(app, get_page):
    add_meeting(app, "101", place="Jobcenter København")
    page = get_page("/meetings?municipality=851")
    assert "Der er ingen møder tæt på dig endnu." in page.text()
    assert "Jobcenter København" in page.text()


def test_a_person_signs_up_and_staff_see_the_name(app, client):
    public_id = add_meeting(app, "751")
    ali = Visitor(client)
    form = ali.open(f"/meetings/{public_id}")
    assert form.h1.startswith("Tilmeld dig mødet")
    empty = Page(ali.post_form(f"/meetings/{public_id}", {}))
    assert empty.error_summary_links() == [
        ("#name", "Skriv dit navn"),
        ("#phone", "Skriv dit telefonnummer"),
    ]
    response = ali.post_form(f"/meetings/{public_id}", {"name": "Ali Khan", "phone": "20 30 40 50"})
    assert location_path(response) == f"/meetings/{public_id}/signed-up"
    assert "Tak. Du er tilmeldt." in ali.open(location_path(response)).h1

    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(f"/staff/meetings/{public_id}")
    assert "Ali Khan" in page.text() and "20 30 40 50" in page.text()
    db = connect(app.config["DATABASE"])
    assert (
        next(db.query("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"))["action"]
        == "viewed_signups"
    )
    db.close()


def test_a_person_who_started_is_not_asked_their_name_again(app, client):
    public_id = add_meeting(app, "751")
    mette = Visitor(client)
    for key in ("who", "name", "contact", "phone"):
        mette.answer(key, MYSELF_IN_AARHUS[key])
    form = mette.open(f"/meetings/{public_id}")
    assert form.field_value("name") == "Mette Hansen"
    assert form.field_value("phone") == "20 30 40 50"


def test_past_and_unknown_meetings_are_not_found(app, client):
    past = add_meeting(app, "751", starts_at=NEXT_WEEK - timedelta(days=30))
    assert client.get(f"/meetings/{past}").status_code == 404
    assert client.get("/meetings/nothing").status_code == 404


def test_signups_are_deleted_30_days_after_the_meeting(app, client):
    past = add_meeting(app, "751", starts_at=datetime(2026, 1, 5, 10, 0))
    db = connect(app.config["DATABASE"])
    db.execute(
        "INSERT INTO meeting_signups (meeting_id, name, phone, created_at)"
        " SELECT id, 'Ali', '+4520304050', '2026-01-01' FROM meetings WHERE public_id = ?",
        [past],
    )
    db.conn.commit()
    assert len(purge(db, dry_run=True).meeting_signups) == 1
    purge(db)
    assert list(db.query("SELECT * FROM meeting_signups")) == []
    db.close()


def test_staff_match_a_person_with_an_ambassador_and_record_the_talk(app):
    mette = register(app, ambassador="yes")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    assert "Ingen venter" not in karl.open("/staff/ambassadors").text()
    assert "Mette Hansen" in karl.open("/staff/ambassadors").text()
    add_ambassador(karl, "Sofie Lund", "751", phone="30 40 50 60")
    sofie = ambassador_choice(karl, mette, "Sofie Lund")
    karl.post_form(f"/staff/registrations/{mette['public_id']}/ambassador", {"ambassador": sofie})
    page = karl.open(f"/staff/registrations/{mette['public_id']}/ambassador")
    assert "Sofie Lund" in page.text() and "Ikke endnu" in page.text()
    karl.post_form(
        f"/staff/registrations/{mette['public_id']}/ambassador/talked",
        {"talked-talked_on": "2026-11-20"},
        form_on=f"/staff/registrations/{mette['public_id']}/ambassador",
    )
    listing = karl.open("/staff/ambassadors").text()
    assert "Sofie Lund" in listing
    history = karl.open(f"/staff/registrations/{mette['public_id']}").text()
    assert "Fik en ambassadør" in history and "Har talt med ambassadøren" in history


def test_people_who_said_no_to_an_ambassador_are_not_on_the_list(app):
    register(app, ambassador="no", name="Peter Holm")
    karl = staff_member(app).sign_in()
    assert "Peter Holm" not in karl.open("/staff/ambassadors").text()


def test_staff_make_a_tablet_shared_and_it_stays_shared_after_sign_out(app):
    karl = staff_member(app).sign_in()
    page = karl.open("/staff/device")
    assert "Denne enhed er personlig." in page.text()
    karl.post_form("/staff/device", {})
    assert "Denne enhed er delt." in karl.open("/staff/device").text()
    karl.sign_out()
    start = Page(karl.client.get("/"))
    assert start.soup.select("[data-finish-device]"), "the citizen pages now show I am done"


def test_staff_find_a_draft_by_the_code_a_person_reads_aloud(app, client):
    mette = Visitor(client)
    for key in ("who", "name", "contact", "phone"):
        mette.answer(key, MYSELF_IN_AARHUS[key])
    code = (
        Page(mette.post_form("/register/later", {"show_code": "1"}))
        .soup.select_one(".code [aria-hidden=true]")
        .get_text()
    )
    karl = staff_member(app).sign_in()
    wrong = Page(karl.post_form("/staff/drafts", {"code": "AAAA AAAA"}))
    assert wrong.error_summary_links()
    found = Page(karl.post_form("/staff/drafts", {"code": code.lower()}))
    assert "Mette Hansen" in found.text()


def test_sign_ups_from_one_address_are_limited_like_drafts(app, db):
    """100 sign-ups from one address once went through in a second."""
    app.config["MEETING_SIGNUPS_PER_HOUR"] = 3
    public_id = add_meeting(app, "751")

    def sign_up(name, address="192.0.2.1"):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        return Visitor(client).post_form(
            f"/meetings/{public_id}", {"name": name, "phone": "20304050"}
        )

    assert [sign_up(f"Person {n}").status_code for n in range(3)] == [302, 302, 302]
    refused = sign_up("Person 4")
    page = Page(refused)
    assert refused.status_code == 429
    assert page.error_summary_links()[0][1].startswith("Mange har tilmeldt sig herfra")
    assert page.field_value("name") == "Person 4", "what was typed stays in the form"
    assert sign_up("Person 5", address="192.0.2.2").status_code == 302
    assert next(db.query("SELECT count(*) AS n FROM meeting_signups"))["n"] == 4
