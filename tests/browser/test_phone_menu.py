"""The header on a phone: one slim row (KLAPjob, "Lyt", "Menu"), and a menu that opens the
phone number, the settings, the language and the speed, with or without JavaScript, by
keyboard, and says "collapsed" or "expanded" to a screen reader; its targets are 44 x 44 px,
its text 7:1 and its focus seen, at the normal and the largest letters, in white on black."""

import re

import pytest

from browser_support import small_targets
from colours import contrast_problems
from display_settings import EVERYTHING, WHITE_ON_BLACK, show_with
from focus_appearance import focus_problem_here

pytestmark = pytest.mark.browser

PHONES = ({"width": 360, "height": 640}, {"width": 390, "height": 844})


def phone_page(browser, live_server, javascript, size=PHONES[1]):
    context = browser.new_context(
        viewport=size, base_url=live_server.url, has_touch=True, is_mobile=True
    )
    if not javascript:
        context.route(re.compile(r"/static/js/"), lambda route: route.abort())
    context.add_cookies([{"name": "klapjob_lang", "value": "da", "url": live_server.url}])
    return context, context.new_page()


def expanded(page):
    """What Chromium tells a screen reader about the menu button: its role and state."""
    session = page.context.new_cdp_session(page)
    for node in session.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("name", {}).get("value") == "Menu" and not node.get("ignored"):
            states = {p["name"]: p["value"]["value"] for p in node.get("properties", [])}
            if "expanded" in states:
                return states["expanded"]
    return None


def header_rows(page):
    """How many rows the header's own controls take (their tops, rounded to 8 px)."""
    return page.evaluate(
        """() => new Set([...document.querySelectorAll(
             '.site-header__name, .listen-bar a, .listen-bar button, .site-menu__button')]
           .filter(e => e.checkVisibility())
           .map(e => Math.round(e.getBoundingClientRect().top / 8))).size"""
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "without-javascript"])
def test_the_menu_opens_by_keyboard_and_a_screen_reader_hears_it(browser, live_server, javascript):
    context, page = phone_page(browser, live_server, javascript)
    page.goto("/register/who")
    assert header_rows(page) == 1
    assert page.get_by_text("Ring til KLAPjob").is_visible() is False
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('summary')"):
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    assert expanded(page) is False
    assert focus_problem_here(page) is None
    page.keyboard.press("Enter")
    assert expanded(page) is True
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip().startswith("Ring til")
    for name in ("Tilpas siden", "English", "Normal", "Langsom"):
        assert page.locator(".site-menu__panel").get_by_text(name).is_visible(), name
    # The settings are one Tab away, and keep what was typed (they send the page's form).
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Tilpas siden"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/settings" in page.url
    context.close()


@pytest.mark.parametrize("size", PHONES, ids=lambda size: f"{size['width']}x{size['height']}")
def test_the_open_menu_is_large_enough_and_clear_in_every_setting(browser, live_server, size):
    context, page = phone_page(browser, live_server, True, size)
    page.goto("/")
    for settings in ({}, WHITE_ON_BLACK, {"text_size": "largest"}, EVERYTHING):
        show_with(page, settings)
        assert header_rows(page) == 1, settings
        page.locator(".site-menu__button").click()
        assert expanded(page) is True
        assert small_targets(page) == [], settings
        assert contrast_problems(page) == [], settings
        page.locator(".site-menu__button").click()
        assert expanded(page) is False
    context.close()


def test_on_a_tablet_the_menu_stands_in_the_row_without_a_button(browser, live_server):
    context, page = phone_page(browser, live_server, True, {"width": 768, "height": 1024})
    page.goto("/")
    assert not page.locator(".site-menu__button").is_visible()
    for name in ("Ring til KLAPjob", "Tilpas siden", "English", "Langsom"):
        assert page.locator(".site-header").get_by_text(name).first.is_visible(), name
    context.close()
