"""A shared tablet at a meeting: the page asks "Are you still there?" after a pause, and
clears itself when nobody answers; the back button shows nothing of the person."""

import pytest

from app import create_app
from browser_support import TABLET_PORTRAIT, LiveServer, screenshot
from devices import shared_device_mark

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quick_tablet_server(tmp_path_factory):
    database = tmp_path_factory.mktemp("shared") / "klapjob.sqlite3"
    app = create_app(
        {
            "DATABASE": str(database),
            "SMTP_HOST": "",
            "SHARED_IDLE_SECONDS": 2,
            "SHARED_IDLE_GRACE_SECONDS": 2,
        }
    )
    with LiveServer(app) as server:
        yield server


@pytest.fixture
def shared_tablet(browser, quick_tablet_server):
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=quick_tablet_server.url, locale="da-DK"
    )
    context.add_cookies(
        [
            {
                "name": "klapjob_shared_device",
                "url": quick_tablet_server.url,
                "value": shared_device_mark(quick_tablet_server.app),
            }
        ]
    )
    page = context.new_page()
    yield page
    context.close()


def test_nobody_answers_still_there_so_the_tablet_clears_itself(shared_tablet, quick_tablet_server):
    page = shared_tablet
    page.goto("/register/who")
    page.get_by_label("Nej, jeg svarer selv").check()
    page.get_by_role("button", name="Næste").click()
    page.get_by_label("Hvad hedder du?").fill("Ali Khan")
    dialog = page.locator("#still-here")
    dialog.wait_for(state="visible", timeout=5000)
    screenshot(page, "shared-still-here")
    assert dialog.get_by_role("heading").inner_text() == "Er du her stadig?"
    page.wait_for_url(quick_tablet_server.url + "/", timeout=8000)
    assert "Ali Khan" not in page.content()
    page.go_back()
    assert "Ali Khan" not in page.content(), "the back button shows nothing of the person"
    cookies = {c["name"] for c in page.context.cookies()}
    assert "klapjob_draft" not in cookies and "klapjob_shared_device" in cookies

    from app.core.db import connect

    db = connect(quick_tablet_server.app.config["DATABASE"])
    drafts = [row["answers"] for row in db.query("SELECT answers FROM drafts")]
    db.close()
    assert any("Ali Khan" in answers for answers in drafts), "what was typed was saved first"


def test_answering_yes_i_am_here_keeps_the_person_on_the_page(shared_tablet):
    page = shared_tablet
    page.goto("/register/name")
    page.get_by_label("Hvad hedder du?").fill("Sara")
    dialog = page.locator("#still-here")
    dialog.wait_for(state="visible", timeout=5000)
    page.get_by_role("button", name="Ja, jeg er her").click()
    dialog.wait_for(state="hidden")
    # The pause starts again: the question comes back after another pause, and the page
    # was not cleared in between (it would have been, 2 s after the first question).
    dialog.wait_for(state="visible", timeout=8000)
    assert page.url.endswith("/register/name")
    assert page.get_by_label("Hvad hedder du?").input_value() == "Sara"
