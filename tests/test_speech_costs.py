"""Sound costs CPU and disk, and a stranger can ask for it: the shared cache keeps only the
site's own texts, within a size budget, and loses what no page shows any more; a person's
own texts are made at most once a visitor and passage for a while, and each client has a
budget of seconds of synthesis a minute. (bench/personal_audio_bench.py measures what two
clients hammering personal audio do to the start page.)"""

import logging

import pytest

from app.speech.personal import recent
from app.speech.text import Passage
from pages import Page
from people import MYSELF_IN_AARHUS, Visitor

# About synthesis: the app fixture speaks with espeak-ng here (tests/conftest.py).
pytestmark = pytest.mark.real_speech


@pytest.fixture(autouse=True)
def nothing_in_memory():
    recent.clear()
    yield
    recent.clear()


@pytest.fixture
def speech_log(caplog):
    caplog.set_level(logging.INFO, logger="klapjob.speech")
    return caplog


def syntheses(caplog):
    return [
        r
        for r in caplog.records
        if r.name == "klapjob.speech" and r.message.startswith("synthesised")
    ]


def check_page_controls(visitor):
    page = visitor.open("/register/check")
    return page, [
        c["data-listen-normal"]
        for c in page.soup.select("[data-listen][data-listen-target]")
        if c["data-listen-target"].startswith("answer-")
    ]


@pytest.fixture
def mette(client):
    visitor = Visitor(client)
    visitor.answer_all(MYSELF_IN_AARHUS)
    return visitor


def test_a_persons_clip_is_made_once_however_often_it_is_played(client, mette, speech_log):
    _page, addresses = check_page_controls(mette)
    name = next(a for a in addresses if a.startswith("/listen/own/"))
    for _ in range(3):
        assert client.get(name).status_code == 200
        assert client.get(name.replace(".mp3", ".json")).status_code == 200
    _page, again = check_page_controls(mette)  # a new page, a new address, the same words
    assert client.get(again[addresses.index(name)]).status_code == 200
    assert len(syntheses(speech_log)) == 1


def test_past_its_budget_a_client_waits_a_moment_and_the_pages_do_not(app, client, mette):
    app.config["SPEECH_SECONDS_PER_MINUTE"] = 0.001
    _page, addresses = check_page_controls(mette)
    assert client.get(addresses[1]).status_code == 200, "within the budget"
    busy = client.get(addresses[2])
    assert busy.status_code == 429 and busy.headers["Retry-After"]
    assert (
        busy.get_data(as_text=True).strip()
        == "Der er for meget lyd lige nu. Vent lidt, og prøv igen."
    )
    assert client.get("/listen/allowance").get_json() == {"busy": True}
    page, _ = check_page_controls(mette)
    assert page.status == 200, "the page itself answers as always"
    assert (
        "Der er for meget lyd lige nu" in page.soup.select_one(".listen-bar .listen__problem").text
    )
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.9"
    assert elsewhere.get("/listen/allowance").get_json() == {"busy": False}


def test_the_shared_cache_keeps_nothing_past_its_budget(tmp_path):
    from app import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "AUDIO_CACHE_MB": 0.000001,
        }
    )
    client = app.test_client()
    page = Page(client.get("/"))
    address = page.soup.select_one("[data-listen-normal^='/listen/clip/']")["data-listen-normal"]
    response = client.get(address)
    assert response.status_code == 200 and response.content_type == "audio/mpeg"
    assert len(response.data) > 1000, "the clip is made and played"
    assert not list((tmp_path / "audio" / "clips").rglob("*.mp3")), "but not kept"


def test_prune_removes_what_no_page_shows_and_keeps_what_pages_show(app, client):
    from pathlib import Path

    clips = app.extensions["klapjob_speech"]
    with app.test_request_context():
        gone = clips.remember_passage(Passage.of("da", "En tekst ingen side viser mere."), "normal")
    clips.make(gone)
    shown = Page(client.get("/")).soup.select_one("[data-listen-normal^='/listen/clip/']")
    kept = shown["data-listen-normal"].rsplit("/", 1)[1].split(".")[0]
    client.get(shown["data-listen-normal"])
    assert clips.cache.has_clip(gone) and clips.cache.has_clip(kept)

    result = app.test_cli_runner().invoke(args=["audio", "prune"])
    assert result.exit_code == 0, result.output
    assert not clips.cache.has_clip(gone) and clips.cache.record(gone) is None
    assert clips.cache.has_clip(kept) and clips.cache.record(kept) is not None
    assert Path(clips.cache.record_path(kept)).exists()

    clips.make(clips.remember_passage(Passage.of("da", "Endnu en gammel tekst."), "normal"))
    purged = app.test_cli_runner().invoke(args=["data", "purge"])
    assert "Removed 3 read-aloud files" in purged.output, purged.output
