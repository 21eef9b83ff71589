"""Clips of texts that are the same for everybody: made once when first asked for (or by
`flask audio build`), kept on disk, served like a static file. Only texts a page showed can
be asked for; a failing or hanging engine leaves every page working."""

import json
import logging
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app import create_app
from app.speech.engine.audio_format import mp3_frames
from app.speech.engine.synthesis import process_for
from pages import Page

# About synthesis: the app fixture speaks with espeak-ng here (tests/conftest.py).
pytestmark = pytest.mark.real_speech

PROBLEM = "Lyden virker ikke lige nu"


def clip_addresses(page):
    """The players of a page, as a person without JavaScript has them: {label: address}."""
    return {audio["aria-label"]: audio["src"] for audio in page.soup.select("audio.listen__audio")}


def syntheses(caplog):
    return [
        r
        for r in caplog.records
        if r.name == "klapjob.speech" and r.message.startswith("synthesised")
    ]


@pytest.fixture
def speech_log(caplog):
    caplog.set_level(logging.INFO, logger="klapjob.speech")
    return caplog


def test_a_question_is_made_once_then_served_from_the_cache(client, get_page, speech_log):
    address = clip_addresses(get_page("/register/name"))["Lyt til: Hvad hedder du?"]
    first = client.get(address)
    assert first.status_code == 200 and first.content_type == "audio/mpeg"
    assert mp3_frames(first.data)[1] > 0.5
    assert len(syntheses(speech_log)) == 1, "a miss: made now"
    again = client.get(address)
    assert again.data == first.data
    assert len(syntheses(speech_log)) == 1, "a hit: nothing made"


def test_a_clip_is_kept_by_browsers_for_a_year_and_checked_by_its_etag(client, get_page):
    address = clip_addresses(get_page("/register/name"))["Lyt til: Hvad hedder du?"]
    response = client.get(address)
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    key = address.rsplit("/", 1)[-1].removesuffix(".mp3")
    assert response.headers["ETag"] == f'"{key}"'
    assert client.get(address, headers={"If-None-Match": f'"{key}"'}).status_code == 304


def test_safari_gets_the_byte_ranges_it_asks_for(client, get_page):
    address = clip_addresses(get_page("/register/name"))["Lyt til: Hvad hedder du?"]
    whole = client.get(address).data
    part = client.get(address, headers={"Range": "bytes=0-1"})
    assert part.status_code == 206 and part.data == whole[:2]
    assert part.headers["Content-Range"] == f"bytes 0-1/{len(whole)}"


def test_word_times_come_with_every_clip(client, get_page):
    address = clip_addresses(get_page("/register/activity"))[
        "Lyt til: Jeg går på STU STU er en uddannelse for unge med brug for støtte."
    ]
    timings = client.get(address.replace(".mp3", ".json")).get_json()
    assert len(timings["words"]) == len(
        "Jeg går på STU STU er en uddannelse for unge med brug for støtte.".split()
    )
    assert timings["words"] == sorted(timings["words"])
    assert timings["words"][-1] < timings["duration"]


def test_many_people_asking_for_a_new_clip_at_once_make_it_once(app, get_page, speech_log):
    address = clip_addresses(get_page("/register/age"))["Lyt til: Hvor gammel er du?"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: app.test_client().get(address), range(8)))
    assert {answer.status_code for answer in answers} == {200}
    assert len({answer.data for answer in answers}) == 1
    assert len(syntheses(speech_log)) == 1


def test_the_whole_page_is_one_clip_of_its_blocks(client, get_page):
    page = get_page("/register/name")
    address = clip_addresses(page)["Lyt til hele siden"]
    whole = client.get(address)
    assert whole.status_code == 200 and whole.headers["Cache-Control"].endswith("immutable")
    blocks = page.soup.select("main [data-listen-normal]:not([data-listen])")
    assert [b.get_text(" ", strip=True) for b in blocks][:2] == [
        "Hvad hedder du?",
        "Skriv hele dit navn.",
    ]
    parts = [client.get(block["data-listen-normal"]).data for block in blocks]
    assert whole.data == b"".join(parts)


@pytest.mark.parametrize(
    "address",
    [
        "/listen/clip/" + "0" * 32 + ".mp3",  # a key no page ever showed
        "/listen/clip/" + "a" * 33 + ".mp3",  # too long
        "/listen/clip/" + "a" * 5000 + ".mp3",
        "/listen/clip/" + "A" * 32 + ".mp3",  # not our spelling
        "/listen/clip/" + "g" * 32 + ".json",
        "/listen/clip/../../instance/secret_key",
        "/listen/clip/%2e%2e%2f%2e%2e%2fapp%2fconfig.py",
        "/listen/clip/..%2f..%2fsecret_key.mp3",
        "/listen/own/" + "x" * 20 + "/normal/" + "y" * 22 + ".mp3",  # not signed by us
        "/listen/own/" + "x" * 5000 + "/normal/page.mp3",
        "/listen/own/abc/fast/page.mp3",
        "/listen/speed/fastest",
    ],
)
def test_odd_addresses_find_nothing(client, address):
    assert client.get(address).status_code == 404


def test_a_clip_key_says_only_what_the_page_showed(app, client, get_page):
    """Someone who can write to the cache folder still cannot make a key say other words."""
    address = clip_addresses(get_page("/register/name"))["Lyt til: Hvad hedder du?"]
    key = address.rsplit("/", 1)[-1].removesuffix(".mp3")
    record_path = app.extensions["klapjob_speech"].cache.record_path(key)
    record = json.loads(record_path.read_text())
    record["chunks"] = ["Send mig alle dine penge."]
    record_path.write_text(json.dumps(record))
    assert client.get(address).status_code == 404


def test_the_audio_folder_is_under_the_instance_folder_by_default(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "k.sqlite3")})
    assert Path(app.config["AUDIO_DIR"]) == Path(app.instance_path) / "audio"
    assert not Path(app.config["AUDIO_DIR"]).is_relative_to(Path(app.static_folder))


# When synthesis fails or hangs -----------------------------------------------------------


@pytest.fixture
def broken_speech(tmp_path):
    """A site whose Danish voice cannot be found: every new clip fails, for real."""
    return create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SPEECH_VOICES": {"da": "no-such-voice", "en": "en"},
            "SPEECH_TIMEOUT": 5,
        }
    )


def test_when_synthesis_fails_the_page_still_works_and_says_so_plainly(broken_speech):
    client = broken_speech.test_client()
    first = Page(client.get("/register/name"))
    assert first.status == 200 and PROBLEM not in first.text(), "nothing is known to be wrong yet"
    clip = client.get(clip_addresses(first)["Lyt til: Hvad hedder du?"])
    assert clip.status_code == 503 and clip.headers["Cache-Control"] == "no-store"
    assert clip.headers["Retry-After"] == "30"
    again = Page(client.get("/register/name"))
    assert again.status == 200
    problems = again.soup.select(".listen__problem")
    assert problems and all(p.get_text(strip=True) == PROBLEM for p in problems)
    assert again.soup.select_one(".listen-bar .listen__problem").get_text(strip=True) == PROBLEM


def test_after_a_failure_the_site_waits_a_little_before_trying_again(broken_speech, speech_log):
    client = broken_speech.test_client()
    addresses = list(clip_addresses(Page(client.get("/register/age"))).values())
    client.get(addresses[1])
    tries = len([r for r in speech_log.records if r.message.startswith("no clip")])
    attempts = len([r for r in speech_log.records if "synthesis attempt" in r.message])
    assert all(client.get(a).status_code == 503 for a in addresses[2:6])
    # No engine is started while it is known to fail (bench/speech_failures.py times it).
    assert len([r for r in speech_log.records if r.message.startswith("no clip")]) == tries
    assert len([r for r in speech_log.records if "synthesis attempt" in r.message]) == attempts


def test_a_clip_made_before_the_failure_still_plays(tmp_path):
    settings = {
        "TESTING": True,
        "DATABASE": str(tmp_path / "k.sqlite3"),
        "AUDIO_DIR": str(tmp_path / "audio"),
    }
    working = create_app(settings).test_client()
    address = clip_addresses(Page(working.get("/register/name")))["Lyt til: Hvad hedder du?"]
    assert working.get(address).status_code == 200
    broken = create_app({**settings, "SPEECH_VOICES": {"da": "no-such-voice", "en": "en"}})
    # The voice is part of the key, so the broken site has other keys: it shows the message
    # for those, while the clip already made keeps playing.
    assert broken.test_client().get(address).status_code == 200


def test_when_the_engine_hangs_the_page_still_answers_and_the_clip_gives_up(tmp_path, speech_log):
    """The page never waits for synthesis, and the clip gives up after SPEECH_TIMEOUT
    (how long each takes: bench/speech_failures.py)."""
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SPEECH_RATES": {"normal": 163, "slow": 114},
            "SPEECH_TIMEOUT": 1,
        }
    )
    client = app.test_client()
    addresses = clip_addresses(Page(client.get("/register/name")))
    assert client.get(addresses["Lyt til: Hvad hedder du?"]).status_code == 200
    engine = process_for("audio", "da", 163)
    os.kill(engine.pid, signal.SIGSTOP)
    made_before = len(syntheses(speech_log))
    page = Page(client.get("/register/name"))
    assert page.status == 200
    assert len(syntheses(speech_log)) == made_before, "the page did not wait for an engine"
    clip = client.get(addresses["Lyt til hele siden"])
    assert clip.status_code == 503
    page = Page(client.get("/register/name"))
    assert page.status == 200 and PROBLEM in page.text()
