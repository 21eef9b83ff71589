"""Karl at his laptop (1366 x 768) with 30 cases: the inbox's first screen shows cases, not
only the search and the filters, and a screen holds at least 15 of them. The first screens of
the inbox and of a case are kept in test-artifacts/screenshots for the README."""

import pytest
from test_staff_accessibility import sign_in

from app import create_app
from browser_support import SCREENSHOTS, LiveServer
from staff import TEST_MUNICIPALITIES, register, staff_member

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}

PLACES = """
() => {
  scrollTo(0, 0);
  const rows = [...document.querySelectorAll('.staff-table tbody tr')];
  const heights = rows.map(row => row.getBoundingClientRect().height);
  return {
    first_row_bottom: rows.length ? rows[0].getBoundingClientRect().bottom : null,
    rows_seen: rows.filter(row => row.getBoundingClientRect().bottom <= innerHeight).length,
    tallest_row: Math.max(...heights),
    median_row: heights.sort((a, b) => a - b)[Math.floor(heights.length / 2)],
  };
}
"""


@pytest.fixture(scope="module")
def thirty_cases(tmp_path_factory, browser):
    database = tmp_path_factory.mktemp("inbox") / "klapjob.sqlite3"
    app = create_app({"DATABASE": str(database), "SMTP_HOST": ""})
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    # Each with a phone of their own; the last two are one person registered twice.
    people = [
        register(app, name=f"Person {number:02d} Hansen", phone=f"+45203040{min(number, 28):02d}")
        for number in range(30)
    ]
    with LiveServer(app) as server:
        context = browser.new_context(viewport=LAPTOP, base_url=server.url, locale="da-DK")
        page = context.new_page()
        sign_in(page, karl, str(database))
        places = page.evaluate(PLACES)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "staff-laptop-inbox.png"))
        page.goto(f"/staff/registrations/{people[0]['public_id']}")
        page.screenshot(path=str(SCREENSHOTS / "staff-laptop-case.png"))
        yield places
        context.close()


def test_the_first_screen_of_the_inbox_shows_cases(thirty_cases):
    assert thirty_cases["first_row_bottom"] is not None
    assert thirty_cases["first_row_bottom"] <= LAPTOP["height"], thirty_cases


def test_a_screen_holds_at_least_15_cases(thirty_cases):
    # Before: a row was about 120 px (the tick, the name and its reference on three or four
    # lines at 18 px, links 44 px high), 6 rows a screen. Now a work list: 48 px, 16 rows.
    assert LAPTOP["height"] / thirty_cases["median_row"] >= 15, str(thirty_cases)
