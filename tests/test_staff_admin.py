"""Admins run the back office: which municipalities have an agreement and who covers
them, and who may sign in."""

from app.core.db import connect
from app.domain.coverage import all_coverage
from app.staff.core.users import user_by_email
from pages import Page, location_path
from staff import PASSWORD, StaffMember, register, staff_member


def test_an_admin_marks_aarhus_as_covered_by_karl_and_new_registrations_go_to_him(app, db):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app)
    page = anna.open("/staff/municipalities")
    assert len(page.soup.select("tbody tr")) == 98
    assert "0 af 98 kommuner har en aftale." in page.text()
    anna.post_form(
        "/staff/municipalities",
        {"agreement-751": "y", "consultant-751": karl.public_id, "consultant-101": "not-a-user"},
    )
    coverage = {c.code: c for c in all_coverage(db)}
    assert coverage["751"].has_agreement and coverage["751"].consultant_id == karl.user.id
    assert not coverage["101"].has_agreement and coverage["101"].consultant_id is None
    assert register(app)["consultant_id"] == karl.user.id
    karl.sign_in()
    assert "Mette Hansen" in karl.open("/staff/").text()


def test_an_admin_creates_a_consultant_who_then_sets_up_the_app(app):
    anna = staff_member(app, "admin").sign_in()
    response = anna.post_form(
        "/staff/users/new",
        {
            "name": "Lise Larsen",
            "email": "lise@klapjob.dk",
            "role": "consultant",
            "password": "kort",
        },
    )
    page = Page(response)
    assert page.title.startswith("Fejl:")
    assert ("#password", "Adgangskoden skal have mindst 12 tegn") in page.error_summary_links()
    response = anna.post_form(
        "/staff/users/new",
        {
            "name": "Lise Larsen",
            "email": "lise@klapjob.dk",
            "role": "consultant",
            "password": PASSWORD,
        },
    )
    assert location_path(response) == "/staff/users"
    assert "Har ikke logget ind endnu" in anna.open("/staff/users").text()
    db = connect(app.config["DATABASE"])
    lise = user_by_email(db, "lise@klapjob.dk")
    db.close()
    assert lise.role == "consultant"
    member = StaffMember.__new__(StaffMember)
    member.app, member.client, member.user = app, app.test_client(), lise
    assert location_path(member.enter_password()) == "/staff/two-factor/set-up"


def test_the_same_address_cannot_get_two_accounts(app):
    anna = staff_member(app, "admin").sign_in()
    response = anna.post_form(
        "/staff/users/new",
        {"name": "Anna Igen", "email": "ANNA@klapjob.dk", "role": "admin", "password": PASSWORD},
    )
    assert Page(response).error_summary_links()[0][0] == "#email"


def test_an_admin_cannot_lock_themselves_out(app):
    anna = staff_member(app, "admin").sign_in()
    response = anna.post_form(
        f"/staff/users/{anna.public_id}",
        {"name": "Anna Admin", "role": "consultant", "active": "y"},
    )
    assert Page(response).error_summary_links()[0][0] == "#role"
    assert anna.client.get("/staff/users").status_code == 200
