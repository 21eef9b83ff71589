"""Signing in to the back office: a password, then a code from an app set up with a QR
code at first sign-in; failed attempts slow down then lock the account; idle sessions
end; signing out ends the session for real."""

from datetime import timedelta

import pyotp
import pytest

from app.core import clock
from app.core.db import connect
from app.staff.core.sign_in_guard import (
    LOCK_AFTER_FAILURES,
    failures_of,
    guard_for,
    seconds_to_wait,
)
from app.staff.core.users import check_code, check_password, create_user, hasher, user_by_email
from pages import Page, location_path
from staff import PASSWORD, staff_member


def users_row(app, email):
    db = connect(app.config["DATABASE"])
    try:
        return user_by_email(db, email)
    finally:
        db.close()


def test_passwords_are_stored_as_argon2id_hashes(db):
    create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    stored = next(db.query("SELECT password_hash FROM users"))["password_hash"]
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert hasher.verify(stored, PASSWORD)


def test_a_short_password_is_refused(db):
    with pytest.raises(ValueError):
        create_user(db, "karl@klapjob.dk", "Karl", "consultant", "kort")


def test_a_new_consultant_sets_up_the_app_from_a_qr_code_at_first_sign_in(app):
    karl = staff_member(app)
    response = karl.enter_password()
    assert location_path(response) == "/staff/two-factor/set-up"
    page = karl.open("/staff/two-factor/set-up")
    qr = page.soup.find("img", class_="staff-qr")
    assert qr["src"].startswith("data:image/svg+xml")
    assert qr["alt"]
    shown_secret = page.soup.find(class_="staff-secret").get_text().replace(" ", "")
    assert shown_secret == karl.user.totp_secret
    code_field = page.soup.find("input", {"name": "code"})
    assert code_field["autocomplete"] == "one-time-code"

    response = karl.post_form("/staff/two-factor/set-up", {"code": karl.current_code()})
    assert location_path(response) == "/staff/"
    assert karl.open("/staff/").h1 == "Indbakke"
    assert users_row(app, karl.user.email).totp_confirmed

    karl.sign_out()
    assert location_path(karl.enter_password()) == "/staff/two-factor", "no QR code again"


def test_the_sign_in_form_works_with_password_managers_and_paste(app):
    page = staff_member(app).open("/staff/sign-in")
    email = page.soup.find("input", {"name": "email"})
    password = page.soup.find("input", {"name": "password"})
    assert email["autocomplete"] == "username" and email["type"] == "email"
    assert password["autocomplete"] == "current-password" and password["type"] == "password"
    for field in (email, password):
        assert not any(attribute.startswith("on") for attribute in field.attrs)
    assert "onpaste" not in page.html


def test_a_wrong_code_does_not_sign_in(app):
    karl = staff_member(app)
    karl.enter_password()
    response = karl.post_form("/staff/two-factor/set-up", {"code": "000000"})
    page = Page(response)
    assert response.status_code == 200
    assert page.title.startswith("Fejl:")
    assert page.error_summary_links()[0][0] == "#code"
    assert location_path(karl.client.get("/staff/")).startswith("/staff/sign-in")


def test_a_code_works_only_once(db):
    karl = create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    now = clock.now()
    code = pyotp.TOTP(karl.totp_secret).at(now)
    assert check_code(db, karl, code, now=now)
    karl = user_by_email(db, "karl@klapjob.dk")
    assert not check_code(db, karl, code, now=now), "a used code is spent"
    later = now + timedelta(seconds=30)
    assert check_code(db, karl, pyotp.TOTP(karl.totp_secret).at(later), now=later)


def test_a_code_from_two_minutes_ago_is_refused(db):
    karl = create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    now = clock.now()
    old = pyotp.TOTP(karl.totp_secret).at(now - timedelta(minutes=2))
    assert not check_code(db, karl, old, now=now)


def test_failed_sign_ins_slow_down_then_lock_the_account(app, db):
    create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    now = clock.now()
    waits = []
    with app.test_request_context():
        guard = guard_for("karl@klapjob.dk")
        for _attempt in range(LOCK_AFTER_FAILURES):
            now += timedelta(seconds=waits[-1] if waits else 0)  # wait exactly as long as asked
            result = check_password(db, "karl@klapjob.dk", "forkert", guard, now=now)
            assert result.problem in ("wrong", "locked")
            waits.append(seconds_to_wait(db, guard, now.timestamp())[0])
        assert waits[:2] == [0, 0], "a typo or two costs nothing"
        assert waits[2:9] == sorted(waits[2:9]) and waits[8] > waits[3] > 0, "then it slows down"
        assert result.problem == "locked"
        assert waits[-1] >= 29 * 60, "then the account is locked for 30 minutes"
        right = check_password(db, "karl@klapjob.dk", PASSWORD, guard, now=now)
        assert right.problem == "locked", "even the right password waits"
        assert (
            check_password(
                db, "karl@klapjob.dk", PASSWORD, guard, now=now + timedelta(minutes=31)
            ).problem
            is None
        )


def test_a_slowed_down_account_refuses_even_the_right_password_for_now(app, db):
    create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    now = clock.now()
    with app.test_request_context():
        guard = guard_for("karl@klapjob.dk")
        for _ in range(4):
            check_password(db, "karl@klapjob.dk", "forkert", guard, now=now)
        attempt = check_password(db, "karl@klapjob.dk", PASSWORD, guard, now=now)
    assert attempt.problem == "wait" and attempt.wait_seconds > 0


def test_a_locked_account_is_told_so_and_the_failures_are_logged(app, db):
    from test_staff_sign_in_strangers import seed_failures

    karl = staff_member(app)
    seed_failures(app, karl.user.email, LOCK_AFTER_FAILURES - 1, seconds_ago=600)
    page = Page(karl.enter_password("forkert"))
    assert "Vent 30 minutter" in page.text()
    page = Page(karl.enter_password())
    assert "Vent 30 minutter" in page.text(), "the right password does not open a locked account"
    actions = [
        row["action"]
        for row in db.query(
            "SELECT action FROM audit_log WHERE user_id = ? ORDER BY id", [karl.user.id]
        )
    ]
    assert actions[0] == "locked"


def test_wrong_codes_count_as_failed_sign_ins(app, db):
    karl = staff_member(app)
    karl.sign_in()
    karl.sign_out()
    for _ in range(3):
        karl.enter_password()
        karl.post_form("/staff/two-factor", {"code": "000000"})
    with app.app_context():
        assert failures_of(db, karl.user.email) == 3


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(app):
    karl = staff_member(app)
    wrong_password = Page(karl.enter_password("forkert")).error_summary_links()
    client = app.test_client()
    token = Page(client.get("/staff/sign-in")).csrf_token()
    unknown = Page(
        client.post(
            "/staff/sign-in",
            data={"csrf_token": token, "email": "nobody@klapjob.dk", "password": "forkert"},
        )
    )
    assert unknown.error_summary_links() == wrong_password


STAFF_COOKIE = {"key": "klapjob_staff_session", "path": "/staff"}


def test_signing_in_starts_a_new_session(app):
    karl = staff_member(app)
    karl.open("/staff/sign-in")
    before = karl.client.get_cookie(**STAFF_COOKIE).value
    karl.sign_in()
    after = karl.client.get_cookie(**STAFF_COOKIE).value
    assert before != after
    # An old copy of the cookie from before sign-in opens nothing.
    stranger = app.test_client()
    stranger.set_cookie(value=before, **STAFF_COOKIE)
    assert location_path(stranger.get("/staff/")).startswith("/staff/sign-in")


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app):
    karl = staff_member(app).sign_in()
    copied = karl.client.get_cookie(**STAFF_COOKIE).value
    response = karl.sign_out()
    assert location_path(response) == "/staff/sign-in"
    thief = app.test_client()
    thief.set_cookie(value=copied, **STAFF_COOKIE)
    assert location_path(thief.get("/staff/")).startswith("/staff/sign-in")


def test_a_staff_session_ends_after_the_idle_period(app, db):
    karl = staff_member(app).sign_in()
    assert karl.client.get("/staff/").status_code == 200
    idle = app.config["STAFF_IDLE_MINUTES"] + 1
    stale = (clock.now() - timedelta(minutes=idle)).isoformat(timespec="seconds")
    db.execute("UPDATE staff_sessions SET last_seen_at = ?", [stale])
    db.conn.commit()
    response = karl.client.get("/staff/follow-ups")
    assert location_path(response) == "/staff/sign-in?next=/staff/follow-ups"
    page = karl.open(location_path(response))
    assert "ikke havde brugt" in page.text()
    assert next(db.query("SELECT count(*) AS n FROM staff_sessions"))["n"] == 0


def test_after_signing_in_again_the_consultant_returns_to_the_page_they_asked_for(app):
    karl = staff_member(app)
    karl.client.get("/staff/follow-ups")
    karl.open("/staff/sign-in?next=/staff/follow-ups")
    response = karl.enter_password()
    response = karl.post_form(location_path(response), {"code": karl.current_code()})
    assert location_path(response) == "/staff/follow-ups"


def test_citizens_keep_their_session_without_a_time_limit(app):
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None
    client = app.test_client()
    client.get("/register/name")
    cookie = client.get_cookie("klapjob_session")
    assert cookie is None or cookie.expires is None, "the citizen's cookie ends with the browser"


def test_a_deactivated_user_is_signed_out_at_once(app):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app).sign_in()
    anna.post_form(
        f"/staff/users/{karl.public_id}", {"name": "Karl Konsulent", "role": "consultant"}
    )
    assert location_path(karl.client.get("/staff/")).startswith("/staff/sign-in")
    assert Page(karl.enter_password()).error_summary_links()


def test_the_command_line_creates_the_first_admin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["users", "create", "anna@klapjob.dk", "--role", "admin", "--name", "Anna"],
        input=f"{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "otpauth://totp/KLAPjob:anna%40klapjob.dk?secret=" in result.output
    assert users_row(app, "anna@klapjob.dk").role == "admin"
    again = runner.invoke(
        args=["users", "create", "anna@klapjob.dk", "--role", "admin"], input=f"{PASSWORD}\n"
    )
    assert again.exit_code != 0
    short = runner.invoke(
        args=["users", "create", "karl@klapjob.dk", "--role", "consultant"], input="kort\n"
    )
    assert short.exit_code != 0 and "12" in short.output


def test_an_admin_opens_a_locked_account_and_resets_a_lost_phone(app, db):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app)
    from test_staff_sign_in_strangers import seed_failures

    seed_failures(app, karl.user.email, 12)
    page = anna.open(f"/staff/users/{karl.public_id}")
    assert "Lås kontoen op" in page.text()
    anna.post_form(
        f"/staff/users/{karl.public_id}/unlock", {}, form_on=f"/staff/users/{karl.public_id}"
    )
    assert location_path(karl.enter_password()) == "/staff/two-factor/set-up"
    karl.sign_in()
    anna.post_form(
        f"/staff/users/{karl.public_id}/reset-two-factor",
        {},
        form_on=f"/staff/users/{karl.public_id}",
    )
    assert location_path(karl.client.get("/staff/")).startswith("/staff/sign-in")
    assert location_path(karl.enter_password()) == "/staff/two-factor/set-up"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/register/who"])
def test_after_sign_in_nobody_is_sent_outside_the_back_office(app, target):
    karl = staff_member(app)
    karl.client.get("/staff/sign-in", query_string={"next": target})
    response = karl.enter_password()
    response = karl.post_form(location_path(response), {"code": karl.current_code()})
    assert location_path(response) == "/staff/"


def test_a_right_password_waits_only_ten_minutes_for_the_code(app):
    karl = staff_member(app)
    karl.enter_password()
    with karl.client.session_transaction("/staff/two-factor") as session:
        session["staff_pending"]["since"] = "2020-01-01T00:00:00+00:00"
        session.modified = True
    response = karl.client.get("/staff/two-factor/set-up")
    assert location_path(response) == "/staff/sign-in"
