"""The gate: every citizen page state (app/web/page_states.py), in a real browser, with
JavaScript on and off, in Danish and English, in every display setting and every read-aloud
state, checked for what a person sees:

- axe-core: no violation of WCAG 2.0/2.1/2.2 A and AA or of its AAA contrast rule; what axe
  leaves "to review" about contrast is decided by pixels (colours.py), never dropped;
- text at 7:1 and control edges at 3:1 against the pixels really behind them;
- focus appearance by pixels (WCAG 2.4.13), Tab after Tab (focus_appearance.py);
- targets of 44 x 44 CSS px, reflow at 320 and 640 px, the WCAG 1.4.12 text spacing;
- the Danish a person sees: LIX at most 24 and no sentence over 15 words, no English.

Each walk is a module fixture (one browser context, one pass through every state); with
pytest-xdist the walks run side by side (scripts/test). At the end the gate prints what it
checked, in numbers (the README quotes them).
"""

import re

import pytest
import textstat

from browser_support import (
    PHONE,
    TABLET_PORTRAIT,
    TEXT_SPACING_CSS,
    axe_results,
    broken_words,
    clipped_text,
    horizontal_overflow,
    screenshot,
    small_targets,
    widest_elements,
)
from colours import CONTROL_MINIMUM, TEXT_MINIMUM, contrast_problems, extra_style
from display_settings import (
    EVERYTHING,
    WHITE_ON_BLACK,
    cookie_value,
    each_setting_alone,
    name_of,
    show_with,
)
from english_on_a_page import english_sentences
from focus_appearance import FocusWalk
from gate_summary import record_gate
from readability import reading
from reading_aloud import read_everything_aloud, stop_reading
from seen_text import seen_lines
from site_tour import tour

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}  # 1280 px at 400 % zoom
HALF = {"width": 640, "height": 800}  # 1280 px at 200 % zoom
MAX_LIX = 24
MAX_WORDS_IN_A_SENTENCE = 15

LETTERS = [s for s in each_setting_alone() if "text_size" in s]
# Tabbing through every element is the slowest check: the walks other than "da" Tab through
# one state of each kind of page (its errors included once), "da" through every state.
FOCUS_SAMPLE = {
    "start",
    "meetings",
    "meeting",
    "meeting-error",
    "settings",
    "not-found",
    "resume-code-error",
    "expired",
    "too-large",
    "who-error",
    "helper",
    "name-error",
    "work-work_other-revealed",
    "strengths",
    "check",
    "later-code",
    "consent-error",
    "done",
    "receipt",
    "helper-is-this-you",
    "shared-question",
    "still-here",
}
SPACE_AND_PICTURES = [s for s in each_setting_alone() if "spacing" in s or "pictures" in s]


class Walk:
    """What one pass through every page state checks."""

    def __init__(
        self,
        language="da",
        javascript=True,
        cookie=None,
        settings=({},),
        axe=True,
        focus=None,
        layout=False,
        reading_aloud=False,
        easy_read=False,
        screenshots=None,
        layout_only_at_normal=False,
    ):
        self.language, self.javascript, self.cookie = language, javascript, cookie
        self.settings, self.axe, self.focus, self.layout = settings, axe, focus, layout
        self.reading_aloud, self.easy_read, self.screenshots = reading_aloud, easy_read, screenshots
        self.layout_only_at_normal = layout_only_at_normal


WALKS = {
    "da": Walk(reading_aloud=True, easy_read=True, focus="all", screenshots="tablet"),
    "da-white-on-black": Walk(
        cookie=WHITE_ON_BLACK, reading_aloud=True, focus=FOCUS_SAMPLE, screenshots="white-on-black"
    ),
    # The normal letters' colours are the "da" walk's; here they are only laid out.
    "da-letters": Walk(axe=False, settings=[{}, *LETTERS], layout=True, layout_only_at_normal=True),
    "da-space-pictures-everything": Walk(
        axe=False, settings=[*SPACE_AND_PICTURES, EVERYTHING], screenshots="adjusted"
    ),
    "en": Walk(language="en"),
    "da-without-javascript": Walk(
        javascript=False,
        settings=({}, WHITE_ON_BLACK),
        focus=FOCUS_SAMPLE,
        easy_read=True,
        screenshots="no-javascript",
    ),
}


def walk_param(name):
    return pytest.param(name, marks=pytest.mark.xdist_group(f"walk-{name}"))


@pytest.fixture(scope="module", params=[walk_param(name) for name in WALKS])
def findings(request, browser, live_server_with_mail):
    walk, server = WALKS[request.param], live_server_with_mail
    # axe is injected as a script: the page's CSP would (rightly) refuse it. Without
    # JavaScript means without the site's scripts: they are refused, so the pages are drawn
    # as they are without JavaScript (there is no <noscript>), while the checks still run.
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=server.url, has_touch=True, bypass_csp=True
    )
    if not walk.javascript:
        context.route(re.compile(r"/static/js/"), lambda route: route.abort())
    cookies = [{"name": "klapjob_lang", "value": walk.language, "url": server.url}]
    if walk.cookie:
        cookies.append(
            {"name": "klapjob_display", "value": cookie_value(walk.cookie), "url": server.url}
        )
    context.add_cookies(cookies)
    page = context.new_page()
    found = Findings(request.param)
    looks = {}
    for state in tour(page, server.app, walk.javascript):
        found.states.append(state)
        check_state(page, walk, state, found, looks)
    context.close()
    record_gate(request.param, {**found.summary(), "problems": found.problems})
    return found


class Findings:
    def __init__(self, name):
        self.name = name
        self.states, self.settings_seen = [], set()
        self.problems = {
            kind: {}
            for kind in (
                "axe",
                "contrast",
                "targets",
                "reflow",
                "squeezed",
                "spacing",
                "focus",
                "lix",
                "long sentences",
                "english",
            )
        }
        self.axe_to_review = 0
        self.focus_stops = 0

    def record(self, kind, state, problems):
        if problems:
            self.problems[kind].setdefault(state, []).extend(problems)

    def summary(self):
        return {
            "states": len(self.states),
            "settings": sorted(self.settings_seen),
            "axe_to_review": self.axe_to_review,
            "focus_stops": self.focus_stops,
        }


def check_state(page, walk, state, found, looks):
    if walk.axe:
        violations, to_review = axe_results(page)
        found.record("axe", state, violations)
        found.axe_to_review += to_review  # decided by the pixel check below, on every text
    for settings in walk.settings:
        show_with(page, {**(walk.cookie or {}), **settings})
        label = name_of({**(walk.cookie or {}), **settings})
        found.settings_seen.add(label)
        if settings or not walk.layout_only_at_normal:
            found.record("contrast", state, [f"{label}: {p}" for p in seen_contrast(page)])
        if walk.reading_aloud and walk.javascript:
            read_everything_aloud(page)
            found.record(
                "contrast", state, [f"{label}, read aloud: {p}" for p in seen_contrast(page)]
            )
            stop_reading(page)
        found.record("targets", state, [f"{label}: {t}" for t in small_targets(page)])
        if walk.screenshots and settings is walk.settings[-1]:
            screenshot(page, f"{walk.screenshots}-{state}")
        if walk.layout:
            check_reflow(
                page, state, found, settings, label, phone_picture=settings is walk.settings[-1]
            )
    show_with(page, walk.cookie or {})
    if walk.focus == "all" or (walk.focus and state in walk.focus):
        focus_walk = FocusWalk(page, looks)
        found.record("focus", state, focus_walk.problems())
        found.focus_stops += focus_walk.stops
    if walk.easy_read:
        check_easy_read(page, state, found)


def seen_contrast(page):
    return contrast_problems(page)


def check_easy_read(page, state, found):
    lines = seen_lines(page)
    result = reading(lines)
    if result.lix > MAX_LIX:
        found.record("lix", state, [f"LIX {result.lix}: {sorted(set(result.long_words))[:12]}"])
    found.record(
        "long sentences",
        state,
        [s for s in result.sentences if textstat.lexicon_count(s) > MAX_WORDS_IN_A_SENTENCE],
    )
    found.record("english", state, english_sentences(lines))


# Where a word must fit whole, by text size: at the tablet's width and at 200 % zoom for
# every size; on a phone for the normal and the first larger size; at 400 % zoom (320 px,
# WCAG's reflow width) for the normal size. The larger sizes on a phone multiply a zoom that
# is already there: long words may still break there (README, "what the gate does not
# promise").
WORDS_FIT_ON = {
    "normal": (TABLET_PORTRAIT, HALF, PHONE, NARROW),
    "large": (TABLET_PORTRAIT, HALF, PHONE),
}
WORDS_FIT_ELSEWHERE_ON = (TABLET_PORTRAIT, HALF)


def check_reflow(page, state, found, settings, label, phone_picture):
    """Each text size at 400 % and 200 % zoom: nothing wider than the window, nothing cut
    off with wider spacing; and no everyday word broken over two lines where it must fit."""
    for size in WORDS_FIT_ON.get(settings.get("text_size", "normal"), WORDS_FIT_ELSEWHERE_ON):
        page.set_viewport_size(size)
        found.record(
            "squeezed", state, [f"{label}, {size['width']} px: {w}" for w in broken_words(page)]
        )
    for size in (NARROW, HALF):
        page.set_viewport_size(size)
        overflow = horizontal_overflow(page)
        if overflow > 0:
            found.record(
                "reflow",
                state,
                [f"{label}, {size['width']} px: {overflow} px too wide: {widest_elements(page)}"],
            )
    page.set_viewport_size(NARROW)
    with extra_style(page, TEXT_SPACING_CSS):
        problems = clipped_text(page)
        if horizontal_overflow(page) > 0:
            problems.append(f"{horizontal_overflow(page)} px too wide: {widest_elements(page)}")
    found.record("spacing", state, [f"{label}: {p}" for p in problems])
    if phone_picture and not state.endswith(("-error", "-wrong")):
        page.set_viewport_size(PHONE)
        screenshot(page, f"phone-{state}")
    page.set_viewport_size(TABLET_PORTRAIT)


def test_the_walk_saw_every_page_state(findings):
    states = set(findings.states)
    assert {
        "start",
        "who",
        "who-error",
        "helper",
        "phone",
        "email",
        "check",
        "consent",
        "consent-error",
        "done",
        "receipt",
        "settings-error",
        "resume-code-error",
        "resume-refused",
        "expired",
        "too-large",
        "meeting-signed-up",
        "done-copy-error",
        "helper-is-this-you",
        "change",
        "resume-code-too-many",
    } <= states
    if WALKS[findings.name].javascript:
        assert {"still-here", "work-work_other-revealed"} <= states


def test_axe_finds_no_violation_of_wcag_a_aa_or_enhanced_contrast(findings):
    assert findings.problems["axe"] == {}


def test_text_is_7_to_1_and_controls_3_to_1_against_what_is_behind_them(findings):
    assert TEXT_MINIMUM == 7 and CONTROL_MINIMUM == 3
    assert findings.problems["contrast"] == {}


def test_every_target_is_at_least_44_by_44_css_px(findings):
    assert findings.problems["targets"] == {}


def test_focus_is_seen_on_every_element_reached_with_tab(findings):
    if not WALKS[findings.name].focus:
        pytest.skip("this walk does not Tab through the pages")
    assert findings.focus_stops > 300
    assert findings.problems["focus"] == {}


def test_pages_reflow_at_400_and_200_percent_zoom_and_with_wider_text_spacing(findings):
    assert findings.problems["reflow"] == {}
    assert findings.problems["squeezed"] == {}
    assert findings.problems["spacing"] == {}


def test_the_danish_a_person_sees_is_easy_to_read(findings):
    if not WALKS[findings.name].easy_read:
        pytest.skip("this walk does not read the Danish")
    assert findings.problems["lix"] == {}
    assert findings.problems["long sentences"] == {}


def test_no_english_is_left_on_a_danish_page(findings):
    if not WALKS[findings.name].easy_read:
        pytest.skip("this walk does not read the Danish")
    assert findings.problems["english"] == {}
