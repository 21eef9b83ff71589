"""The speech engine sits behind a seam: tests that are not about synthesis hear the fake
engine (silence as long as the words, at once); tests about synthesis (marked real_speech)
hear espeak-ng; and a setting nobody knows stops the site from starting."""

import pytest

from app import create_app
from app.speech.engine.audio_format import mp3_frames
from pages import Page


def clip_of_the_heading(client):
    page = Page(client.get("/about"))
    heading = page.soup.select_one("main h1[data-listen-normal], main h1 [data-listen-normal]")
    return heading["data-listen-normal"], page.soup.select_one("main h1").get_text(" ", strip=True)


def test_a_page_test_hears_the_fake_engine_with_a_clip_as_long_as_its_words(app, client):
    assert app.extensions["klapjob_speech"].engine.name == "fake"
    address, heading = clip_of_the_heading(client)
    mp3 = client.get(address)
    assert mp3.status_code == 200
    _frames, seconds = mp3_frames(mp3.data)
    words = len(heading.split())
    assert seconds == pytest.approx(words * 60 / app.config["SPEECH_RATES"]["normal"], abs=0.1)
    timings = client.get(address.replace(".mp3", ".json")).get_json()
    assert len(timings["words"]) == words and timings["words"] == sorted(timings["words"])


@pytest.mark.real_speech
def test_a_test_about_synthesis_hears_espeak_ng(app):
    assert app.extensions["klapjob_speech"].engine.name == "espeak"


def test_the_fake_and_the_real_engine_never_share_a_clip(app, tmp_path):
    real = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "real.sqlite3"),
            "AUDIO_DIR": app.config["AUDIO_DIR"],
            "SPEECH_ENGINE": "espeak",
        }
    )
    fake, espeak = app.extensions["klapjob_speech"], real.extensions["klapjob_speech"]
    assert fake.engine_version != espeak.engine_version


def test_an_engine_nobody_knows_stops_the_site_from_starting(tmp_path):
    with pytest.raises(ValueError, match="SPEECH_ENGINE"):
        create_app(
            {
                "TESTING": True,
                "DATABASE": str(tmp_path / "x.sqlite3"),
                "SPEECH_ENGINE": "loudspeaker",
            }
        )
