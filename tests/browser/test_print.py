"""The check-answers page and the receipt print cleanly on A4, pictograms included."""

import re

import pytest

from browser_support import screenshot
from site_tour import TOUR_ANSWERS, post_answers

pytestmark = pytest.mark.browser

A4_WIDTH_AT_96_DPI = 794

PRINT_LAYOUT = """
() => ({
  hidden: ['.site-header', '.site-footer', '.back-link', '.button', '.skip-link']
    .filter(s => document.querySelector(s))
    .filter(s => getComputedStyle(document.querySelector(s)).display !== 'none'),
  pictograms: [...document.querySelectorAll('main .pictogram')]
    .filter(img => img.getBoundingClientRect().width > 0 && img.complete && img.naturalWidth > 0).length,
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
})
"""


def answer_everything(page):
    from app.domain.questions.steps import STEPS

    page.goto("/register/who")
    for step in STEPS:
        if step.key == "email":
            post_answers(page, "/register/contact", {"contact_method": "email"})
        if step.key == "phone":
            continue
        post_answers(page, f"/register/{step.key}", TOUR_ANSWERS[step.key])


@pytest.mark.parametrize("path", ["/register/check", "/register/receipt"])
def test_answers_print_on_a4_with_their_pictures(tablet, path, tmp_path):
    page = tablet
    answer_everything(page)
    if path == "/register/receipt":
        page.goto("/register/send")
        page.check("#consent")
        page.click("main form .actions button")
    page.goto(path)
    page.set_viewport_size({"width": A4_WIDTH_AT_96_DPI, "height": 1123})
    page.emulate_media(media="print")
    layout = page.evaluate(PRINT_LAYOUT)
    screenshot(page, f"print-{path.rsplit('/', 1)[-1]}")
    assert layout["hidden"] == [], "only the content is printed"
    assert layout["pictograms"] >= 10
    assert layout["overflow"] <= 0
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 1 <= pages <= 4, f"{pages} A4 pages"
