"""The back office in a real browser at 1024 x 768: every page, in Danish and English,
checked by axe-core for WCAG 2.2 A and AA, with a screenshot of each; and signing in
with the keyboard alone."""

from datetime import datetime, timedelta
from decimal import Decimal

import pyotp
import pytest

from app import create_app
from app.core import clock
from app.core.db import connect
from app.staff.cases.data.appointments import add_appointment
from app.staff.cases.data.next_steps import set_next_step
from app.staff.cases.data.placements import add_placement
from app.staff.core.access import visible_registration
from app.staff.core.sessions import start_session
from app.staff.core.users import user_by_id
from app.staff.meetings.data.ambassadors import add_ambassador
from app.web.page_state_setup import add_meeting
from browser_support import (
    TABLET_LANDSCAPE,
    LiveServer,
    axe_violations,
    horizontal_overflow,
    screenshot,
)
from focus_appearance import FocusWalk
from people import HELPED_BY_SUPPORT_WORKER
from staff import PASSWORD, register, sign_up_for_meeting, staff_member

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def back_office(tmp_path_factory):
    database = tmp_path_factory.mktemp("staff") / "klapjob.sqlite3"
    app = create_app({"DATABASE": str(database), "SMTP_HOST": ""})
    anna = staff_member(app, "admin", name="Anna Admin")
    karl = staff_member(app, "consultant", name="Karl Konsulent")
    mette = register(app, name="Mette Hansen", health="Jeg har autisme.")
    ali = register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    # Mette again, without health answers: a likely duplicate to compare (Ali is not one).
    twin = register(app, name="Mette Hansen", health="", strengths_text="Jeg er god til dyr.")
    app.config["TOUR_MERGE"] = (twin["public_id"], ali["public_id"])
    db = connect(str(database))
    db.execute(
        "UPDATE registrations SET job_start = '2025-01-10', status = 'in_job', "
        "employer = 'Netto' WHERE id = ?",
        [mette["id"]],
    )
    db.conn.commit()
    meeting = add_meeting(app)
    sign_up_for_meeting(app, meeting, "Ali Khan")
    # Two ambassadors, so the match list shows its table and an ambassador can be changed.
    add_ambassador(
        db, name="Sofie Lund", phone="+4530405060", municipality_code="751", line_of_work="kitchen"
    )
    add_ambassador(db, name="Bo Berg", phone="+4531415161", municipality_code="101")
    app.config["TOUR_AMBASSADOR"] = next(
        db.query("SELECT public_id FROM ambassadors WHERE name = 'Sofie Lund'")
    )["public_id"]
    db.close()
    app.config["TOUR_MEETING"] = meeting
    give_anna_a_working_day(app, str(database), anna, mette)
    with LiveServer(app) as server:
        yield server, anna, karl, mette


def give_anna_a_working_day(app, database, anna, mette):
    """Mette's case is Anna's, with a next step, a meeting, a work trial and a job, so the
    new pages of the consultant's day have something to show."""
    db = connect(database)
    db.execute(
        "UPDATE registrations SET consultant_id = ? WHERE id = ?", [anna.user.id, mette["id"]]
    )
    db.conn.commit()
    user = user_by_id(db, anna.user.id)
    case = visible_registration(db, user, mette["public_id"])
    today = clock.today()
    with app.test_request_context():
        set_next_step(db, user, case, kind="jobcentre", due_on=today, note="Ring til jobcentret.")
        add_appointment(
            db,
            user,
            case,
            starts_at=datetime(today.year, today.month, today.day, 10),
            ends_at=None,
            place="Jobcenter Aarhus",
            attendees=["person", "jobcentre"],
        )
        add_placement(
            db,
            user,
            case,
            kind="praktik",
            workplace="Netto Aarhus C",
            starts_on=today - timedelta(days=90),
            ends_on=today - timedelta(days=20),
            hours=Decimal("7.5"),
            contact_name="Jens Butik",
        )
    db.close()


def sign_in(page, member, database):
    """Through the pages, with a code computed as the phone's app would."""
    page.goto("/staff/sign-in")
    page.fill("#email", member.user.email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    db = connect(database)
    db.execute("UPDATE users SET totp_last_step = 0 WHERE id = ?", [member.user.id])
    db.conn.commit()
    db.close()
    page.fill("#code", pyotp.TOTP(member.user.totp_secret).now())
    page.click("main button[type=submit]")
    # The click returns once the next page commits; its body may not exist yet,
    # and a Tab pressed then lands nowhere. Wait for the inbox to finish loading.
    page.wait_for_url("**/staff/", wait_until="load")


def admin_tour(page, mette, anna, meeting, ambassador, karl, database):
    """Yields a name for each page state, with `page` showing it."""
    case = f"/staff/registrations/{mette['public_id']}"
    for name, path in (
        ("inbox", "/staff/"),
        ("inbox-filtered", "/staff/?municipality=751&ambassador=y"),
        ("registration", case),
        ("follow-ups", "/staff/follow-ups"),
        ("statistics", "/staff/statistics"),
        ("export", "/staff/export"),
        ("municipalities", "/staff/municipalities"),
        ("users", "/staff/users"),
        ("new-user", "/staff/users/new"),
        ("edit-user", f"/staff/users/{anna.public_id}"),
        ("edit-other-user", f"/staff/users/{karl.public_id}"),
        ("change-password", "/staff/account/password"),
        ("audit-log", "/staff/audit"),
        ("print", f"{case}/print"),
        ("delete", f"{case}/delete"),
        ("not-found", "/staff/registrations/guessed-id"),
        ("ambassadors", "/staff/ambassadors"),
        ("new-ambassador", "/staff/ambassadors/new"),
        ("edit-ambassador", f"/staff/ambassadors/{ambassador}/edit"),
        ("match-ambassador", f"{case}/ambassador"),
        ("meetings", "/staff/meetings"),
        ("new-meeting", "/staff/meetings/new"),
        ("meeting", f"/staff/meetings/{meeting}"),
        ("edit-meeting", f"/staff/meetings/{meeting}/edit"),
        ("person-requests", f"{case}/requests"),
        ("requests", "/staff/requests"),
        ("device", "/staff/device"),
        ("find-draft", "/staff/drafts"),
        ("new-registration", "/staff/registrations/new"),
        ("week", "/staff/week"),
        ("reports", "/staff/reports?municipality=751"),
        ("inbox-closed", "/staff/?status=closed&order=newest"),
    ):
        page.goto(path)
        yield name
    page.goto("/staff/reports?municipality=751")
    page.click("form[data-keep-report] button[type=submit]")
    page.wait_for_url("**/staff/reports/sent/**")
    yield "sent-report"
    page.goto(case)
    page.select_option("#status-status", "closed")
    page.click("form[action$='/status'] button[type=submit]")
    yield "registration-error"
    page.goto(case)
    page.fill("#placement-hours", "syv")
    page.click("form[action$='/placements'] button[type=submit]")
    yield "placement-error"
    yield from corrections_tour(page, case, database)
    page.goto("/staff/users/new")
    page.click("main form button[type=submit]")
    yield "new-user-error"
    for name, path in (
        ("change-password-error", "/staff/account/password"),
        ("new-meeting-error", "/staff/meetings/new"),
        ("new-ambassador-error", "/staff/ambassadors/new"),
        ("find-draft-error", "/staff/drafts"),
        ("person-requests-error", f"{case}/requests"),
    ):
        page.goto(path)
        page.click("main form button[type=submit]")
        yield name
    yield from registration_by_phone_tour(page)
    yield from sessions_tour(page, anna, database)


def corrections_tour(page, case, database):
    """Putting the case right: a question to correct (with a phone number that is no
    number), and a work trial to correct or remove (without a reason)."""
    page.goto(f"{case}/answers/municipality")
    yield "correct-answer"
    page.goto(f"{case}/answers/phone")
    page.fill("#phone", "12")
    page.click("main form button[type=submit]")
    yield "correct-answer-error"
    db = connect(str(database))
    placement = next(db.query("SELECT public_id FROM placements"))["public_id"]
    db.close()
    page.goto(f"{case}/placements/{placement}")
    yield "placement-correction"
    page.click("form[action$='/remove'] button[type=submit]")
    yield "placement-correction-error"


def sessions_tour(page, anna, database):
    """Anna is signed in at home too: her sessions, one to end, and the password asked for."""
    db = connect(database)
    start_session(db, anna.user, browser="Firefox, Windows")
    db.close()
    page.goto("/staff/account/sessions")
    yield "account-sessions"
    page.click("main form button[type=submit]")
    yield "account-sessions-error"


def registration_by_phone_tour(page):
    """A registration taken by phone: a question of the journey on a staff page, and the
    answers with the consent given by phone."""
    page.goto("/staff/registrations/new")
    page.click("main form button[type=submit]")
    yield "new-registration-error"
    page.check("#channel-0")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/page/1")
    yield "intake-page"
    page.click("main form#step-form button[type=submit]")
    page.wait_for_load_state("load")
    yield "intake-page-error"
    page.goto(page.url.rsplit("/page/", 1)[0] + "/consent")
    yield "intake-consent"


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(language, marks=pytest.mark.xdist_group(f"staff-walk-{language}"))
        for language in ("da", "en")
    ],
)
def findings(request, browser, back_office):
    server, anna, karl, mette = back_office
    language = request.param
    database = server.app.config["DATABASE"]
    # axe is injected as a script: the page's CSP would (rightly) refuse it.
    context = browser.new_context(viewport=TABLET_LANDSCAPE, base_url=server.url, bypass_csp=True)
    context.add_cookies([{"name": "klapjob_lang", "value": language, "url": server.url}])
    page = context.new_page()
    found = {"axe": {}, "overflow": {}, "focus": {}, "states": [], "focus_stops": 0}
    looks = {}

    def check(state):
        # A state after a press on "Save" may still be loading: axe needs the whole page.
        page.wait_for_load_state("load")
        found["states"].append(state)
        problems = axe_violations(page, tags=WCAG_AA)
        if problems:
            found["axe"][state] = problems
        if language == "da":
            walk = FocusWalk(page, looks)
            unseen = walk.problems()
            found["focus_stops"] += walk.stops
            if unseen:
                found["focus"][state] = unseen
        if horizontal_overflow(page) > 0:
            found["overflow"][state] = horizontal_overflow(page)
        screenshot(page, f"staff-{language}-{state}")

    page.goto("/staff/sign-in")
    check("sign-in")
    page.click("main button[type=submit]")
    check("sign-in-error")
    page.fill("#email", karl.user.email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    check("set-up-two-factor")
    page.click("main button[type=submit]")
    check("set-up-two-factor-error")
    context.clear_cookies()
    context.add_cookies([{"name": "klapjob_lang", "value": language, "url": server.url}])
    sign_in(page, karl, database)
    page.goto("/staff/municipalities")
    check("forbidden")
    page.click(".site-header button[type=submit]")  # sign out
    sign_in(page, anna, database)
    for state in admin_tour(
        page,
        mette,
        anna,
        server.app.config["TOUR_MEETING"],
        server.app.config["TOUR_AMBASSADOR"],
        karl,
        database,
    ):
        check(state)
    twin, ali = server.app.config["TOUR_MERGE"]
    page.goto(f"/staff/registrations/{mette['public_id']}/merge?other={ali}")
    check("merge-refused")
    page.goto(f"/staff/registrations/{mette['public_id']}/merge?other={twin}")
    check("compare-before-merge")
    page.click("main form button[type=submit]")
    check("compare-before-merge-error")
    context.close()
    return found


def test_the_tour_saw_every_staff_page(findings):
    assert {
        "sign-in",
        "set-up-two-factor",
        "inbox",
        "registration",
        "statistics",
        "municipalities",
        "audit-log",
        "forbidden",
        "registration-error",
        "week",
        "reports",
        "sent-report",
        "placement-error",
        "new-registration",
        "intake-page",
        "intake-page-error",
        "intake-consent",
        "merge-refused",
        "compare-before-merge",
        "compare-before-merge-error",
        "correct-answer",
        "correct-answer-error",
        "placement-correction",
        "placement-correction-error",
    } <= set(findings["states"])


def test_axe_finds_no_wcag_a_or_aa_violation_on_staff_pages(findings):
    assert findings["axe"] == {}


def test_focus_is_seen_on_every_staff_element_reached_with_tab(findings):
    if not findings["focus_stops"]:
        pytest.skip("focus is measured on the Danish walk")
    assert findings["focus_stops"] > 200
    assert findings["focus"] == {}


def test_staff_pages_fit_1024_px_without_sideways_scrolling(findings):
    assert findings["overflow"] == {}


def tab_to(page, element_id, most=40):
    """Press Tab until the element with `element_id` has focus, as a keyboard user does."""
    for _ in range(most):
        if page.evaluate("document.activeElement?.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def test_a_consultant_signs_in_with_the_keyboard_alone(browser, back_office):
    server, _anna, karl, _mette = back_office
    context = browser.new_context(viewport=TABLET_LANDSCAPE, base_url=server.url)
    page = context.new_page()
    page.goto("/staff/sign-in")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip-link"
    tab_to(page, "email")
    page.keyboard.type(karl.user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/two-factor**")
    db = connect(server.app.config["DATABASE"])
    db.execute("UPDATE users SET totp_last_step = 0 WHERE id = ?", [karl.user.id])
    db.conn.commit()
    db.close()
    tab_to(page, "code")
    page.keyboard.type(pyotp.TOTP(karl.user.totp_secret).now())
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/")
    assert page.get_by_role("heading", level=1).inner_text() in ("Indbakke", "Inbox")
    context.close()


def tab_to_button(page, words, most=150, tag="BUTTON"):
    """Press Tab until a button (or `tag`) whose text holds `words` has focus."""
    for _ in range(most):
        if page.evaluate(
            "([w, t]) => document.activeElement?.tagName === t && "
            "document.activeElement.textContent.includes(w)",
            [words, tag],
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached a {tag} with {words!r}")


def test_a_consultant_takes_a_case_and_counts_a_call_with_the_keyboard_alone(browser, back_office):
    server, anna, _karl, _mette = back_office
    context = browser.new_context(viewport=TABLET_LANDSCAPE, base_url=server.url)
    context.add_cookies([{"name": "klapjob_lang", "value": "da", "url": server.url}])
    page = context.new_page()
    sign_in(page, anna, server.app.config["DATABASE"])
    tab_to_button(page, "Ali Khan")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Ali Khan er din nu.")
    tab_to_button(page, "Ali Khan", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_selector("#overview-heading")
    tab_to_button(page, "Ringet, intet svar")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=1 opkald uden svar.")
    # Enter in the day field of the call sheet chooses no outcome for the consultant: it
    # asks what happened, and keeps what was typed.
    page.fill("#contact-note", "Hun ringer tilbage i morgen.")
    page.select_option("#contact-next_kind", "call")
    page.fill("#contact-next_due", (clock.today() + timedelta(days=1)).isoformat())
    page.press("#contact-next_due", "Enter")
    page.wait_for_selector("#contact-outcome-error")
    assert page.input_value("#contact-note") == "Hun ringer tilbage i morgen."
    assert page.locator("text=1 opkald uden svar.").count() == 1
    context.close()


def test_an_admin_registers_a_deletion_request_and_marks_it_done_with_the_keyboard(
    browser, back_office
):
    server, anna, _karl, mette = back_office
    context = browser.new_context(viewport=TABLET_LANDSCAPE, base_url=server.url)
    context.add_cookies([{"name": "klapjob_lang", "value": "da", "url": server.url}])
    page = context.new_page()
    sign_in(page, anna, server.app.config["DATABASE"])
    page.goto(f"/staff/registrations/{mette['public_id']}/requests")
    tab_to(page, "kind")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "Slette sine data"
    tab_to(page, "received_on")
    page.fill("#received_on", (clock.today() - timedelta(days=27)).isoformat())
    tab_to(page, "channel")
    page.keyboard.press("ArrowDown")  # "I telefonen"
    tab_to_button(page, "Gem anmodningen")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Anmodningen er gemt.")
    page.goto("/staff/requests")
    row = page.locator("tbody tr").first
    assert "Slette sine data" in row.inner_text() and "3 dage tilbage" in row.inner_text()
    screenshot(page, "staff-requests-due-first")
    tab_to_button(page, "Markér som klaret")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Anmodningen er markeret som klaret.")
    context.close()
