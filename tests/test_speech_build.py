"""`flask audio build`: every text every page shows to everybody, in both languages and at
both speeds, made before anybody presses play; only what is missing, when run again."""

import logging
import re

from pages import Page
from people import Visitor


def test_the_build_makes_every_clip_the_pages_show_and_then_only_what_is_new(app, caplog):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["audio", "build"])
    assert first.exit_code == 0, first.output
    summary = re.search(
        r"(\d+) clips for the pages \((\d+) made now, 0 failed\); (\d+) clips, ([\d,]+) bytes",
        first.output,
    )
    shown, made, on_disk, size = (int(n.replace(",", "")) for n in summary.groups())
    assert shown == made == on_disk > 800, "both languages, both speeds, every page"
    assert size > 5_000_000

    # Every player on every page a person meets now plays without waiting for synthesis
    # (the recorder's own player, empty until the person records, is not read aloud).
    read_aloud = "audio:not([data-voice-preview])"
    caplog.set_level(logging.INFO, logger="klapjob.speech")
    client = app.test_client()
    for language in ("da", "en"):
        client.set_cookie("klapjob_lang", language)
        visitor = Visitor(client)
        for url in ("/", "/help", "/register/who", "/register/work", "/register/health"):
            page = visitor.open(url)
            for player in page.soup.select(read_aloud):
                assert client.get(player["src"]).status_code == 200
        error_page = Page(visitor.answer("name", {}))
        for player in error_page.soup.select(read_aloud):
            assert client.get(player["src"]).status_code == 200
    assert not [r for r in caplog.records if r.message.startswith("synthesised")]

    again = runner.invoke(args=["audio", "build"])
    assert again.exit_code == 0
    assert f"{shown} clips for the pages (0 made now, 0 failed)" in again.output


def test_the_build_says_so_when_clips_cannot_be_made(tmp_path):
    from app import create_app

    broken = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SPEECH_VOICES": {"da": "no-such-voice", "en": "no-such-voice"},
            "SPEECH_TIMEOUT": 5,
        }
    )
    result = broken.test_cli_runner().invoke(args=["audio", "build", "--jobs", "2"])
    assert result.exit_code == 1
    assert re.search(r"\(0 made now, \d+ failed\)", result.output)
