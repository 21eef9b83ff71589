"""A person who signed up for a meeting and then registered another way (on the site, or
by phone when they called) is not offered for registering again: the sign-up says
"Allerede registreret" and leads to the case. Sofie signed up with +45 20 30 40 50."""

from app.core.db import connect
from app.domain.meetings import meeting_by_public_id, sign_up
from app.web.page_state_setup import add_meeting
from pages import location_path
from staff import TEST_MUNICIPALITIES, register, sign_up_for_meeting, staff_member

NEW = "/staff/registrations/new"


def signup_row(page, name):
    return page.soup.find("td", string=name).find_parent("tr")


def count(app, table):
    db = connect(app.config["DATABASE"])
    try:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        db.close()


def test_a_sign_up_of_a_person_who_registered_on_the_site_is_not_offered_again(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    meeting = add_meeting(app)
    sign_up_for_meeting(app, meeting, "Sofie Sørensen")
    db = connect(app.config["DATABASE"])
    with app.app_context():
        sign_up(db, meeting_by_public_id(db, meeting), name="Bo Berg", phone="+4561626364")
    db.conn.commit()
    db.close()
    sofie = register(app, name="Sofie Sørensen")  # on the site, with the same phone

    page = karl.open(NEW)
    row = signup_row(page, "Sofie Sørensen")
    assert not row.find("button"), "no offer to register her twice"
    assert "Allerede registreret" in row.get_text()
    assert row.find("a")["href"] == f"/staff/registrations/{sofie['public_id']}"
    assert signup_row(page, "Bo Berg").find("button"), "Bo has not registered: still offered"

    signup = next(
        connect(app.config["DATABASE"]).query(
            "SELECT id FROM meeting_signups WHERE name = 'Sofie Sørensen'"
        )
    )["id"]
    drafts = count(app, "drafts")
    again = karl.post_form(f"{NEW}/from-signup", {"signup": signup}, form_on=NEW)
    assert location_path(again) == NEW
    assert "Den tilmelding er allerede registreret." in karl.open(NEW).text()
    assert count(app, "drafts") == drafts, "no new registration begun"
