"""Staff passwords: a person chooses their own (an admin's first password or reset works
for one sign-in), changes it with the current one, and common or guessable passwords are
refused by a maintained estimator (zxcvbn). A change or a reset signs out every other
browser and tells the person by mail."""

import pytest

from app.core.db import connect
from app.staff.core.passwords import PasswordProblem, check_password_rules
from app.staff.core.users import create_user, user_by_email
from pages import Page, location_path
from staff import PASSWORD, StaffMember, staff_member

NEW_PASSWORD = "kaffe på kontoret hver tirsdag morgen"
FIRST_PASSWORD = "blå cykel ved søen i regnvejr"


def new_user_form(password, name="Lise Larsen", email="lise@klapjob.dk"):
    return {"name": name, "email": email, "role": "consultant", "password": password}


def member_for(app, email, password):
    """A person who got an account from an admin, at a browser of their own."""
    db = connect(app.config["DATABASE"])
    user = user_by_email(db, email)
    db.close()
    member = StaffMember.__new__(StaffMember)
    member.app, member.client, member.user = app, app.test_client(), user
    member.password = password
    return member


def signed_in_with_code(member, password):
    response = member.enter_password(password)
    return member.post_form(location_path(response), {"code": member.current_code()})


def change_password(member, current, new, again=None):
    return member.post_form(
        "/staff/account/password",
        {"current_password": current, "new_password": new, "new_password_again": again or new},
    )


@pytest.mark.parametrize("password", ["password1234", "Konsulent1234", "qwertyuiop123"])
def test_a_common_password_is_refused(db, password):
    with pytest.raises(PasswordProblem):
        check_password_rules(password)
    with pytest.raises(ValueError):
        create_user(db, "karl@klapjob.dk", "Karl", "consultant", password)


def test_a_password_made_of_the_persons_own_name_and_address_is_refused():
    guessable = "lise larsen 1"
    check_password_rules(guessable)  # a stranger's name is just letters
    with pytest.raises(PasswordProblem):
        check_password_rules(guessable, user_inputs=("Lise Larsen", "lise@klapjob.dk"))


def test_a_long_passphrase_is_welcome():
    check_password_rules(NEW_PASSWORD, user_inputs=("Karl Konsulent", "karl@klapjob.dk"))
    check_password_rules(f"{NEW_PASSWORD} og {NEW_PASSWORD}")  # longer than zxcvbn reads


def test_an_admin_is_told_kindly_that_a_first_password_is_too_easy_to_guess(app):
    anna = staff_member(app, "admin").sign_in()
    page = Page(anna.post_form("/staff/users/new", new_user_form("password1234")))
    assert page.title.startswith("Fejl:")
    [(link, message)] = page.error_summary_links()
    assert link == "#password"
    assert "sværere at gætte" in message


def test_a_new_consultant_chooses_their_own_password_at_first_sign_in(app):
    anna = staff_member(app, "admin").sign_in()
    anna.post_form("/staff/users/new", new_user_form(FIRST_PASSWORD))
    lise = member_for(app, "lise@klapjob.dk", FIRST_PASSWORD)
    response = signed_in_with_code(lise, FIRST_PASSWORD)
    assert location_path(response) == "/staff/account/password"
    assert location_path(lise.client.get("/staff/")) == "/staff/account/password"
    page = lise.open("/staff/account/password")
    assert page.h1 == "Vælg din egen adgangskode"
    new_field = page.soup.find("input", {"name": "new_password"})
    assert new_field["autocomplete"] == "new-password" and new_field["type"] == "password"

    same = Page(change_password(lise, FIRST_PASSWORD, FIRST_PASSWORD))
    assert same.error_summary_links()[0][0] == "#new_password"
    response = change_password(lise, FIRST_PASSWORD, NEW_PASSWORD)
    assert location_path(response) == "/staff/"
    assert lise.open("/staff/").h1 == "Indbakke"
    lise.sign_out()
    assert Page(lise.enter_password(FIRST_PASSWORD)).error_summary_links(), "the first is spent"
    assert location_path(signed_in_with_code(lise, NEW_PASSWORD)) == "/staff/"


def test_changing_the_password_needs_the_current_one(app, db):
    karl = staff_member(app).sign_in()
    page = Page(change_password(karl, "forkert gammel adgangskode", NEW_PASSWORD))
    assert page.title.startswith("Fejl:")
    assert page.error_summary_links()[0][0] == "#current_password"
    failed = db.query("SELECT action FROM audit_log WHERE action = 'sign_in_failed'")
    assert len(list(failed)) == 1, "a wrong current password counts like a failed sign-in"
    karl.sign_out()
    assert location_path(karl.enter_password(PASSWORD)) == "/staff/two-factor"


def test_a_guessable_new_password_is_refused_next_to_the_field(app):
    karl = staff_member(app).sign_in()
    page = Page(change_password(karl, PASSWORD, "Konsulent1234"))
    [(link, message)] = page.error_summary_links()
    assert link == "#new_password" and "sværere at gætte" in message


def test_a_change_signs_out_every_other_browser_and_tells_the_person(app_with_mail, mail_server):
    app = app_with_mail
    karl = staff_member(app).sign_in()
    karl_at_home = karl.in_another_browser().sign_in()
    before = karl.client.get_cookie("klapjob_staff_session", path="/staff").value
    response = change_password(karl, PASSWORD, NEW_PASSWORD)
    assert location_path(response) == "/staff/"
    assert "Din adgangskode er skiftet" in karl.open("/staff/").text()
    after = karl.client.get_cookie("klapjob_staff_session", path="/staff").value
    assert after != before, "a new session after the change"
    assert location_path(karl_at_home.client.get("/staff/")).startswith("/staff/sign-in")
    [message] = mail_server.inbox.messages
    assert message["To"] == "karl@klapjob.dk"
    assert "adgangskode" in message["Subject"]
    assert NEW_PASSWORD not in mail_server.inbox.bodies()[0]


def test_an_admin_resets_a_password_and_the_person_chooses_a_new_one_and_a_new_app(
    app_with_mail, mail_server
):
    app = app_with_mail
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app).sign_in()
    old_secret = karl.user.totp_secret
    edit_page = f"/staff/users/{karl.public_id}"
    refused = Page(
        anna.post_form(
            f"{edit_page}/reset-password", {"temporary_password": "password1234"}, form_on=edit_page
        )
    )
    assert refused.error_summary_links()[0][0] == "#temporary_password"
    response = anna.post_form(
        f"{edit_page}/reset-password", {"temporary_password": FIRST_PASSWORD}, form_on=edit_page
    )
    assert location_path(response) == edit_page
    assert location_path(karl.client.get("/staff/")).startswith("/staff/sign-in")
    assert Page(karl.enter_password(PASSWORD)).error_summary_links(), "the old one is gone"
    assert location_path(karl.enter_password(FIRST_PASSWORD)) == "/staff/two-factor/set-up"
    code = karl.current_code()
    assert karl.user.totp_secret != old_secret, "the app is set up again with a new secret"
    response = karl.post_form("/staff/two-factor/set-up", {"code": code})
    assert location_path(response) == "/staff/account/password"
    assert location_path(change_password(karl, FIRST_PASSWORD, NEW_PASSWORD)) == "/staff/"
    subjects = [message["Subject"] for message in mail_server.inbox.messages]
    assert any("nulstillet" in subject for subject in subjects), subjects
    assert all(FIRST_PASSWORD not in body for body in mail_server.inbox.bodies())


def test_the_command_line_refuses_a_guessable_password(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "karl@klapjob.dk", "--role", "consultant"],
        input="password1234\n",
    )
    assert result.exit_code != 0 and "gætte" not in result.output
    assert "guess" in result.output


def test_a_lost_phone_reset_is_mailed_to_the_person(app_with_mail, mail_server):
    anna = staff_member(app_with_mail, "admin").sign_in()
    karl = staff_member(app_with_mail)
    edit_page = f"/staff/users/{karl.public_id}"
    anna.post_form(f"{edit_page}/reset-two-factor", {}, form_on=edit_page)
    [message] = mail_server.inbox.messages
    assert message["To"] == "karl@klapjob.dk"
    assert message["Subject"] == "Din godkendelsesapp er nulstillet"
