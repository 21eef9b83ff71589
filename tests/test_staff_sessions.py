"""A staff member's sessions: the back office has a cookie of its own (its own name, only
sent to /staff), and a person sees where they are signed in and, after typing their
password again, signs out everywhere else."""

from pages import Page, location_path
from people import Visitor
from staff import PASSWORD, staff_member

STAFF_COOKIE = "klapjob_staff_session"


def sessions_page(member):
    return member.open("/staff/account/sessions")


def end_sessions(member, password, page=None):
    page = page or sessions_page(member)
    others = [box["value"] for box in page.soup.select("input[name=sessions]")]
    return member.post_form("/staff/account/sessions", {"password": password, "sessions": others})


def test_the_back_office_has_its_own_cookie_only_for_its_own_pages(app):
    karl = staff_member(app)
    karl.open("/staff/sign-in")
    response = karl.enter_password()
    staff_cookies = [
        header
        for header in response.headers.getlist("Set-Cookie")
        if header.startswith(f"{STAFF_COOKIE}=")
    ]
    assert staff_cookies and all("Path=/staff" in header for header in staff_cookies)
    karl.post_form(location_path(response), {"code": karl.current_code()})
    assert karl.client.get_cookie(STAFF_COOKIE, path="/staff") is not None
    assert karl.client.get_cookie("klapjob_session") is None, "no citizen cookie for staff"
    assert karl.client.get("/staff/").status_code == 200


def test_a_citizens_session_cookie_opens_nothing_in_the_back_office(app):
    karl = staff_member(app).sign_in()
    staff_value = karl.client.get_cookie(STAFF_COOKIE, path="/staff").value
    stranger = app.test_client()
    stranger.set_cookie("klapjob_session", staff_value)
    assert location_path(stranger.get("/staff/")).startswith("/staff/sign-in")
    mette = Visitor(app.test_client())
    mette.answer("who", {"filled_by": "self"})
    citizen_value = mette.client.get_cookie("klapjob_session").value
    forger = app.test_client()
    forger.set_cookie(STAFF_COOKIE, citizen_value, path="/staff")
    assert location_path(forger.get("/staff/")).startswith("/staff/sign-in")


def test_a_consultant_sees_where_they_are_signed_in_and_signs_out_everywhere_else(app):
    karl = staff_member(app).sign_in()
    karl_at_home = karl.in_another_browser().sign_in()
    page = sessions_page(karl)
    assert page.h1 == "Hvor er du logget ind?"
    assert len(page.soup.select(".staff-session")) == 2
    assert "Denne browser" in page.text()
    assert len(page.soup.select("input[name=sessions]")) == 1, "this browser is not ticked"

    wrong = Page(end_sessions(karl, "forkert adgangskode", page))
    assert wrong.title.startswith("Fejl:")
    assert wrong.error_summary_links()[0][0] == "#password"
    assert karl_at_home.client.get("/staff/").status_code == 200

    before = karl.client.get_cookie(STAFF_COOKIE, path="/staff").value
    response = end_sessions(karl, PASSWORD)
    assert location_path(response) == "/staff/account/sessions"
    assert location_path(karl_at_home.client.get("/staff/")).startswith("/staff/sign-in")
    page = sessions_page(karl)
    assert len(page.soup.select(".staff-session")) == 1
    assert karl.client.get_cookie(STAFF_COOKIE, path="/staff").value != before, (
        "typing the password again gives this browser a new session"
    )


def test_nobody_ends_another_persons_session(app, db):
    karl = staff_member(app).sign_in()
    lise = staff_member(app, email="lise@klapjob.dk", name="Lise Larsen").sign_in()
    [karls] = [row["public_id"] for row in db.query("SELECT public_id FROM staff_sessions")][:1]
    lise.post_form("/staff/account/sessions", {"password": PASSWORD, "sessions": [karls]})
    assert karl.client.get("/staff/").status_code == 200


def test_a_new_role_means_signing_in_again(app):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app).sign_in()
    anna.post_form(
        f"/staff/users/{karl.public_id}",
        {"name": "Karl Konsulent", "role": "admin", "active": "y"},
    )
    assert location_path(karl.client.get("/staff/")).startswith("/staff/sign-in")


def test_a_form_token_from_the_citizens_side_does_not_work_in_the_back_office(app):
    browser = app.test_client()
    citizen_token = Page(browser.get("/register/who")).csrf_token()
    karl = staff_member(app)
    response = browser.post(
        "/staff/sign-in",
        data={"csrf_token": citizen_token, "email": karl.user.email, "password": PASSWORD},
    )
    assert "Location" not in response.headers, "the right password leads nowhere"
    assert "Tryk på knappen igen" in Page(response).text()
