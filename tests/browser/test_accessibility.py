"""Accessibility proved on every run: every citizen page, in every language, empty and
with its errors showing, checked by axe-core, for target sizes and for reflow."""

import pytest

from browser_support import (
    PHONE,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    TEXT_SPACING_CSS,
    axe_violations,
    clipped_text,
    horizontal_overflow,
    screenshot,
    small_targets,
    widest_elements,
)
from devices import shared_device_mark
from site_tour import add_tour_meeting, tour

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}  # 1280 px at 400 % zoom
HALF = {"width": 640, "height": 800}  # 1280 px at 200 % zoom


# The largest letters, white on black, wide spacing and few pictures: the settings that
# most often break a layout.
ADJUSTED = "text_size=largest&contrast=high&spacing=wide&motion=reduced&pictures=few"
WALKS = {
    "da": ("da", None),
    "en": ("en", None),
    "da-adjusted": ("da", ADJUSTED),
    "da-shared-device": ("da", "shared"),
}


@pytest.fixture(scope="module", params=list(WALKS))
def findings(request, browser, live_server):
    """One walk through the site per language (and once with the person's own settings);
    every check runs on every page state."""
    language, display = WALKS[request.param]
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=live_server.url, bypass_csp=True, has_touch=True
    )
    cookies = [{"name": "klapjob_lang", "value": language, "url": live_server.url}]
    if display == "shared":
        cookies.append({"name": "klapjob_shared_device", "url": live_server.url,
                        "value": shared_device_mark(live_server.app)})
    elif display:
        cookies.append({"name": "klapjob_display", "value": display, "url": live_server.url})
    context.add_cookies(cookies)
    page = context.new_page()
    found = {"axe": {}, "targets": {}, "reflow": {}, "spacing": {}, "states": []}
    for state in tour(page, add_tour_meeting(live_server.app)):
        found["states"].append(state)
        record(found["axe"], state, axe_violations(page))
        record(found["targets"], state, small_targets(page))
        if request.param == "da-adjusted":
            screenshot(page, f"adjusted-{state}")
        if request.param == "da":
            screenshot(page, f"tablet-{state}")
        check_reflow(page, state, found)
        if request.param == "da" and not state.endswith("-error"):
            for size, name in ((PHONE, "phone"), (TABLET_LANDSCAPE, "landscape")):
                page.set_viewport_size(size)
                screenshot(page, f"{name}-{state}")
        page.set_viewport_size(TABLET_PORTRAIT)
    context.close()
    return found


def record(findings_by_state, state, problems):
    if problems:
        findings_by_state[state] = problems


def check_reflow(page, state, found):
    for size in (NARROW, HALF):
        page.set_viewport_size(size)
        overflow = horizontal_overflow(page)
        if overflow > 0:
            found["reflow"].setdefault(state, []).append(
                f"{size['width']} px: {overflow} px too wide: {widest_elements(page)}"
            )
    page.set_viewport_size(NARROW)
    style = page.add_style_tag(content=TEXT_SPACING_CSS)
    problems = clipped_text(page)
    if horizontal_overflow(page) > 0:
        problems.append(f"{horizontal_overflow(page)} px too wide: {widest_elements(page)}")
    record(found["spacing"], state, problems)
    style.evaluate("element => element.remove()")


def test_the_tour_saw_every_page_state(findings):
    states = findings["states"]
    assert {"start", "who", "who-error", "helper", "phone", "email", "check", "consent",
            "consent-error", "done", "receipt"} <= set(states)


def test_axe_finds_no_violation_of_wcag_a_aa_or_enhanced_contrast(findings):
    assert findings["axe"] == {}


def test_every_target_is_at_least_44_by_44_css_px(findings):
    assert findings["targets"] == {}


def test_pages_reflow_at_400_and_200_percent_zoom(findings):
    assert findings["reflow"] == {}


def test_wider_text_spacing_cuts_nothing_off(findings):
    assert findings["spacing"] == {}
