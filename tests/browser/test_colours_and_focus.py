"""What a person sees, measured by pixels: text at 7:1 against what is really behind it,
controls at 3:1 against what is around them, in white on black and while the page is read
aloud; and the checks themselves can see an invisible focus indicator."""

import pytest

from browser_support import TABLET_PORTRAIT, screenshot
from colours import control_contrast_problems, text_contrast_problems
from display_settings import WHITE_ON_BLACK, cookie_value
from focus_appearance import FocusWalk, focus_problem_here
from reading_aloud import read_everything_aloud

pytestmark = pytest.mark.browser


@pytest.fixture
def white_on_black(browser, live_server):
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=live_server.url, locale="da-DK"
    )
    context.add_cookies(
        [
            {"name": "klapjob_lang", "value": "da", "url": live_server.url},
            {
                "name": "klapjob_display",
                "value": cookie_value(WHITE_ON_BLACK),
                "url": live_server.url,
            },
        ]
    )
    yield context.new_page()
    context.close()


def test_in_white_on_black_the_listen_button_and_the_speeds_can_be_read(white_on_black):
    page = white_on_black
    assert page.goto("/register/activity").status == 200
    screenshot(page, "white-on-black-education")
    assert text_contrast_problems(page) == []
    assert control_contrast_problems(page) == []


def test_in_white_on_black_every_word_can_be_read_while_the_page_is_read_aloud(white_on_black):
    page = white_on_black
    assert page.goto("/register/activity").status == 200
    assert read_everything_aloud(page) >= 5
    screenshot(page, "white-on-black-education-reading")
    assert text_contrast_problems(page) == []
    assert control_contrast_problems(page) == []


INVISIBLE_FOCUS = """<!doctype html><html><head><style>
  body { font: 20px sans-serif; background: #fff; color: #000; }
  a, button { display: inline-block; margin: 20px; padding: 8px; color: #000; background: #fff;
              border: 2px solid #000; }
  .transparent:focus-visible { outline: 3px solid transparent; }
  .faint:focus-visible { outline: none; background: #fcfcfc; }
  .real:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
</style></head><body>
  <a class="transparent" href="#a">Transparent outline</a>
  <button class="faint">A 1 % darker background</button>
  <button class="real">A real outline</button>
</body></html>"""


def test_the_focus_check_sees_a_transparent_outline_and_a_faint_change(browser):
    context = browser.new_context(viewport=TABLET_PORTRAIT)
    page = context.new_page()
    page.set_content(INVISIBLE_FOCUS)
    walk = FocusWalk(page)
    problems = walk.problems()
    context.close()
    assert walk.stops == 3
    assert [problem.split(":")[0] for problem in problems] == [
        'a.transparent "Transparent outline"',
        'button[submit].faint "A 1 % darker background"',
    ]


def test_the_keyboard_journeys_check_sees_them_too_the_second_time_as_the_first(browser):
    """focus_problem_here remembers a look it measured: the same invisible focus met again
    further down the page (as on the next question page) is still a problem."""
    context = browser.new_context(viewport=TABLET_PORTRAIT)
    page = context.new_page()
    controls = INVISIBLE_FOCUS.split("<body>")[1].split("</body>")[0]
    page.set_content(
        INVISIBLE_FOCUS.replace("</body>", f"<p style='height: 900px'></p>{controls}</body>")
    )
    measured, problems = {}, []
    for _ in range(6):
        page.keyboard.press("Tab")
        problems.append(focus_problem_here(page, measured))
    context.close()
    seen = [problem.split(":")[0] if problem else None for problem in problems]
    assert seen == 2 * [
        'a.transparent "Transparent outline"',
        'button[submit].faint "A 1 % darker background"',
        None,
    ]
    assert len(measured) == 3, "each look measured once"


def test_the_gate_goes_on_when_a_picture_never_arrives(browser):
    """A picture whose answer never comes (or a frame Chromium never draws) must not stop
    the gate for ever: it waited without end once, on a busy machine, with every test
    done but one walk."""
    from colours import settle

    context = browser.new_context(viewport=TABLET_PORTRAIT)
    page = context.new_page()
    page.route("http://pictures.invalid/**", lambda route: None)  # never answered
    page.set_content("<p>Et billede, der aldrig kommer</p>")
    page.evaluate("""() => { const picture = document.createElement('img');
                             picture.src = 'http://pictures.invalid/never.png';
                             document.body.append(picture); }""")
    assert settle(page, deadline_ms=300) is False
    calm = context.new_page()
    calm.set_content("<p>Intet billede</p>")
    assert settle(calm, deadline_ms=30_000) is True
    context.close()
