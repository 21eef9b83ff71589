"""Input that a stranger (or a slip of a finger) sends: the site answers with a kind message
or a page, never a server error. Each test here is a 500 that was found by hand; the fuzz
test (test_fuzz_routes.py) looks for the ones nobody found yet."""

from datetime import timedelta

from app.core import clock
from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, register, sign_up_for_meeting, staff_member
from test_meetings_and_ambassadors import add_meeting

THIRTY_DIGITS = "9" * 30


def test_a_page_number_with_thirty_digits_shows_the_last_page_of_the_inbox_and_the_log(app):
    register(app)
    admin = staff_member(app, "admin").sign_in()
    for url in (
        f"/staff/?page={THIRTY_DIGITS}",
        f"/staff/audit?page={THIRTY_DIGITS}",
        "/staff/?page=-5",
        "/staff/audit?page=1e9",
    ):
        page = admin.open(url)
        assert page.status == 200, url


def job_form(karl, row, **values):
    fields = {
        "job-praktik_start": "",
        "job-job_start": "",
        "job-employer": "",
        "job-hours": "",
        "job-note": "",
    }
    fields.update({f"job-{name}": value for name, value in values.items()})
    url = f"/staff/registrations/{row['public_id']}"
    return karl.post_form(f"{url}/job", fields, form_on=url)


def test_hours_that_are_not_a_number_get_a_kind_message(app):
    row = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    for hours in ("sNaN", "NaN", "-Infinity", "1e400"):
        response = job_form(karl, row, hours=hours)
        assert response.status_code == 200, hours
        assert ("job-hours", "Skriv timer om ugen som et tal fra 0 til 60") in [
            (href.lstrip("#"), text) for href, text in Page(response).error_summary_links()
        ], hours


def test_a_job_start_far_in_the_future_is_refused_and_pages_stay_open(app):
    row = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = f"/staff/registrations/{row['public_id']}"
    karl.post_form(
        f"{url}/status",
        {"status-status": "in_job", "status-reason": "", "status-note": ""},
        form_on=url,
    )
    response = job_form(karl, row, job_start="9999-12-31")
    links = Page(response).error_summary_links()
    assert response.status_code == 200 and links and links[0][0] == "#job-job_start", links
    for url_after in (url, "/staff/follow-ups"):
        assert karl.open(url_after).status == 200, url_after


def test_a_far_date_already_in_the_database_does_not_close_the_registration(app, db):
    """A date stored before the bounds existed: every page that works out follow-ups
    still opens, for everybody."""
    row = register(app)
    db.execute(
        "UPDATE registrations SET job_start = '9999-12-31', status = 'in_job' WHERE id = ?",
        [row["id"]],
    )
    db.conn.commit()
    admin = staff_member(app, "admin").sign_in()
    for url in (
        f"/staff/registrations/{row['public_id']}",
        "/staff/follow-ups",
        f"/staff/registrations/{row['public_id']}/data.json",
        f"/staff/registrations/{row['public_id']}/print",
    ):
        assert admin.open(url).status == 200, url


def test_a_meeting_day_must_be_within_the_coming_years(app):
    admin = staff_member(app, "admin").sign_in()
    for day in ("9999-12-31", "0001-01-01", (clock.today() - timedelta(days=400)).isoformat()):
        response = admin.post_form(
            "/staff/meetings/new",
            {
                "starts_on": day,
                "starts_at": "10:00",
                "ends_at": "",
                "place": "Rådhuset",
                "municipality": "751",
                "description_da": "Vi fortæller om job.",
                "description_en": "",
            },
        )
        assert response.status_code == 200, day
        assert Page(response).error_summary_links()[0][0] == "#starts_on", day


def test_line_breaks_in_a_next_address_never_reach_a_header(client, app):
    for url in (
        "/listen/speed/slow?next=/%0D%0ASet-Cookie:%20x=1",
        "/language/en?next=/%0ALocation:%20https://evil.example",
        "/settings?next=/%0D%0Ax",
    ):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert "\n" not in response.headers.get("Location", "") and "Set-Cookie: x" not in str(
            response.headers
        )


def test_line_breaks_in_next_after_the_staff_code_are_ignored(app):
    karl = staff_member(app)
    karl.open("/staff/sign-in?next=/staff/%0D%0ASet-Cookie:%20x=1")
    response = karl.enter_password()
    response = karl.post_form(location_path(response), {"code": karl.current_code()})
    assert response.status_code == 302
    assert location_path(response) == "/staff/"


def test_a_citizen_with_a_draft_can_send_nonsense_to_every_step(client):
    visitor = Visitor(client)
    visitor.answer("who", {"filled_by": "self"})
    for value in ("\x00", "x" * 5000, "<script>", THIRTY_DIGITS):
        response = visitor.answer("name", {"name": value})
        assert response.status_code < 500, repr(value[:10])
    token = visitor.open("/register/name").csrf_token()
    response = client.post(
        "/register/name",
        data=f"csrf_token={token}&name=%FF%FE%ED%A0%80".encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code < 500, "bytes that are not UTF-8"


# Questions MYSELF_IN_AARHUS is not asked: she answers herself, and wants a phone call.
HIDDEN_FOR_METTE = ("helper", "email")
# Questions a new visitor is not asked yet: each depends on an earlier answer.
HIDDEN_FOR_A_NEW_VISITOR = ("helper", "phone", "email", "stu_end", "pension")


def test_a_question_posted_without_its_security_token_never_fails_even_when_it_is_hidden(
    client,
):
    """A page left open until its security token is gone: the person gets a kind page that
    asks them to press the button again, also for a question they would not be asked."""
    for step_key in HIDDEN_FOR_A_NEW_VISITOR:
        response = client.post(f"/register/{step_key}")
        assert response.status_code == 400, f"a new visitor, {step_key}"
        assert Page(response).h1 == "Tryk på knappen igen", step_key
    visitor = Visitor(client)
    visitor.answer_all(MYSELF_IN_AARHUS)
    for step_key in HIDDEN_FOR_METTE:
        response = client.post(f"/register/{step_key}", data={"name": "Mette"})
        assert response.status_code == 400, f"with a draft, {step_key}"
        assert Page(response).h1 == "Tryk på knappen igen", step_key
    response = client.post("/register/name", data={"name": "Mette Jensen"})
    assert response.status_code == 400
    assert Page(response).field_value("name") == "Mette Jensen", "what was typed is kept"


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_a_consultant_whose_phone_types_arabic_digits_signs_in_with_the_code(app):
    karl = staff_member(app)
    karl.enter_password()
    code = karl.current_code().translate(ARABIC_INDIC)
    response = karl.post_form("/staff/two-factor/set-up", {"code": code})
    assert response.status_code == 302
    assert karl.open("/staff/").status == 200


def test_a_code_in_small_raised_digits_is_a_wrong_code_with_a_kind_message(app):
    karl = staff_member(app)
    karl.enter_password()
    for code in ("¹²³⁴⁵⁶", "12345²", "１２３４５６７"):
        response = karl.post_form("/staff/two-factor/set-up", {"code": code})
        page = Page(response)
        assert response.status_code == 200, repr(code)
        assert page.error_summary_links()[0][0] == "#code", repr(code)


def test_a_meeting_sign_up_number_too_big_for_the_database_is_refused(app):
    meeting = add_meeting(app, "751")
    sign_up_for_meeting(app, meeting, "Ali Hassan")
    admin = staff_member(app, "admin").sign_in()
    for number in ("9" * 400, "9" * 19):
        response = admin.post_form(
            "/staff/registrations/new/from-signup",
            {"signup": number},
            form_on="/staff/registrations/new",
        )
        assert response.status_code == 400, f"from the sign-up {number[:5]}..."
        response = admin.post_form(
            f"/staff/meetings/{meeting}/signups/{number}/attendance",
            {"attended": "1"},
            form_on=f"/staff/meetings/{meeting}",
        )
        assert response.status_code == 404, f"attendance of {number[:5]}..."
