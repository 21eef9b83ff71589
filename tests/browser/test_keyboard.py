"""The whole journey with the keyboard only: Tab, Shift+Tab, Space, Enter and the arrow
keys. Focus is always visible (measured by pixels at every stop, WCAG 2.4.13) and never
trapped."""

import pytest

from browser_support import screenshot
from focus_appearance import focus_problem_here

pytestmark = pytest.mark.browser

DESCRIBE_FOCUS = """
() => {
  const e = document.activeElement;
  const text = (e.labels && e.labels.length ? e.labels[0].innerText : e.innerText || e.value || '');
  return {tag: e.tagName.toLowerCase(), type: e.type || '', text: text.trim(), name: e.name || ''};
}
"""


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.unseen_focus = []
        self.measured = {}  # what focus looked like, by the look of each focused element

    def focused(self):
        return self.page.evaluate(DESCRIBE_FOCUS)

    def tab_to(self, matches, backwards=False, limit=80):
        """Press Tab until the focused element matches; check focus is visible at each stop."""
        for _ in range(limit):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            now = self.focused()
            problem = focus_problem_here(self.page, self.measured) if now["tag"] != "body" else None
            if problem:
                self.unseen_focus.append(problem)
            if matches(now):
                return now
        raise AssertionError(f"Tab never reached the element; last focus: {now}")

    def tab_to_text(self, text, **kwargs):
        return self.tab_to(lambda f: f["text"].startswith(text), **kwargs)

    def press_next(self, next_label="Næste"):
        self.tab_to(lambda f: f["tag"] == "button" and f["text"] == next_label)
        self.press_enter_and_wait()

    def press_enter_and_wait(self):
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def choose(self, text):
        """Reach a group of choices, then move with the arrow keys to `text`, as a
        keyboard user does with radio buttons."""
        now = self.tab_to(lambda f: f["type"] == "radio")
        for _ in range(20):
            if now["text"].startswith(text):
                self.page.keyboard.press("Space")
                return
            self.page.keyboard.press("ArrowDown")
            now = self.focused()
        raise AssertionError(f"no choice {text}")

    def tick(self, *texts):
        for text in texts:
            self.tab_to_text(text)
            self.page.keyboard.press("Space")

    def type_into(self, name, text):
        self.tab_to(lambda f: f["name"] == name)
        self.page.keyboard.type(text)


def test_a_keyboard_user_completes_the_whole_journey(tablet):
    page = tablet
    keys = Keyboard(page)
    page.goto("/")
    keys.tab_to_text("Start")
    keys.press_enter_and_wait()
    assert page.url.endswith("/register/who")

    keys.press_next()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')"), (
        "after an error, focus lands on the error summary"
    )
    keys.choose("Nej, jeg svarer selv")
    keys.press_next()
    keys.type_into("name", "Mette Hansen")
    keys.press_next()
    keys.choose("Send en sms til mig")
    keys.press_next()
    keys.type_into("phone", "20 30 40 50")
    keys.press_next()
    keys.tab_to(lambda f: f["name"] == "municipality")
    page.keyboard.type("Aarhus")
    keys.press_next()
    keys.press_next()  # the postcode or town: skipped
    keys.choose("25 til 39 år")
    keys.press_next()
    keys.press_next()  # a guardian: skipped
    keys.tick("Jeg er mest hjemme")
    keys.press_next()
    keys.tick("Nej")
    keys.press_next()
    keys.tick("Ved ikke")
    keys.press_next()
    keys.press_next()  # where she is with the job centre: skipped
    keys.press_next()  # a caseworker: skipped
    keys.tick("Lager", "Have og park")
    keys.press_next()
    keys.tick("At være ude")
    keys.press_next()
    keys.tick("At komme til tiden")
    keys.press_next()
    keys.press_next()  # what others say about her: skipped
    keys.choose("Under 5 timer")
    keys.press_next()
    keys.tick("Mandag til fredag")
    keys.press_next()
    keys.tick("Om eftermiddagen")
    keys.press_next()
    keys.tick("Cykle")
    keys.press_next()
    keys.choose("Det er lige meget")
    keys.press_next()
    keys.press_next()  # what helps at work: skipped
    keys.press_next()  # health: skipped
    keys.press_next()  # someone else KLAPjob may call: skipped
    keys.press_next()  # who comes to the first meeting: skipped
    keys.press_next()  # an interpreter: skipped
    keys.choose("Nej")
    keys.press_next()

    assert page.locator("h1").inner_text() == "Tjek dine svar"
    assert "Aarhus" in page.locator("main").inner_text()
    # Shift+Tab goes back up the page and is not trapped anywhere.
    keys.tab_to_text("Tilbage", backwards=True)
    keys.tab_to_text("Fortsæt")
    keys.press_enter_and_wait()
    keys.tick("Ja, KLAPjob må gemme mine svar")
    keys.press_next("Send til KLAPjob")
    screenshot(page, "keyboard-done")
    assert "Tak. KLAPjob har fået dine svar." in page.locator("h1").inner_text()
    assert keys.unseen_focus == [], "focus was not visible on these"


def test_tab_goes_round_the_page_and_never_gets_stuck(tablet):
    page = tablet
    page.goto("/register/work")
    keys = Keyboard(page)
    first = keys.tab_to(lambda f: True)
    assert first["text"] == "Gå til indholdet", "the first stop skips to the content"
    seen = [first]
    for _ in range(60):
        page.keyboard.press("Tab")
        now = keys.focused()
        if now == first:
            break
        seen.append(now)
    else:
        raise AssertionError("Tab never came back round to the start: focus is trapped")
    assert {"Næste", "Butik", "Hjælp"} <= {f["text"] for f in seen}
