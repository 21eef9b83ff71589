"""Mette phones KLAPjob, and Karl registers her at his laptop (1366 x 768) while she
waits: from "Ny tilmelding" to the saved registration. Counted as he does it: the pages
he goes through and his presses (each choice, a click into each field he types in, each
button). Before (issue 24) it was one question a page: 36 pages (32 of them questions) and
80 presses for her answers, played by this test on that code. The figures go to
test-artifacts for the note."""

import json

import pytest
from test_staff_accessibility import sign_in

from app import create_app
from browser_support import SCREENSHOTS, LiveServer
from people import MYSELF_IN_AARHUS
from staff import TEST_MUNICIPALITIES, register, staff_member

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
# The inbox he starts on, "Ny tilmelding", 4 pages of questions, the first of them again
# with the likely duplicate, the answers and the consent, and the saved case.
MOST_PAGES = 9
FEWEST_QUESTIONS_ON_A_SCREEN = 3
# Mette's answers, as she says them on the phone: each a press or a field typed in.
SAID = {name: value for step in MYSELF_IN_AARHUS.values() for name, value in step.items()}


class CountedRegistration:
    """Karl's hands on the pages: every press counted, every new page counted."""

    def __init__(self, page):
        self.page = page
        self.presses = 0
        self.pages = 1  # the page he starts on
        self.seen = []

    def press(self, locator):
        self.presses += 1
        locator.click()

    def next_page(self, locator):
        before = self.page.url
        self.press(locator)
        self.page.wait_for_function("url => location.href !== url", arg=before)
        self.page.wait_for_load_state("load")
        self.pages += 1
        self.seen.append(self.page.url)

    def answer_what_is_asked(self):
        """Each of Mette's answers whose field stands on this page, and can be seen."""
        form = self.page.locator("form.step-form, form#step-form").first
        for name, value in SAID.items():
            inputs = form.locator(f'[name="{name}"]')
            if inputs.count() == 0 or not value:
                continue
            first = inputs.first
            kind = first.evaluate("e => e.type || e.tagName.toLowerCase()")
            if kind in ("radio", "checkbox"):
                for chosen in value if isinstance(value, list) else [value]:
                    box = form.locator(f'[name="{name}"][value="{chosen}"]')
                    if box.is_checked():
                        continue
                    self.press(self.page.locator(f'label[for="{box.get_attribute("id")}"]'))
            elif not first.is_visible():
                continue
            elif kind.startswith("select"):
                self.presses += 1
                first.select_option(value)
            else:
                self.press(first)
                first.fill(value.replace("+45 ", ""))


def questions_on_the_first_screen(page):
    """The questions whose first field a page shows at its top, before any scrolling."""
    return page.evaluate(
        """height => [...document.querySelectorAll("section[id^=step-]")].filter(s => {
            const field = s.querySelector("input:not([type=hidden]), select, textarea");
            return !s.hidden && field && field.getBoundingClientRect().bottom <= height;
        }).length""",
        LAPTOP["height"],
    )


def without_fragment(url):
    return url.split("#")[0]


@pytest.fixture(scope="module")
def phone_registration(tmp_path_factory, browser):
    database = tmp_path_factory.mktemp("phone-registration") / "klapjob.sqlite3"
    app = create_app({"DATABASE": str(database), "SMTP_HOST": ""})
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    register(app, name="Mette Hansen")  # she registered on the site last year
    with LiveServer(app) as server:
        context = browser.new_context(viewport=LAPTOP, base_url=server.url, locale="da-DK")
        page = context.new_page()
        sign_in(page, karl, str(database))
        registration = CountedRegistration(page)
        registration.next_page(page.get_by_role("link", name="Ny tilmelding"))
        registration.press(page.get_by_label("Telefonopkald"))
        registration.next_page(page.get_by_role("button", name="Start spørgsmålene"))
        first_page = None
        duplicates_seen = False
        on_first_screen = []
        while "/consent" not in page.url:
            first_page = first_page or without_fragment(page.url)
            on_first_screen.append(questions_on_the_first_screen(page))
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(SCREENSHOTS / f"staff-phone-registration-{len(on_first_screen)}.png")
            )
            registration.answer_what_is_asked()
            if page.locator("#duplicates-heading").count():
                duplicates_seen = duplicates_seen or without_fragment(page.url) == first_page
            registration.next_page(page.locator("form.step-form button[type=submit]").last)
            if (
                without_fragment(page.url) == first_page
                and page.locator("#duplicates-heading").count()
            ):
                duplicates_seen = True
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / "staff-phone-registration-duplicates.png"))
                registration.next_page(page.get_by_role("link", name="Videre"))
        registration.press(page.get_by_label("Personen sagde ja i telefonen", exact=False))
        registration.next_page(page.get_by_role("button", name="Gem tilmeldingen"))
        page.locator(".staff-notice").first.wait_for()
        figures = {
            "pages": registration.pages,
            "presses": registration.presses,
            "questions_on_first_screen": on_first_screen,
        }
        (SCREENSHOTS.parent / "phone-registration.json").parent.mkdir(exist_ok=True)
        (SCREENSHOTS.parent / "phone-registration.json").write_text(json.dumps(figures))
        yield figures | {"addresses": registration.seen}, duplicates_seen, page
        context.close()


def test_a_phone_registration_takes_a_few_pages(phone_registration):
    figures, _seen, _page = phone_registration
    assert figures["pages"] <= MOST_PAGES, figures


def test_each_page_shows_several_questions_on_a_laptop_screen(phone_registration):
    figures, _seen, _page = phone_registration
    assert min(figures["questions_on_first_screen"]) >= FEWEST_QUESTIONS_ON_A_SCREEN, figures


def test_the_likely_duplicate_is_shown_on_the_first_page(phone_registration):
    _figures, duplicates_seen, _page = phone_registration
    assert duplicates_seen, "Mette registered last year: Karl sees it before he goes on"


def test_the_registration_is_saved_with_mettes_name(phone_registration):
    _figures, _seen, page = phone_registration
    assert "Mette Hansen" in page.locator("h1").first.inner_text()
