"""Karl's first call to Mette, at his laptop (1366 x 768), from the inbox to the next step:
he opens her case, the first in the inbox, reads "Før du ringer", calls, writes what they agreed,
chooses the next step and its day, and presses what came of the call. Counted as he does
it: the presses (clicks, choices, a click into each field he types in) and the screens he
scrolls.
In the spreadsheet it was 6 cell edits and a mail; in the back office before the call sheet,
about 18 clicks and 12 screens (issue 24). The figures go to test-artifacts for the note."""

import json
from datetime import timedelta

import pytest
from test_staff_accessibility import sign_in

from app import create_app
from app.core import clock
from browser_support import SCREENSHOTS, LiveServer
from staff import TEST_MUNICIPALITIES, register, staff_member

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
MOST_PRESSES = 6  # the spreadsheet's six cell edits
MOST_SCREENS_SCROLLED = 1.0


class CountedCall:
    """Karl's hands on the page: each press counted, and the page scrolled as far as he
    must to see what he presses, chooses or types into next (a new page opens at its top)."""

    def __init__(self, page):
        self.page = page
        self.presses = 0
        self.scrolled_px = 0

    def see(self, locator):
        before = self.page.evaluate("scrollY")
        # As little as a person scrolls to see it whole (Playwright's own centres it).
        locator.evaluate("element => element.scrollIntoView({ block: 'nearest' })")
        self.scrolled_px += abs(self.page.evaluate("scrollY") - before)

    def press(self, locator):
        self.presses += 1
        self.see(locator)
        locator.click()

    def choose(self, locator, value):
        self.presses += 1
        self.see(locator)
        locator.select_option(value)

    def type_into(self, locator, text):
        self.presses += 1  # a click into the field
        self.see(locator)
        locator.fill(text)

    @property
    def screens_scrolled(self):
        return round(self.scrolled_px / LAPTOP["height"], 2)


@pytest.fixture(scope="module")
def first_call(tmp_path_factory, browser):
    database = tmp_path_factory.mktemp("first-call") / "klapjob.sqlite3"
    app = create_app({"DATABASE": str(database), "SMTP_HOST": ""})
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    # Mette waited longest: the inbox puts her first, as the one to call first.
    mette = register(app, name="Mette Hansen")
    for number in range(12):
        register(app, name=f"Person {number:02d} Jensen", phone=f"+452030{number:04d}")
    with LiveServer(app) as server:
        context = browser.new_context(viewport=LAPTOP, base_url=server.url, locale="da-DK")
        page = context.new_page()
        sign_in(page, karl, str(database))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        call = CountedCall(page)
        call.press(page.get_by_role("link", name="Mette Hansen"))
        page.wait_for_url(f"**/staff/registrations/{mette['public_id']}")
        before_you_call = page.locator("#overview-heading")
        assert before_you_call.bounding_box()["y"] < LAPTOP["height"], "Før du ringer is seen"
        call.type_into(page.locator("#contact-note"), "Vil gerne i køkken. Møde på fredag.")
        call.choose(page.locator("#contact-next_kind"), "meeting")
        due = clock.today() + timedelta(days=4)
        call.type_into(page.locator("#contact-next_due"), due.isoformat())
        outcome = page.get_by_role("button", name="Talt med personen")
        call.see(outcome)
        page.screenshot(path=str(SCREENSHOTS / "staff-laptop-first-call.png"))
        call.press(outcome)
        page.locator(".staff-notice").wait_for()
        figures = {"presses": call.presses, "screens_scrolled": call.screens_scrolled}
        (SCREENSHOTS.parent / "first-call.json").write_text(json.dumps(figures))
        yield figures, page
        context.close()


def test_the_first_call_takes_no_more_presses_than_the_spreadsheet(first_call):
    figures, _page = first_call
    assert figures["presses"] <= MOST_PRESSES, figures


def test_the_first_call_needs_at_most_one_screen_of_scrolling(first_call):
    figures, _page = first_call
    assert figures["screens_scrolled"] <= MOST_SCREENS_SCROLLED, figures


def test_the_call_is_in_the_history_with_its_next_step(first_call):
    _figures, page = first_call
    history = page.locator(".staff-history").first.inner_text()
    assert "Talt med personen" in history and "Møde på fredag" in history
