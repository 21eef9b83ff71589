"""How quickly read-aloud fails when it must: the timings the unit tests no longer hold to
a wall clock, measured side by side in one run (medians of --rounds).

    .venv/bin/python bench/speech_failures.py [--rounds 5]

1. A voice that does not exist: seconds until synthesise() gives up (goal: under the 5 s
   timeout it was given, so the person is told at once).
2. A hung engine (SIGSTOP) with a 1 s timeout: seconds until SynthesisTimedOut (goal: one
   time limit, not one per try: under 2.5 s).
3. The name page while the engine hangs, against the same page with a working engine
   (goal: the page never waits for synthesis: about 1x).
4. Four clips asked for while synthesis is known to fail: seconds for all four (goal: no
   engine is started again: well under 0.5 s).
"""

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import create_app
from app.speech.engine.synthesis import SynthesisFailed, SynthesisTimedOut, process_for, synthesise


def seconds(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def expect(error, call):
    def run():
        try:
            call()
        except error:
            return
        raise AssertionError(f"expected {error.__name__}")

    return run


def unknown_voice():
    return seconds(
        expect(SynthesisFailed, lambda: synthesise("Hej", "no-such-voice", 160, timeout=5))
    )


def hung_engine(rate):
    audio = process_for("audio", "da", rate)
    audio.run("Hej", timeout=10)
    os.kill(audio.pid, signal.SIGSTOP)
    return seconds(
        expect(SynthesisTimedOut, lambda: synthesise("Hvad hedder du?", "da", rate, timeout=1))
    )


def site(folder, **settings):
    return create_app(
        {
            "TESTING": True,
            "DATABASE": f"{folder}/k.sqlite3",
            "AUDIO_DIR": f"{folder}/audio",
            "SMTP_HOST": "",
            **settings,
        }
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    figures = {
        "unknown voice": [],
        "hung engine": [],
        "page, engine hung": [],
        "page, engine working": [],
        "4 clips while failing": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        working = site(folder + "/w").test_client()
        hanging = site(folder + "/h", SPEECH_RATES={"normal": 163, "slow": 114}, SPEECH_TIMEOUT=1)
        failing = site(
            folder + "/f", SPEECH_VOICES={"da": "no-such-voice", "en": "en"}
        ).test_client()
        working.get("/register/name")
        failing.get("/register/name")
        import re

        addresses = re.findall(
            r'<audio[^>]+src="([^"]+)"', failing.get("/register/age").get_data(as_text=True)
        )
        failing.get(addresses[1])
        for round_ in range(rounds):
            figures["unknown voice"].append(unknown_voice())
            figures["hung engine"].append(hung_engine(170 + round_))
            figures["page, engine working"].append(seconds(lambda: working.get("/register/name")))
            with hanging.app_context():
                hanging_client = hanging.test_client()
                process_for("audio", "da", 163).run("Hej", timeout=10)
                os.kill(process_for("audio", "da", 163).pid, signal.SIGSTOP)
                figures["page, engine hung"].append(
                    seconds(lambda client=hanging_client: client.get("/register/name"))
                )
                process_for("audio", "da", 163).stop()
            figures["4 clips while failing"].append(
                seconds(lambda: [failing.get(a) for a in addresses[2:6]])
            )
    for name, values in figures.items():
        print(
            f"{name:24} median {statistics.median(values) * 1000:8.1f} ms  ({len(values)} rounds)"
        )
    ratio = statistics.median(figures["page, engine hung"]) / statistics.median(
        figures["page, engine working"]
    )
    print(f"page with a hung engine / with a working one: {ratio:.2f}x")


if __name__ == "__main__":
    main()
