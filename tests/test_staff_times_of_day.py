"""Times of day in the back office as Danish writes them: "13.00–14.00", one separator in
a time, never "13.00–14:00"; the examples and a meeting's form say "10.00" too."""

from datetime import timedelta

from app.core import clock
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_meetings_and_ambassadors import add_meeting


def test_a_meeting_on_a_case_from_one_to_two_reads_13_00_to_14_00(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    case = f"/staff/registrations/{mette['public_id']}"
    karl.post_form(f"{case}/take", {}, form_on=case)
    day = clock.today()
    karl.post_form(
        f"{case}/appointments",
        {
            "appointment-day": day.isoformat(),
            "appointment-starts_at": "13:00",
            "appointment-ends_at": "14:00",
            "appointment-place": "Jobcenter Aarhus",
            "appointment-with_person": "y",
        },
        form_on=case,
    )
    for page in (karl.open(case), karl.open("/staff/week")):
        text = page.text()
        assert "13.00–14.00" in text
        assert "14:00" not in text


def test_the_examples_and_a_meetings_form_write_the_time_the_danish_way(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    case = karl.open(f"/staff/registrations/{mette['public_id']}")
    hint = case.soup.find(id="appointment-starts_at-hint").get_text(strip=True)
    assert hint == "For eksempel 10.00"

    meeting = add_meeting(app, "751", place="Jobcenter Aarhus", by=karl)
    edit = karl.open(f"/staff/meetings/{meeting}/edit")
    assert edit.soup.find("input", {"name": "starts_at"})["value"] == "10.00"

    page = karl.open("/staff/meetings/new")
    response = karl.post_form(
        "/staff/meetings/new",
        {
            "starts_on": (clock.today() + timedelta(days=7)).isoformat(),
            "starts_at": "kvart over ti",
            "place": "Jobcenter Aarhus",
            "municipality": "751",
            "description_da": "Vi fortæller om job.",
        },
    )
    assert page.status == 200 and response.status_code == 200
    assert "Skriv tiden sådan her: 10.00" in response.get_data(as_text=True)
