"""With JavaScript, ticking an answer that stands alone ("Det er lige meget") unticks the
others, ticking another unticks it, and a screen reader hears what changed. (Without
JavaScript the server refuses them together: tests/test_exclusive_answers.py.)"""

import pytest

pytestmark = pytest.mark.browser


def card(page, field, value):
    return page.locator(f'input[name="{field}"][value="{value}"]')


def tick(page, field, value):
    input_id = card(page, field, value).get_attribute("id")
    page.locator(f'label[for="{input_id}"]').click()


def ticked(page, field):
    return page.eval_on_selector_all(
        f'input[name="{field}"]', "boxes => boxes.filter(b => b.checked).map(b => b.value)"
    )


def test_it_does_not_matter_unticks_the_days_and_says_so(tablet):
    problems = []
    tablet.on("console", lambda message: problems.append(message.text))
    assert tablet.goto("/register/days").status == 200
    tick(tablet, "work_days", "weekdays")
    tick(tablet, "work_days", "weekend")
    assert ticked(tablet, "work_days") == ["weekdays", "weekend"]
    status = tablet.locator("[data-exclusive-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == ""

    tick(tablet, "work_days", "any")
    assert ticked(tablet, "work_days") == ["any"]
    assert status.text_content() == "Nu er kun »Det er lige meget« valgt."

    tick(tablet, "work_days", "weekdays")
    assert ticked(tablet, "work_days") == ["weekdays"]
    assert status.text_content() == "»Det er lige meget« er ikke valgt mere."
    assert problems == [], "no script error, no Content-Security-Policy complaint"


def test_i_dont_know_yet_unticks_something_else_and_hides_its_text(tablet):
    assert tablet.goto("/register/work").status == 200
    tick(tablet, "work_wishes", "other")
    assert tablet.locator("#work_other-group").is_visible()
    tick(tablet, "work_wishes", "dont_know")
    assert ticked(tablet, "work_wishes") == ["dont_know"]
    assert tablet.locator("#work_other-group").is_hidden(), "its follow-up goes with it"
