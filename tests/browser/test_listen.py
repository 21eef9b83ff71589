"""Listening in a real browser (Debian's Chromium): a person on a tablet presses a speaker
and hears the words, which light up as they are said; the page is read from its heading
down; the speed they chose stays; without JavaScript every passage is a player; and when
the sound does not work they are told so plainly. Real espeak-ng behind a real server."""

import re

import pytest
from playwright.sync_api import expect

from app import create_app
from browser_support import TABLET_PORTRAIT, LiveServer, screenshot

pytestmark = pytest.mark.browser

# Every word as listen.js highlights it (once per word), and every change of the block
# being read: recorded as they happen, so that none is missed however slowly the page runs.
WATCH_READING = """() => {
  window.heard = [];
  const block = () => { const b = document.querySelector('.listen-reading'); return b ? (b.id || b.localName) : null; };
  const set = CSS.highlights.set.bind(CSS.highlights);
  CSS.highlights.set = (name, highlight) => {
    const result = set(name, highlight);
    if (name === 'listen-word') {
      // listen.js sets the highlight again as the sound plays: a word counts once.
      const now = [block(), [...highlight][0].toString()];
      const lastWord = window.heard.filter(([, word]) => word).pop();
      const last = window.heard[window.heard.length - 1];
      if (!lastWord || lastWord[1] !== now[1] || last[0] !== now[0]) window.heard.push(now);
    }
    return result;
  };
  new MutationObserver(() => {
    const last = window.heard[window.heard.length - 1];
    if (!last || last[0] !== block()) window.heard.push([block(), null]);
  }).observe(document.documentElement, {attributes: true, attributeFilter: ['class'], subtree: true});
}"""


def wait_until(page, script, timeout=10):
    """Poll `script` (a function, run in the page) until it is true. The site's CSP forbids
    eval, which Playwright's wait_for_function needs."""
    for _ in range(int(timeout / 0.05)):
        if page.evaluate(script):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still not true after {timeout} s: {script}")


def heard_words(page):
    return [word for _block, word in page.evaluate("window.heard") if word]


def heard_blocks(page):
    blocks = []
    for block, _word in page.evaluate("window.heard"):
        if block and (not blocks or blocks[-1] != block):
            blocks.append(block)
    return blocks


def test_a_person_presses_the_speaker_beside_a_question_and_follows_the_words(tablet):
    tablet.goto("/register/age")
    tablet.evaluate(WATCH_READING)
    speaker = tablet.get_by_role("button", name="Lyt til: Hvor gammel er du?")
    box = speaker.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    speaker.click()
    expect(speaker).to_have_attribute("aria-pressed", "true")
    wait_until(tablet, "() => window.heard.some(([, word]) => word)")
    screenshot(tablet, "listen-playing-question")
    expect(speaker).to_have_attribute("aria-pressed", "false", timeout=5000)
    assert heard_words(tablet) == ["Hvor", "gammel", "er", "du?"]
    assert {block for block, _ in tablet.evaluate("window.heard") if block} == {"question-text"}
    assert tablet.evaluate("document.querySelector('.listen-reading')") is None, "all clear after"


def test_a_choice_is_read_with_its_explanation_after_a_pause(tablet):
    tablet.goto("/register/age")
    tablet.evaluate(WATCH_READING)
    tablet.get_by_role(
        "button", name=re.compile(r"^Lyt til: Under 18 år Du kan godt sende")
    ).click()
    wait_until(tablet, "() => document.querySelectorAll('[aria-pressed=true]').length === 0")
    words = heard_words(tablet)
    assert words[:3] == ["Under", "18", "år"] and words[-1] == "forældre."
    assert not tablet.locator("#age_group-0").is_checked(), "listening does not choose"


def test_the_whole_page_is_read_block_by_block_from_the_heading_down(tablet):
    tablet.goto("/register/name")
    tablet.get_by_role("button", name="Næste").click()  # now with its error message
    expect(tablet.locator("#name-error")).to_be_visible()
    tablet.evaluate(WATCH_READING)
    listen = tablet.get_by_role("button", name="Lyt til hele siden")
    expect(listen).to_contain_text("Lyt")
    listen.click()
    wait_until(
        tablet,
        "() => window.heard.some(([block, word]) => block === 'name-error' && word === 'Fejl:')",
        timeout=20,
    )
    tablet.keyboard.press("Escape")
    expect(listen).to_have_attribute("aria-pressed", "false")
    blocks = heard_blocks(tablet)
    assert blocks[:3] == ["question-text", "p", "name-error"], "question, hint, error message"
    words = heard_words(tablet)
    assert words[:3] == ["Hvad", "hedder", "du?"]
    assert "Fejl:" in words
    assert "rette" not in words, "the error summary above the heading is not read"


def test_the_keyboard_plays_and_stops_and_nothing_plays_by_itself(tablet):
    requests = []
    tablet.on("request", lambda request: requests.append(request.url))
    tablet.goto("/register/who")
    tablet.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/listen/" in url], (
        "nothing is fetched or played by itself"
    )
    speaker = tablet.get_by_role("button", name="Lyt til: Er der en, der hjælper dig med at svare?")
    speaker.focus()
    tablet.keyboard.press("Enter")
    expect(speaker).to_have_attribute("aria-pressed", "true")
    tablet.keyboard.press("Space")
    expect(speaker).to_have_attribute("aria-pressed", "false")


def test_slow_speech_is_chosen_once_and_kept(tablet):
    played = []
    tablet.on(
        "request",
        lambda request: played.append(request.url) if request.url.endswith(".mp3") else None,
    )
    tablet.goto("/register/name")
    slow = tablet.get_by_role("link", name="Langsom")
    slow.click()
    expect(slow).to_have_attribute("aria-current", "true")
    assert tablet.url.endswith("/register/name"), "no new page: what was typed stays"
    tablet.reload()
    expect(tablet.get_by_role("link", name="Langsom")).to_have_attribute("aria-current", "true")
    speaker = tablet.get_by_role("button", name="Lyt til: Hvad hedder du?")
    speaker.click()
    expect(speaker).to_have_attribute("aria-pressed", "false", timeout=8000)
    question = tablet.locator('[data-listen-target="question-text"]')
    assert played[-1].endswith(question.get_attribute("data-listen-slow"))
    screenshot(tablet, "listen-slow-chosen")


def test_every_speaker_is_big_enough_on_every_question(tablet):
    small = []
    for path in ("/register/work", "/register/helper", "/register/support"):
        tablet.goto(path)
        for button in tablet.locator(".listen__button").all():
            if not button.is_visible():  # beside a follow-up question not asked yet
                continue
            box = button.bounding_box()
            if box["width"] < 44 or box["height"] < 44:
                small.append(f"{path}: {button.inner_text()} {box}")
    assert small == []


@pytest.fixture
def without_javascript(browser, live_server):
    context = browser.new_context(
        viewport=TABLET_PORTRAIT,
        base_url=live_server.url,
        locale="da-DK",
        java_script_enabled=False,
    )
    yield context.new_page()
    context.close()


def test_without_javascript_the_page_has_one_listen_link_that_plays(without_javascript):
    """Issue 22: a bare player on every line ("0:00 / 0:00", 17 on the work page) was noise;
    now one plain "Lyt" link plays the whole page, and the lines wait for listen.js."""
    page = without_javascript
    page.goto("/register/age")
    screenshot(page, "listen-without-javascript")
    assert page.locator("audio.listen__audio").count() == 7, "the page, the question, 5 choices"
    assert page.locator("audio.listen__audio:visible").count() == 0
    assert page.locator(".listen__button:visible").count() == 0
    listen = page.locator("a.listen__link:visible")
    assert listen.count() == 1 and listen.inner_text().strip() == "Lyt"
    assert listen.get_attribute("href") == page.locator(".listen-bar audio").get_attribute("src")
    response = page.request.get(listen.get_attribute("href"))
    assert (
        response.ok
        and response.headers["content-type"] == "audio/mpeg"
        and len(response.body()) > 2000
    )


def test_without_javascript_the_speed_is_a_link_that_comes_back_to_the_page(without_javascript):
    page = without_javascript
    page.goto("/register/age")
    page.get_by_role("link", name="Langsom").click()
    assert page.url.endswith("/register/age")
    expect(page.get_by_role("link", name="Langsom")).to_have_attribute("aria-current", "true")
    question = page.locator('[data-listen-target="question-text"]')
    assert question.locator("audio").get_attribute("src") == question.get_attribute(
        "data-listen-slow"
    )


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    app = create_app(
        {
            "DATABASE": str(folder / "k.sqlite3"),
            "AUDIO_DIR": str(folder / "audio"),
            "SMTP_HOST": "",
            "SPEECH_VOICES": {"da": "no-such-voice", "en": "en"},
            "SPEECH_TIMEOUT": 5,
        }
    )
    with LiveServer(app) as server:
        yield server


def test_when_the_sound_does_not_work_the_person_is_told_plainly_beside_the_button(
    browser, broken_server
):
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=broken_server.url, locale="da-DK"
    )
    page = context.new_page()
    response = page.goto("/register/name")
    assert response.status == 200
    speaker = page.get_by_role("button", name="Lyt til: Hvad hedder du?")
    speaker.click()
    problem = page.locator('[data-listen-target="question-text"] [role=status]')
    expect(problem).to_have_text("Lyden virker ikke lige nu", timeout=10000)
    expect(speaker).to_have_attribute("aria-pressed", "false")
    assert problem.is_visible()
    screenshot(page, "listen-sound-not-working")
    page.get_by_label("Hvad hedder du?").fill("Mette")
    page.get_by_role("button", name="Næste").click()
    assert page.url.endswith("/register/contact"), "the page goes on working"
    context.close()


# Keeps the page's one audio element within reach, so that a test can hold the reading
# still (pause) and look at it: listen.js keeps it to itself.
KEEP_THE_PLAYER = """
(() => {
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () { window.playing = this; return play.call(this); };
})();
"""


def test_in_white_on_black_the_words_being_read_can_be_read(browser, live_server):
    from colours import control_contrast_problems, text_contrast_problems
    from display_settings import WHITE_ON_BLACK, cookie_value

    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=live_server.url, locale="da-DK"
    )
    context.add_cookies(
        [{"name": "klapjob_display", "value": cookie_value(WHITE_ON_BLACK), "url": live_server.url}]
    )
    context.add_init_script(KEEP_THE_PLAYER)
    page = context.new_page()
    assert page.goto("/register/activity").status == 200
    listen = page.get_by_role("button", name="Lyt til hele siden")
    listen.click()
    wait_until(
        page,
        "() => { const w = CSS.highlights.get('listen-word');"
        " return w && w.size > 0 && document.querySelector('.listen-reading') !== null; }",
    )
    page.evaluate("window.playing.pause()")
    expect(listen).to_have_attribute("aria-pressed", "true")
    screenshot(page, "listen-white-on-black-reading")
    assert text_contrast_problems(page) == []
    assert control_contrast_problems(page) == []
    context.close()
