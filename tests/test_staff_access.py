"""Access control on every staff route: anonymous people reach nothing, a consultant
reaches no admin page, and a registration cannot be reached by guessing its address.
The test walks the URL map, so a new route without a declared access fails here."""

import pytest

from app.staff.core.permissions import LEVELS
from pages import Page, location_path
from staff import register, staff_member

ADMIN_ONLY = {
    "staff.municipalities",
    "staff.users",
    "staff.new_user",
    "staff.edit_user",
    "staff.unlock_user",
    "staff.reset_user_two_factor",
    "staff.audit_log",
    "staff.person_json",
    "staff.person_print",
    "staff.delete_registration",
    "staff.request_register",
    "staff.request_done",
}
BEFORE_SIGN_IN = {"staff.sign_in", "staff.two_factor", "staff.set_up_two_factor"}


@pytest.fixture
def app(app):
    # Access is what is tested here: CSRF has its own test below.
    app.config["WTF_CSRF_ENABLED"] = False
    return app


def staff_routes(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("staff.")]


def url_of(rule, public_ids):
    return (
        rule.rule.replace("<public_id>", public_ids.get(rule.endpoint, "no-such-id"))
        .replace("<int:signup_id>", "1")
        .replace("<int:number>", "1")
    )


def test_every_staff_route_declares_who_may_use_it(app):
    routes = staff_routes(app)
    assert len(routes) > 20
    for rule in routes:
        access = getattr(app.view_functions[rule.endpoint], "staff_access", None)
        assert access in LEVELS, f"{rule.endpoint} declares no access"
        if rule.endpoint in ADMIN_ONLY:
            assert access == "admin", rule.endpoint


def test_anonymous_people_reach_no_staff_page(app):
    mette = register(app)
    client = app.test_client()
    for rule in staff_routes(app):
        if rule.endpoint in BEFORE_SIGN_IN:
            continue
        url = url_of(rule, {rule.endpoint: mette["public_id"]})
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(url, method=method)
            assert response.status_code == 302, f"{method} {url}"
            assert location_path(response).startswith("/staff/sign-in"), f"{method} {url}"


def test_the_code_pages_need_a_right_password_first(app):
    client = app.test_client()
    for url in ("/staff/two-factor", "/staff/two-factor/set-up"):
        assert location_path(client.get(url)) == "/staff/sign-in"
        assert location_path(client.post(url, data={"code": "123456"})) == "/staff/sign-in"


def test_a_consultant_reaches_no_admin_page(app):
    mette = register(app)
    karl = staff_member(app, "consultant").sign_in()
    for rule in staff_routes(app):
        if rule.endpoint not in ADMIN_ONLY:
            continue
        url = url_of(rule, {}).replace("no-such-id", mette["public_id"])
        if "/users/" in url:
            url = url.replace(mette["public_id"], karl.public_id)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = karl.client.open(url, method=method)
            assert response.status_code == 403, f"{method} {url}"


def test_an_admin_reaches_every_admin_page(app):
    mette = register(app)
    anna = staff_member(app, "admin").sign_in()
    for rule in staff_routes(app):
        if rule.endpoint in ADMIN_ONLY and "GET" in rule.methods:
            url = rule.rule.replace(
                "<public_id>", anna.public_id if "/users/" in rule.rule else mette["public_id"]
            )
            assert anna.client.get(url).status_code == 200, url


def test_a_registration_is_not_reached_by_its_row_id_or_its_reference(app):
    mette = register(app)
    anna = staff_member(app, "admin").sign_in()
    assert anna.client.get(f"/staff/registrations/{mette['public_id']}").status_code == 200
    # One letter off: a random id may itself end in "x", so the changed letter is another.
    last = "y" if mette["public_id"].endswith("x") else "x"
    for guess in (str(mette["id"]), mette["reference"], mette["public_id"][:-1] + last):
        assert anna.client.get(f"/staff/registrations/{guess}").status_code == 404


def test_a_consultant_cannot_open_a_colleagues_registration(app):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app, "consultant", name="Karl Konsulent").sign_in()
    lise = staff_member(app, "consultant", name="Lise Larsen")
    mette = register(app)
    anna.post_form(
        f"/staff/registrations/{mette['public_id']}/consultant",
        {"assign-consultant": lise.public_id},
        form_on=f"/staff/registrations/{mette['public_id']}",
    )
    for path in ("", "/status", "/job", "/note", "/follow-up", "/consultant"):
        url = f"/staff/registrations/{mette['public_id']}{path}"
        method = "GET" if not path else "POST"
        assert karl.client.open(url, method=method).status_code == 404, url
    assert mette["reference"] not in karl.open("/staff/").html


def test_a_form_without_its_security_token_is_refused(app):
    app.config["WTF_CSRF_ENABLED"] = True
    mette = register(app)
    karl = staff_member(app, "consultant").sign_in()
    response = karl.client.post(
        f"/staff/registrations/{mette['public_id']}/status", data={"status-status": "closed"}
    )
    assert response.status_code == 400


def assert_kept_out_of_search_engines_and_caches(page):
    assert page.status == 200
    assert page.soup.find("meta", {"name": "robots"})["content"].startswith("noindex")
    assert page.response.headers["Cache-Control"] == "no-store"


def test_the_sign_in_page_is_kept_out_of_search_engines_and_caches(app):
    page = Page(app.test_client().get("/staff/sign-in"))
    assert page.soup.find("input", {"name": "password"}) is not None
    assert_kept_out_of_search_engines_and_caches(page)


def test_staff_pages_are_kept_out_of_search_engines_and_caches(app):
    karl = staff_member(app, "consultant").sign_in()
    for url in ("/staff/", "/staff/statistics"):
        assert_kept_out_of_search_engines_and_caches(karl.open(url))
