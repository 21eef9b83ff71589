"""Registrations that do not start on the site: a consultant takes one with a person on
the phone, asking the journey's own questions, and records the consent the person gives
by phone; carries on with a person's unsent draft; or starts from a meeting sign-up."""

from datetime import datetime, timedelta

from app.core import clock
from app.core.db import connect
from app.domain.meetings import create_meeting, meeting_by_public_id, sign_up
from app.domain.questions.steps import STEPS
from app.domain.registrations.resume import create_resume_key
from app.web.page_state_setup import add_meeting
from pages import Page, location_path
from people import MYSELF_IN_AARHUS
from staff import TEST_MUNICIPALITIES, saved_draft, sign_up_for_meeting, staff_member


def answer_questions(member, url, answers_by_step):
    """Answer each page of questions the consultant is sent to, as the person says it on
    the phone, until the answers and the consent page. Returns that page's address and
    the questions the pages asked, in their order."""
    said = {name: value for step in answers_by_step.values() for name, value in step.items()}
    asked = []
    while "/consent" not in url:
        url = url.split("#")[0]
        page = member.open(url)
        asked += [s["id"].removeprefix("step-") for s in page.soup.select("section[id^=step-]")]
        seen = page.soup.find(attrs={"name": "duplicates_seen"})
        data = {**said, **({"duplicates_seen": seen["value"]} if seen else {})}
        response = member.client.post(url, data={"csrf_token": page.csrf_token(), **data})
        assert response.status_code == 302, Page(response).error_summary_links()
        url = location_path(response)
    return url, list(dict.fromkeys(asked))


def rows_of(app, sql, params=()):
    db = connect(app.config["DATABASE"])
    try:
        return list(db.query(sql, params))
    finally:
        db.close()


def row_of(app, sql, params=()):
    db = connect(app.config["DATABASE"])
    try:
        return next(db.query(sql, params), None)
    finally:
        db.close()


def test_a_consultant_registers_a_person_who_called_and_records_the_consent_given_by_phone(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    start = karl.open("/staff/registrations/new")
    assert start.status == 200
    response = karl.post_form("/staff/registrations/new", {"channel": "phone"})
    consent_url, asked = answer_questions(karl, location_path(response), MYSELF_IN_AARHUS)
    # The journey's own questions, in its order, a few to a page: no copy of them for staff.
    journey_order = [step.key for step in STEPS if step.key in asked]
    assert asked == journey_order and "work" in asked and "needs" in asked
    assert len(asked) == len(STEPS)
    consent_page = karl.open(consent_url)
    assert "Mette Hansen" in consent_page.text()

    refused = karl.post_form(consent_url, {})
    assert refused.status_code == 400
    assert Page(refused).error_summary_links()
    saved = karl.post_form(consent_url, {"consent": "y", "consent_jobcentre": "y"})
    assert saved.status_code == 302

    row = row_of(app, "SELECT * FROM registrations WHERE name = 'Mette Hansen'")
    assert row["channel"] == "phone"
    assert row["consent_taken_by"] == karl.user.id
    taken_at = datetime.fromisoformat(row["consent_taken_at"])
    assert abs(clock.now() - taken_at) < timedelta(hours=1)
    assert row["consent_jobcentre"] == 1 and row["consent_health"] == 0
    assert row["consultant_id"] == karl.user.id  # Karl covers Aarhus
    entry = row_of(app, "SELECT * FROM audit_log WHERE action = 'registered_by_phone'")
    assert entry["reference"] == row["reference"] and entry["user_id"] == karl.user.id
    assert entry["detail"] == "channel: phone"
    case = karl.open(location_path(saved))
    assert case.status == 200 and "Mette Hansen" in case.text()


def test_a_consultant_carries_on_with_a_persons_unsent_draft_on_the_phone(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    begun = {key: MYSELF_IN_AARHUS[key] for key in ("who", "name", "contact", "phone")}
    token = saved_draft(app, begun)
    db = connect(app.config["DATABASE"])
    code = create_resume_key(db, token, "code", secret=app.config["SECRET_KEY"], days=7)
    db.close()

    found = karl.post_form("/staff/drafts", {"code": code})
    assert found.status_code == 200 and "Mette Hansen" in found.get_data(as_text=True)
    response = karl.post_form(
        "/staff/drafts/continue", {"code": code, "channel": "phone"}, form_on="/staff/drafts"
    )
    url = location_path(response)
    # The person already answered the first questions: Karl starts where they stopped,
    # on the first page, with what she answered in its fields.
    assert url.endswith("/page/1#step-call_time")
    assert karl.open(url.split("#")[0]).field_value("name") == "Mette Hansen"
    consent_url, _asked = answer_questions(karl, url, MYSELF_IN_AARHUS)
    saved = karl.post_form(consent_url, {"consent": "y"})
    assert saved.status_code == 302
    row = row_of(app, "SELECT * FROM registrations WHERE name = 'Mette Hansen'")
    assert row["channel"] == "phone" and row["consent_taken_by"] == karl.user.id
    assert row_of(app, "SELECT count(*) AS n FROM drafts")["n"] == 0


def test_a_meeting_sign_up_becomes_a_registration_prefilled_from_the_sign_up(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    db = connect(app.config["DATABASE"])
    starts = clock.local_now().replace(tzinfo=None) + timedelta(days=10)
    with app.test_request_context():
        public_id = create_meeting(
            db,
            starts_at=starts,
            ends_at=None,
            place="Rådhuset",
            municipality_code="751",
            description_da="Jobkaravane",
            description_en="",
            created_by=karl.user.id,
        )
        sign_up(db, meeting_by_public_id(db, public_id), name="Sofie Sørensen", phone="+4561626364")
    signup_id = next(db.query("SELECT id FROM meeting_signups"))["id"]
    db.close()

    page = karl.open("/staff/registrations/new")
    assert "Sofie Sørensen" in page.text()
    response = karl.post_form(
        "/staff/registrations/new/from-signup",
        {"signup": signup_id},
        form_on="/staff/registrations/new",
    )
    url = location_path(response)
    first_page = karl.open(url)
    assert 'value="Sofie Sørensen"' in first_page.html
    answers = {
        **MYSELF_IN_AARHUS,
        "name": {"name": "Sofie Sørensen"},
        "phone": {"phone": "61 62 63 64"},
    }
    consent_url, _ = answer_questions(karl, url, answers)
    karl.post_form(consent_url, {"consent": "y"})
    row = row_of(app, "SELECT * FROM registrations WHERE name = 'Sofie Sørensen'")
    assert row["channel"] == "meeting" and row["phone"] == "+4561626364"
    assert row["municipality_code"] == "751"


def test_a_colleague_cannot_open_a_registration_another_consultant_is_taking_by_phone(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    response = karl.post_form("/staff/registrations/new", {"channel": "phone"})
    consent_url, _asked = answer_questions(karl, location_path(response), MYSELF_IN_AARHUS)
    lise = staff_member(app, covers=TEST_MUNICIPALITIES, name="Lise Larsen").sign_in()
    assert lise.client.get(consent_url).status_code == 404
    anna = staff_member(app, "admin", name="Anna Admin").sign_in()
    assert anna.client.get(consent_url).status_code == 200, "an admin can help"


def test_a_sign_up_that_became_a_registration_is_marked_and_no_longer_offered(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    sign_up_for_meeting(app, add_meeting(app), "Sofie Sørensen")
    signup = row_of(app, "SELECT id FROM meeting_signups")["id"]
    new = "/staff/registrations/new"
    response = karl.post_form(f"{new}/from-signup", {"signup": signup}, form_on=new)
    answers = {**MYSELF_IN_AARHUS, "name": {"name": "Sofie Sørensen"}}
    consent_url, _ = answer_questions(karl, location_path(response), answers)
    karl.post_form(consent_url, {"consent": "y"})

    row = karl.open(new).soup.find("td", string="Sofie Sørensen").find_parent("tr")
    assert not row.find("button"), "no offer to register her again"
    assert "Allerede registreret" in row.get_text()
    again = karl.post_form(f"{new}/from-signup", {"signup": signup}, form_on=new)
    assert location_path(again) == new
    assert "Den tilmelding er allerede registreret." in karl.open(new).text()
    assert row_of(app, "SELECT count(*) AS n FROM registrations")["n"] == 1
    assert row_of(app, "SELECT count(*) AS n FROM drafts")["n"] == 0, "no new draft begun"


def register_by(member, channel):
    response = member.post_form("/staff/registrations/new", {"channel": channel})
    consent_url, _asked = answer_questions(member, location_path(response), MYSELF_IN_AARHUS)
    saved = member.post_form(consent_url, {"consent": "y", "consent_jobcentre": "y"})
    assert saved.status_code == 302
    return saved


def test_a_person_registered_on_the_phone_has_had_the_first_contact(app):
    """Mette called and Karl registered her while they talked; Ali came by the job centre,
    and Karl read him each yes on the phone: either way KLAPjob has talked with the person,
    and that first real contact is on the case and in the municipality's report."""
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    register_by(karl, "phone")
    register_by(karl, "jobcentre")
    for row in rows_of(app, "SELECT * FROM registrations"):
        assert row["status"] == "contacted" and row["first_contact_at"] is not None

    today = clock.today()
    report = karl.open(f"/staff/reports?municipality=751&first_month={today:%Y-%m}")
    cells = {
        tr.find("td").find(string=True, recursive=False).strip(): tr.find_all("td")[-1]
        for tr in report.soup.select(".staff-table tbody tr")
    }
    assert cells["Første rigtige kontakt"].get_text(strip=True) == "2"


def test_the_talk_that_was_the_registration_is_the_last_contact_on_the_case_and_in_the_inbox(app):
    """Karl talked with Mette while he registered her: her case's history and the inbox
    say so, as after any call in which he reached her, and not "Ingen endnu"."""
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    case = karl.open(location_path(register_by(karl, "phone")))
    history = case.soup.select_one(".staff-history").get_text(" ", strip=True)
    assert "Talt med personen" in history

    row = karl.open("/staff/").soup.find("a", string="Mette Hansen").find_parent("tr")
    assert "Talt med personen" in row.get_text() and "Ingen endnu" not in row.get_text()
