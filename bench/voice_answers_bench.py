"""What answers in the person's own voice cost: 100 registrations, each with three 2-minute
recordings (issue 26), on a real SQLite file (synchronous=FULL, as the site runs).

    .venv/bin/python bench/voice_answers_bench.py [--people 100] [--kbps 128]

Each person answers every question through the site's own pages (Flask's test client, in
this process: the time is the server's, not the network's), then sends three pages that
take a recording (what I like, what I am good at, what I have tried) as WebM Opus the way
Chrome's MediaRecorder writes it, at the 32 kbps the site's recorder asks for (voice.js:
0.5 MB for 2 minutes; `--kbps 128`, Chromium's own default, is 2 MB, under the 3 MB limit
an answer). Side by side, in the same run and order: the same three
pages sent with the same words and no recording. Then the registration is sent (its
recordings move from the draft to it).

Prints: the median and 90th percentile time to save a page (the POST of its form) with and
without a recording
and their ratio, the time to send, and the database's growth on disk (file and WAL) per
person and per recording minute, against the bytes recorded.
"""

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from app import create_app
from app.core.db import connect
from people import MYSELF_IN_AARHUS, Visitor
from recordings import webm_opus

# The pages with a text box a person may say instead, and what they wrote there.
SPOKEN_PAGES = {
    "strengths": ("strengths_text", MYSELF_IN_AARHUS["strengths"]),
    "good_at": ("good_at_text", MYSELF_IN_AARHUS["good_at"]),
    "experience": ("experience_text", MYSELF_IN_AARHUS["experience"]),
}
SECONDS = 120


def database_bytes(path):
    return sum(
        Path(f"{path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    )


def timed(action):
    start = time.perf_counter()
    response = action()
    return time.perf_counter() - start, response


def time_to_save(visitor, url, answers, files=None):
    """The page's form sent as the page gave it; only the sending is timed."""
    form = {"csrf_token": visitor.open(url).csrf_token(), **answers}
    for name, data in (files or {}).items():
        form[name] = (io.BytesIO(data), "svar.webm", "audio/webm")
    seconds, response = timed(
        lambda: visitor.client.post(url, data=form, content_type="multipart/form-data")
    )
    assert response.status_code == 302, response.status_code
    return seconds


def save_each_page(visitor, recording):
    """Each spoken page once without the recording and once with it: the two times each."""
    with_voice, without_voice = [], []
    for key, (field, answers) in SPOKEN_PAGES.items():
        url = f"/register/{key}"
        without_voice.append(time_to_save(visitor, url, answers))
        with_voice.append(time_to_save(visitor, url, answers, {f"{field}_voice": recording}))
    return with_voice, without_voice


def percentile_90(values):
    return sorted(values)[int(len(values) * 0.9)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--kbps", type=int, default=32)
    options = parser.parse_args()
    recording = webm_opus(SECONDS, options.kbps * 1000)
    folder = Path(tempfile.mkdtemp(prefix="klapjob-voice-bench-"))
    database = folder / "klapjob.sqlite3"
    # One address starts every draft here: the limit of new drafts an hour is lifted.
    app = create_app(
        {
            "DATABASE": str(database),
            "SMTP_HOST": "",
            "SPEECH_ENGINE": "fake",
            "NEW_DRAFTS_PER_HOUR": options.people * 2,
        }
    )
    with_voice, without_voice, sends = [], [], []
    start_bytes = None
    for _person in range(options.people):
        visitor = Visitor(app.test_client())
        visitor.answer_all(MYSELF_IN_AARHUS)
        if start_bytes is None:
            start_bytes = database_bytes(database)
        spoken, written = save_each_page(visitor, recording)
        with_voice += spoken
        without_voice += written
        seconds, response = timed(visitor.send)
        assert response.status_code == 302, response.status_code
        sends.append(seconds)
    db = connect(database)
    recordings, recorded_bytes = next(
        db.query(
            "SELECT count(*) AS n, sum(size) AS bytes FROM voice_answers"
            " WHERE registration_id IS NOT NULL"
        )
    ).values()
    db.close()
    grown = database_bytes(database) - start_bytes
    minutes = recordings * SECONDS / 60
    print(f"{options.people} people, {recordings} recordings of {SECONDS} s at {options.kbps} kbps")
    print(f"recording size: {len(recording) / 1e6:.2f} MB")
    median_with, median_without = statistics.median(with_voice), statistics.median(without_voice)
    print(
        f"save a page, median: {median_with * 1000:.0f} ms with a recording, "
        f"{median_without * 1000:.0f} ms without; ratio {median_with / median_without:.1f}"
    )
    print(
        f"save a page, 90th percentile: {percentile_90(with_voice) * 1000:.0f} ms with, "
        f"{percentile_90(without_voice) * 1000:.0f} ms without"
    )
    print(f"send the registration, median: {statistics.median(sends) * 1000:.0f} ms")
    print(
        f"database grew {grown / 1e6:.0f} MB ({grown / 1e6 / options.people:.2f} MB a person, "
        f"{grown / 1e6 / minutes:.2f} MB a minute recorded); recorded bytes "
        f"{recorded_bytes / 1e6:.0f} MB (growth / recorded = {grown / recorded_bytes:.2f})"
    )


if __name__ == "__main__":
    main()
