"""A choice card's tick box never covers its words: with a picture, without one (the age
question, the settings), in white on black (found by the gate without JavaScript: the white
tick box sat under the first letters)."""

import pytest

from browser_support import TABLET_PORTRAIT
from colours import contrast_problems
from display_settings import WHITE_ON_BLACK, show_with

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/register/age", "/settings", "/register/work"])
def test_the_words_of_every_choice_can_be_read_beside_its_tick_box(browser, live_server, path):
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=live_server.url, bypass_csp=True
    )
    context.add_cookies([{"name": "klapjob_lang", "value": "da", "url": live_server.url}])
    page = context.new_page()
    assert page.goto(path).status == 200
    for settings in ({}, WHITE_ON_BLACK):
        show_with(page, settings)
        assert contrast_problems(page) == [], settings
    context.close()
