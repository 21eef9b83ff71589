"""Who sees a meeting's sign-ups and who changes the meeting. Karl covers Aarhus, Lise
covers København, Anna is an admin. A meeting (place, time) is public: every consultant
sees it, as citizens do. Who signed up (names, phones) follows the registrations' scope:
the consultant who covers the meeting's municipality, and admins. Only the consultant who
added a meeting, or an admin, changes or deletes it."""

import pytest

from app.core.db import connect
from app.web.page_state_setup import add_meeting
from pages import Page, location_path
from staff import sign_up_for_meeting, staff_member
from test_meetings_and_ambassadors import NEXT_WEEK

AARHUS, KOBENHAVN = "751", "101"


@pytest.fixture
def karl(app):
    return staff_member(app, name="Karl Konsulent", covers=(AARHUS,)).sign_in()


@pytest.fixture
def lise(app):
    return staff_member(app, name="Lise Larsen", covers=(KOBENHAVN,)).sign_in()


@pytest.fixture
def anna(app):
    return staff_member(app, "admin", name="Anna Admin").sign_in()


def meeting_form(municipality, place="Jobcenter Aarhus"):
    return {
        "starts_on": NEXT_WEEK.date().isoformat(),
        "starts_at": "10:00",
        "ends_at": "",
        "place": place,
        "municipality": municipality,
        "description_da": "Vi fortæller om job.",
        "description_en": "",
    }


def adds_a_meeting(member, municipality, place="Jobcenter Aarhus"):
    """`member` adds a meeting on the back office's form: its public id."""
    response = member.post_form("/staff/meetings/new", meeting_form(municipality, place))
    return location_path(response).rsplit("/", 1)[1]


def rows(app, sql, params=()):
    db = connect(app.config["DATABASE"])
    try:
        return list(db.query(sql, params))
    finally:
        db.close()


def signup_id(app, name):
    return rows(app, "SELECT id FROM meeting_signups WHERE name = ?", [name])[0]["id"]


def test_only_the_consultant_covering_aarhus_and_admins_see_who_signed_up_there(
    app, karl, lise, anna
):
    meeting = adds_a_meeting(karl, AARHUS)
    sign_up_for_meeting(app, meeting, "Ali Khan")
    url = f"/staff/meetings/{meeting}"
    for member in (karl, anna):
        page = member.open(url)
        assert "Ali Khan" in page.text() and "20 30 40 50" in page.text()

    page = lise.open(url)
    assert page.status == 200, "the meeting itself is public"
    assert "Jobcenter Aarhus" in page.text()
    assert "Ali Khan" not in page.html and "20 30 40 50" not in page.html
    assert not page.soup.select("form[action$='/attendance']")
    seen_by = rows(app, "SELECT user_id FROM audit_log WHERE action = 'viewed_signups'")
    assert lise.user.id not in [row["user_id"] for row in seen_by]


def test_every_consultant_sees_every_meeting_in_the_list(app, karl, lise):
    adds_a_meeting(karl, AARHUS)
    assert "Jobcenter Aarhus" in lise.open("/staff/meetings").text()


def test_lise_cannot_mark_who_came_to_a_meeting_in_aarhus(app, karl, lise, anna):
    meeting = adds_a_meeting(karl, AARHUS)
    sign_up_for_meeting(app, meeting, "Ali Khan")
    url = f"/staff/meetings/{meeting}/signups/{signup_id(app, 'Ali Khan')}/attendance"
    refused = lise.post_form(url, {"attended": "1"}, form_on="/staff/meetings")
    assert refused.status_code == 404
    assert rows(app, "SELECT attended FROM meeting_signups") == [{"attended": None}]
    anna.post_form(url, {"attended": "1"}, form_on="/staff/meetings")
    assert rows(app, "SELECT attended FROM meeting_signups") == [{"attended": 1}]


def test_only_the_consultant_who_added_a_meeting_or_an_admin_changes_it(app, karl, lise, anna):
    meeting = adds_a_meeting(karl, AARHUS)
    edit = f"/staff/meetings/{meeting}/edit"
    assert lise.client.get(edit).status_code == 403
    refused = lise.post_form(edit, meeting_form(AARHUS, "Lises sted"), form_on="/staff/meetings")
    assert refused.status_code == 403
    assert not lise.open(f"/staff/meetings/{meeting}").soup.select(f"a[href='{edit}']")

    karl.post_form(edit, meeting_form(AARHUS, "Dokk1"))
    assert rows(app, "SELECT place FROM meetings") == [{"place": "Dokk1"}]
    anna.post_form(edit, meeting_form(AARHUS, "Rådhuset"))
    assert rows(app, "SELECT place FROM meetings") == [{"place": "Rådhuset"}]


def test_only_the_consultant_who_added_a_meeting_or_an_admin_deletes_it(app, karl, lise, anna):
    karls = adds_a_meeting(karl, AARHUS)
    other = adds_a_meeting(karl, AARHUS, place="Dokk1")
    sign_up_for_meeting(app, karls, "Ali Khan")
    refused = lise.post_form(f"/staff/meetings/{karls}/delete", {}, form_on="/staff/meetings")
    assert refused.status_code == 403
    assert not lise.open(f"/staff/meetings/{karls}").soup.select("form[action$='/delete']")
    assert len(rows(app, "SELECT 1 FROM meetings")) == 2
    assert len(rows(app, "SELECT 1 FROM meeting_signups")) == 1

    karl.post_form(f"/staff/meetings/{karls}/delete", {}, form_on=f"/staff/meetings/{karls}")
    anna.post_form(f"/staff/meetings/{other}/delete", {}, form_on=f"/staff/meetings/{other}")
    assert rows(app, "SELECT 1 FROM meetings") == []


def test_a_meeting_from_before_its_creator_was_recorded_is_changed_by_admins_only(app, karl, anna):
    meeting = add_meeting(app)  # in Aarhus, with no creator: as meetings were stored before
    assert karl.client.get(f"/staff/meetings/{meeting}/edit").status_code == 403
    assert anna.client.get(f"/staff/meetings/{meeting}/edit").status_code == 200


def test_karl_cannot_move_a_meeting_with_sign_ups_he_may_not_see_into_his_municipality(
    app, karl, lise
):
    meeting = adds_a_meeting(karl, KOBENHAVN, place="Jobcenter København")
    sign_up_for_meeting(app, meeting, "Bo Berg")
    response = karl.post_form(
        f"/staff/meetings/{meeting}/edit", meeting_form(AARHUS, "Jobcenter København")
    )
    assert [link for link, _text in Page(response).error_summary_links()] == ["#municipality"]
    assert rows(app, "SELECT municipality_code FROM meetings") == [{"municipality_code": "101"}]
    assert "Bo Berg" not in karl.open(f"/staff/meetings/{meeting}").html


def test_the_new_registration_page_offers_only_the_sign_ups_in_the_consultants_municipalities(
    app, karl, lise, anna
):
    sign_up_for_meeting(app, adds_a_meeting(karl, AARHUS), "Ali Khan")
    sign_up_for_meeting(app, adds_a_meeting(lise, KOBENHAVN, "Jobcenter København"), "Bo Berg")
    offered = {
        member.user.name: member.open("/staff/registrations/new").text()
        for member in (karl, lise, anna)
    }
    assert "Ali Khan" in offered["Karl Konsulent"] and "Bo Berg" not in offered["Karl Konsulent"]
    assert "Bo Berg" in offered["Lise Larsen"] and "Ali Khan" not in offered["Lise Larsen"]
    assert "Ali Khan" in offered["Anna Admin"] and "Bo Berg" in offered["Anna Admin"]


def test_lise_cannot_start_a_registration_from_a_sign_up_in_aarhus(app, karl, lise, anna):
    sign_up_for_meeting(app, adds_a_meeting(karl, AARHUS), "Ali Khan")
    ali = {"signup": signup_id(app, "Ali Khan")}
    new = "/staff/registrations/new"
    refused = lise.post_form(f"{new}/from-signup", ali, form_on=new)
    assert refused.status_code == 404
    assert rows(app, "SELECT 1 FROM staff_intakes") == []
    for member in (karl, anna):
        started = member.post_form(f"{new}/from-signup", ali, form_on=new)
        assert location_path(started).endswith("/page/1")
