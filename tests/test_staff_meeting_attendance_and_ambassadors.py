"""After a meeting Karl marks who came; he corrects a meeting's place and an ambassador's
phone number; and when he matches Mette (Aarhus, wants kitchen work) the ambassadors who
live in Aarhus and know kitchens come first, each with how many open cases they have."""

from app.core.db import connect
from pages import location_path
from staff import TEST_MUNICIPALITIES, add_ambassador, register, sign_up_for_meeting, staff_member
from test_meetings_and_ambassadors import NEXT_WEEK, add_meeting


def audit_actions(app):
    db = connect(app.config["DATABASE"])
    actions = [row["action"] for row in db.query("SELECT action FROM audit_log ORDER BY id")]
    db.close()
    return actions


def test_a_consultant_marks_that_ali_came_and_bo_did_not(app):
    meeting = add_meeting(app, "751", place="Jobcenter Aarhus")
    sign_up_for_meeting(app, meeting, "Ali Khan")
    sign_up_for_meeting(app, meeting, "Bo Berg")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = f"/staff/meetings/{meeting}"
    forms = karl.open(url).soup.select("form[action$='/attendance']")
    ali, bo = (form["action"] for form in forms)
    karl.post_form(ali, {"attended": "1"}, form_on=url)
    karl.post_form(bo, {"attended": "0"}, form_on=url)
    rows = karl.open(url).soup.select("tbody tr")
    marks = {
        row.find("td").get_text(): row.select_one("td:last-child p").get_text() for row in rows
    }
    assert marks == {"Ali Khan": "Kom", "Bo Berg": "Kom ikke"}
    assert audit_actions(app).count("attendance_marked") == 2


def test_a_sign_up_of_another_meeting_cannot_be_marked_through_this_one(app):
    mine = add_meeting(app, "751")
    other = add_meeting(app, "101", place="Jobcenter København")
    sign_up_for_meeting(app, other, "Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    action = karl.open(f"/staff/meetings/{other}").soup.select_one("form[action$='/attendance']")[
        "action"
    ]
    wrong = action.replace(other, mine)
    response = karl.post_form(wrong, {"attended": "1"}, form_on=f"/staff/meetings/{other}")
    assert response.status_code == 404
    assert "attendance_marked" not in audit_actions(app)


def test_a_consultant_moves_a_meeting_to_another_place(app):
    karl = staff_member(app).sign_in()
    meeting = add_meeting(app, "751", place="Jobcenter Aarhus", by=karl)
    edit = karl.open(f"/staff/meetings/{meeting}/edit")
    assert edit.soup.find("input", {"name": "place"})["value"] == "Jobcenter Aarhus"
    assert edit.soup.find("input", {"name": "starts_at"})["value"] == "10.00"
    response = karl.post_form(
        f"/staff/meetings/{meeting}/edit",
        {
            "starts_on": NEXT_WEEK.date().isoformat(),
            "starts_at": "13:30",
            "ends_at": "",
            "place": "Dokk1, Aarhus",
            "municipality": "751",
            "description_da": "Vi fortæller om job.",
            "description_en": "",
        },
    )
    assert location_path(response) == f"/staff/meetings/{meeting}"
    page = karl.open(f"/staff/meetings/{meeting}").text()
    assert "Dokk1, Aarhus" in page and "13.30" in page
    assert "meeting_changed" in audit_actions(app)


def test_a_meeting_without_a_place_is_not_saved_and_says_why(app):
    karl = staff_member(app).sign_in()
    meeting = add_meeting(app, "751", place="Jobcenter Aarhus", by=karl)
    response = karl.post_form(
        f"/staff/meetings/{meeting}/edit",
        {
            "starts_on": NEXT_WEEK.date().isoformat(),
            "starts_at": "10:00",
            "ends_at": "",
            "place": "",
            "municipality": "751",
            "description_da": "Vi fortæller om job.",
        },
    )
    assert response.status_code == 200 and "Skriv stedet" in response.get_data(as_text=True)
    assert "Jobcenter Aarhus" in karl.open(f"/staff/meetings/{meeting}").text()


def test_a_consultant_corrects_an_ambassadors_phone_number(app):
    karl = staff_member(app).sign_in()
    add_ambassador(karl, "Sofie Lund", "751")
    link = karl.open("/staff/ambassadors").soup.find("a", string="Sofie Lund")["href"]
    karl.post_form(
        link,
        {
            "name": "Sofie Lund",
            "phone": "30 40 50 60",
            "email": "",
            "municipality": "751",
            "note": "",
            "line_of_work": "kitchen",
        },
    )
    listing = karl.open("/staff/ambassadors").text()
    assert "30 40 50 60" in listing and "Køkken og kantine" in listing
    assert audit_actions(app).count("ambassador_changed") == 1
    wrong = karl.post_form(
        link, {"name": "Sofie Lund", "phone": "abc", "municipality": "751", "line_of_work": ""}
    )
    assert "Skriv et telefonnummer" in wrong.get_data(as_text=True)


def test_mette_in_aarhus_wanting_kitchen_work_sees_the_aarhus_kitchen_ambassador_first(app):
    mette = register(app, ambassador="yes")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    add_ambassador(karl, "Anders Andersen", "101", line_of_work="office")
    add_ambassador(karl, "Bente Bach", "751")
    add_ambassador(karl, "Carl Clausen", "751", line_of_work="kitchen")
    add_ambassador(karl, "Dorte Dam", "101", line_of_work="kitchen")
    url = f"/staff/registrations/{mette['public_id']}/ambassador"
    options = [o.get_text() for o in karl.open(url).soup.select("select option")][1:]
    assert [o.split(" (")[0] for o in options] == [
        "Carl Clausen",
        "Bente Bach",
        "Dorte Dam",
        "Anders Andersen",
    ]

    carl = karl.open(url).soup.find("option", string=lambda s: s and "Carl" in s)["value"]
    karl.post_form(url, {"ambassador": carl})
    rows = {
        row.find("td").get_text(): row.find_all("td")[-1].get_text()
        for row in karl.open(url).soup.select("tbody tr")
    }
    assert rows["Carl Clausen"] == "1" and rows["Bente Bach"] == "0", rows


def test_a_screen_reader_hears_whose_row_each_ambassador_button_is_in(app):
    karl = staff_member(app).sign_in()
    add_ambassador(karl, "Sofie Lund", "751")
    add_ambassador(karl, "Bo Holm", "101")
    rows = karl.open("/staff/ambassadors").soup.select("tbody tr")
    buttons = {
        row.find("a").get_text(strip=True): row.find("button").get_text(" ", strip=True)
        for row in rows
    }
    assert buttons == {
        "Sofie Lund": "Gør ikke aktiv – Sofie Lund",
        "Bo Holm": "Gør ikke aktiv – Bo Holm",
    }
