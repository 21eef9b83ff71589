"""Say it with your voice, in a real Chromium: without JavaScript a file from the phone's
recorder goes with the question's form; with it, the browser's microphone records (here
Chromium's fake microphone, playing speech espeak-ng made) and the same form sends it."""

import re
import subprocess

import pytest
from playwright.sync_api import expect
from test_staff_accessibility import sign_in

from app.core.db import connect
from app.domain.registrations.sending import Consents, submit_registration
from browser_support import CHROMIUM, CHROMIUM_ARGS, TABLET_PORTRAIT, screenshot, screenshot_file
from people import MYSELF_IN_AARHUS
from staff import saved_draft, staff_member

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def speech_wav(tmp_path_factory):
    """Danish speech made by espeak-ng, as a phone's recorder or a microphone would hear."""
    path = tmp_path_factory.mktemp("voice") / "jeg-kan-lide-at-bage.wav"
    words = "Jeg kan lide at bage. Jeg kan også lide at gå tur med hunde."
    subprocess.run(["espeak-ng", "-v", "da", "-w", str(path), words], check=True)
    return path


def fake_microphone(speech):
    """Chromium's fake microphone, saying what espeak-ng said, with no prompt to allow it."""
    return [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={speech}",
    ]


def with_a_draft(context, live_server):
    """Mette has answered every question already (the draft saved as the pages do)."""
    token = saved_draft(live_server.app, MYSELF_IN_AARHUS)
    context.add_cookies([{"name": "klapjob_draft", "value": token, "url": live_server.url}])
    return token


def recordings(live_server):
    db = connect(live_server.app.config["DATABASE"])
    try:
        return list(db.query("SELECT field, mime_type, seconds, audio FROM voice_answers"))
    finally:
        db.close()


def forget_recordings(live_server):
    db = connect(live_server.app.config["DATABASE"])
    db.execute("DELETE FROM voice_answers")
    db.conn.commit()
    db.close()


def test_without_javascript_mette_sends_a_file_from_her_phones_recorder(
    browser, live_server, speech_wav
):
    forget_recordings(live_server)
    context = browser.new_context(
        viewport=TABLET_PORTRAIT,
        base_url=live_server.url,
        locale="da-DK",
        java_script_enabled=False,
    )
    with_a_draft(context, live_server)
    page = context.new_page()
    page.goto("/register/strengths")
    assert page.locator("[data-voice-recorder]").is_hidden(), "no recorder without JavaScript"
    page.get_by_label("Sig det med din stemme", exact=True).set_input_files(str(speech_wav))
    page.get_by_role("button", name="Gem optagelsen").click()
    page.wait_for_url("**/register/strengths")
    player = page.locator("[data-voice-kept] audio")
    assert player.is_visible()
    screenshot(page, "voice-no-javascript-kept")
    heard = context.request.get(player.get_attribute("src"))
    assert heard.status == 200
    assert heard.headers["content-type"] == "audio/wav"
    assert heard.body() == speech_wav.read_bytes()
    [kept] = recordings(live_server)
    assert kept["field"] == "strengths_text" and kept["seconds"] > 1
    context.close()


def test_mette_records_with_the_microphone_and_sends_it(browser, live_server, speech_wav):
    forget_recordings(live_server)
    # A browser of its own: the fake microphone is a flag of the whole browser.
    with_microphone = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS + fake_microphone(speech_wav)
    )
    try:
        # On a phone, as most people hold one.
        context = with_microphone.new_context(
            viewport=PHONE, base_url=live_server.url, locale="da-DK", is_mobile=True, has_touch=True
        )
        context.grant_permissions(["microphone"], origin=live_server.url)
        token = with_a_draft(context, live_server)
        page = context.new_page()
        page.goto("/register/strengths")
        one_way_to_answer_by_voice(page)
        page.get_by_role("button", name="Optag", exact=True).click()
        stop = page.get_by_role("button", name="Stop")
        stop.wait_for()
        # The count goes on as she speaks: 2 seconds of her words, then she stops.
        expect(page.locator("[data-voice-count]")).to_have_text(
            re.compile(r"^0:(0[2-9]|[1-5][0-9])$"), timeout=30_000
        )
        stop.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot_file("phone-voice-recording")))
        stop.click()
        preview = page.locator("[data-voice-preview]")
        preview.wait_for()
        assert page.get_by_role("button", name="Optag igen").is_visible()
        page.get_by_role("button", name="Gem optagelsen").click()
        page.wait_for_url("**/register/strengths")
        page.locator("[data-voice-kept] audio").wait_for()
        screenshot(page, "voice-recorded-kept")
        [kept] = recordings(live_server)
        assert kept["mime_type"] == "audio/webm"
        assert kept["seconds"] >= 2
        # Speech needs no music's bit rate: 32 kbps Opus is clear speech, and a quarter of
        # the disk of Chromium's own 128 kbps (bench/voice_answers_bench.py).
        kbps = len(kept["audio"]) * 8 / kept["seconds"] / 1000
        assert kbps <= 40, f"{kbps:.0f} kbps"
    finally:
        with_microphone.close()
    karl_hears_it_on_the_case(browser, live_server, token, kept["audio"])


def the_file_box(page):
    return page.locator('input[type="file"]').and_(
        page.get_by_label("Sig det med din stemme", exact=True)
    )


def one_way_to_answer_by_voice(page):
    """Where the browser records, the record button is the way: no file box beside it, and
    nothing to save before there is a recording."""
    expect(page.get_by_role("button", name="Optag", exact=True)).to_be_visible()
    expect(the_file_box(page)).to_be_hidden()
    expect(page.get_by_role("button", name="Gem optagelsen")).to_be_hidden()


def test_with_no_microphone_mette_is_offered_a_file_instead(browser, live_server):
    """A browser that can record, on a machine with no microphone (or a person who said no
    to it): the page says so, and the phone's own recorder is there again."""
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, locale="da-DK")
    with_a_draft(context, live_server)
    page = context.new_page()
    page.goto("/register/strengths")
    one_way_to_answer_by_voice(page)
    page.get_by_role("button", name="Optag", exact=True).click()
    expect(page.locator("[data-voice-status]")).to_have_text(
        "Vi kunne ikke bruge mikrofonen. Vælg en fil i stedet."
    )
    expect(the_file_box(page)).to_be_visible()
    expect(the_file_box(page)).to_be_focused()
    expect(page.get_by_role("button", name="Gem optagelsen")).to_be_visible()
    context.close()


@pytest.fixture
def twelve_seconds_an_answer(live_server):
    """A short limit, so the count reaches its end while the test waits."""
    config = live_server.app.config
    before = config["VOICE_SECONDS_PER_ANSWER"]
    config["VOICE_SECONDS_PER_ANSWER"] = 12
    yield
    config["VOICE_SECONDS_PER_ANSWER"] = before


def test_the_time_left_is_said_and_the_recording_stops_itself_at_the_limit(
    browser, live_server, speech_wav, twelve_seconds_an_answer
):
    """A person who cannot read the count hears it from the screen reader: the status says
    when 10 seconds are left and that the time is up, and the recording stops there."""
    forget_recordings(live_server)
    with_microphone = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS + fake_microphone(speech_wav)
    )
    try:
        context = with_microphone.new_context(
            viewport=PHONE, base_url=live_server.url, locale="da-DK"
        )
        context.grant_permissions(["microphone"], origin=live_server.url)
        with_a_draft(context, live_server)
        page = context.new_page()
        page.goto("/register/strengths")
        expect(page.locator("[data-voice-time]")).to_contain_text("0:12")
        page.get_by_role("button", name="Optag", exact=True).click()
        status = page.get_by_role("status").and_(page.locator("[data-voice-status]"))
        expect(status).to_have_text("Der er 10 sekunder tilbage.", timeout=30_000)
        expect(status).to_have_text(re.compile(r"^Tiden er gået\. Lyt til den\."), timeout=30_000)
        expect(page.get_by_role("button", name="Optag igen")).to_be_visible()
        expect(page.locator("[data-voice-count]")).to_have_text("0:12")
    finally:
        with_microphone.close()


def karl_hears_it_on_the_case(browser, live_server, token, recorded):
    """Mette sends; Karl opens her case at his laptop and plays what she said."""
    app = live_server.app
    db = connect(app.config["DATABASE"])
    try:
        with app.test_request_context():
            registration_id = submit_registration(
                db, token, language="da", consents=Consents(health=True, jobcentre=False)
            )
        [case] = db.query("SELECT public_id FROM registrations WHERE id = ?", [registration_id])
    finally:
        db.close()
    karl = staff_member(app, email="karl.voice@klapjob.dk", covers=("751",))
    context = browser.new_context(viewport=LAPTOP, base_url=live_server.url, locale="da-DK")
    page = context.new_page()
    sign_in(page, karl, app.config["DATABASE"])
    page.goto(f"/staff/registrations/{case['public_id']}")
    page.get_by_role("link", name="Lyt til dem").click()
    player = page.locator(".staff-voice audio")
    player.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_file("staff-laptop-voice-player")))
    heard = context.request.get(player.get_attribute("src"))
    assert (heard.status, heard.headers["content-type"], heard.body()) == (
        200,
        "audio/webm",
        recorded,
    )
    context.close()
