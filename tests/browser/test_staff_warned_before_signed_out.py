"""Karl reads a case while he is on the phone with Mette, and the back office would sign him
out after 30 idle minutes. Two minutes before, it says so and offers to stay; one press keeps
him signed in. While he types, he is not idle: what he types keeps the session going. The
page's clock is Playwright's, moved forward: nobody waits half an hour."""

from datetime import timedelta

import pytest
from test_staff_accessibility import sign_in

from app import create_app
from app.core import clock
from app.core.db import connect
from browser_support import LiveServer
from staff import TEST_MUNICIPALITIES, register, staff_member

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def karl_on_a_case(tmp_path, browser):
    database = str(tmp_path / "klapjob.sqlite3")
    app = create_app({"DATABASE": database, "SMTP_HOST": ""})
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    mette = register(app, name="Mette Hansen")
    with LiveServer(app) as server:
        context = browser.new_context(viewport=LAPTOP, base_url=server.url, locale="da-DK")
        page = context.new_page()
        page.clock.install()
        sign_in(page, karl, database)
        page.goto(f"/staff/registrations/{mette['public_id']}")
        yield page, app, database
        context.close()


def session_last_seen(database):
    db = connect(database)
    try:
        return next(db.query("SELECT last_seen_at FROM staff_sessions"))["last_seen_at"]
    finally:
        db.close()


def almost_idle(app, database):
    """The server's side of 28 quiet minutes: the session was last seen then."""
    quiet = timedelta(minutes=app.config["STAFF_IDLE_MINUTES"] - 2)
    db = connect(database)
    db.execute("UPDATE staff_sessions SET last_seen_at = ?", [clock.iso(clock.now() - quiet)])
    db.conn.commit()
    db.close()
    return session_last_seen(database)


def test_two_minutes_before_signing_out_the_back_office_says_so_and_one_press_stays(
    karl_on_a_case,
):
    page, app, database = karl_on_a_case
    warning = page.get_by_role("dialog")
    assert not warning.is_visible()
    page.clock.run_for(f"{app.config['STAFF_IDLE_MINUTES'] - 3}:00")
    assert not warning.is_visible(), "not yet: three minutes are left"
    page.clock.run_for("01:01")
    warning.wait_for(state="visible")
    assert "2 minutter" in warning.inner_text()
    before = almost_idle(app, database)

    with page.expect_response("**/staff/still-here") as answer:
        warning.get_by_role("button", name="Bliv logget ind").click()

    assert answer.value.status == 204
    assert session_last_seen(database) > before
    warning.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.closest('dialog') === null"), "back on the page"


def test_typing_a_note_keeps_the_consultant_signed_in(karl_on_a_case):
    page, app, database = karl_on_a_case
    before = almost_idle(app, database)
    with page.expect_response("**/staff/still-here") as answer:
        page.clock.run_for("05:00")
        page.fill("#contact-note", "Mette fortæller om sin praktik i kantinen.")
    assert answer.value.status == 204
    assert session_last_seen(database) > before
