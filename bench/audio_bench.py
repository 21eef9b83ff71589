"""Read-aloud benchmark, every figure from one run, side by side.

    .venv/bin/python bench/audio_bench.py [--rounds 200]

Against a fresh instance (temporary database and audio folder, nothing of yours touched):

1. The pre-build, `flask audio build`: seconds, clips and megabytes, both languages.
2. gunicorn with 2 sync workers on a free port, as scripts/serve runs it.
3. A cached clip served by the site against a static file of the same size served by the
   same server: median time of a whole response, alternating A and B. Goal: at most 1.3x.
4. A cold 20-word Danish sentence through the site (a clip nobody asked for yet: synthesis,
   word timings, MP3, HTTP) against `espeak-ng -v da -w` on the same sentence from the
   shell, alternating. Goal: at most 2x.
5. 200 clip requests at the same moment, half of them cold (50 new sentences, each asked for
   twice): failures, empty or broken files, worker restarts, and how often each new clip
   was synthesised (it must be once).

The cold sentences are texts no page shows, so the benchmark remembers them the way a page
would (in the audio folder, with the site's own code) before asking for them: the site
never synthesises a text it did not render.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VENV = ROOT / ".venv" / "bin"

NAMES = ["Mette", "Ali", "Jonas", "Sara", "Peter", "Fatima", "Lars", "Emma", "Omar", "Ida"]


def twenty_word_sentence(number):
    """A Danish sentence of 20 words, different for every number."""
    name = NAMES[number % len(NAMES)]
    sentence = (
        f"{name} vil arbejde {number} timer om ugen i et køkken, hvor der er roligt, "
        "og en fast person at spørge."
    )
    assert len(sentence.split()) == 20, sentence
    return sentence


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=60):
    """(status, body, seconds) for one request on a new connection, body read to the end."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, time.perf_counter() - started


def milliseconds(seconds):
    return round(statistics.median(seconds) * 1000, 2)


class Instance:
    """A fresh KLAPjob: its own instance data, gunicorn on a free port."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.audio = self.folder / "audio"
        self.env = {
            **os.environ,
            "KLAPJOB_DATABASE": str(self.folder / "klapjob.sqlite3"),
            "KLAPJOB_AUDIO_DIR": str(self.audio),
            "KLAPJOB_SECRET_KEY": secrets.token_hex(32),
            # The site tried on this machine, as scripts/serve does (else it refuses to start).
            "KLAPJOB_DEVELOPMENT": "1",
        }
        os.environ.update({k: v for k, v in self.env.items() if k.startswith("KLAPJOB_")})
        self.log = self.folder / "gunicorn.log"
        self.port = free_port()
        self.server = None

    def build(self):
        started = time.perf_counter()
        result = subprocess.run(
            [str(VENV / "flask"), "--app", "app", "audio", "build"],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - started
        clips, size = re.search(r"; (\d+) clips, ([\d,]+) bytes", result.stdout).groups()
        return seconds, int(clips), int(size.replace(",", ""))

    def serve(self):
        config = self.folder / "gunicorn_bench.py"
        config.write_text(
            "logconfig_dict = "
            + repr(
                {
                    "version": 1,
                    "disable_existing_loggers": False,
                    "formatters": {"plain": {"format": "%(asctime)s %(name)s %(message)s"}},
                    # gunicorn's own defaults name these two handlers: they must stay.
                    "handlers": {
                        "file": {
                            "class": "logging.FileHandler",
                            "filename": str(self.log),
                            "formatter": "plain",
                        },
                        "console": {"class": "logging.NullHandler"},
                        "error_console": {"class": "logging.NullHandler"},
                    },
                    "loggers": {
                        "klapjob.speech": {"level": "INFO", "handlers": ["file"]},
                        "gunicorn.error": {"level": "INFO", "handlers": ["file"]},
                    },
                }
            )
            + "\n"
        )
        self.server = subprocess.Popen(
            [
                str(VENV / "gunicorn"),
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--config",
                str(config),
                "wsgi:app",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                if get(self.port, "/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("gunicorn did not start")

    def workers(self):
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children").read_text()
        return sorted(int(pid) for pid in children.split())

    def log_lines(self, text):
        return [line for line in self.log.read_text().splitlines() if text in line]

    def stop(self):
        if self.server:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=30)


def remember_sentences(numbers):
    """Keys of new sentences, remembered as a page would remember them."""
    from app import create_app
    from app.speech.text import Passage

    clips = create_app().extensions["klapjob_speech"]
    return {
        n: clips.remember_passage(Passage.of("da", twenty_word_sentence(n)), "normal")
        for n in numbers
    }


def cached_against_static(instance, rounds):
    """A prebuilt clip and a static file with the same bytes, from the same server."""
    record_paths = sorted((instance.audio / "texts").glob("*/*.json"))
    passages = [p for p in record_paths if json.loads(p.read_text())["kind"] == "passage"]
    key = max(
        passages,
        key=lambda p: (instance.audio / "clips" / p.parent.name / f"{p.stem}.mp3").stat().st_size,
    ).stem
    clip = instance.audio / "clips" / key[:2] / f"{key}.mp3"
    static = ROOT / "static" / f"bench-{secrets.token_hex(4)}.mp3"
    static.write_bytes(clip.read_bytes())
    try:
        clip_times, static_times = [], []
        for _ in range(rounds):
            status, body, seconds = get(instance.port, f"/listen/clip/{key}.mp3")
            assert status == 200 and len(body) == clip.stat().st_size
            clip_times.append(seconds)
            status, body, seconds = get(instance.port, f"/static/{static.name}")
            assert status == 200 and len(body) == clip.stat().st_size
            static_times.append(seconds)
    finally:
        static.unlink()
    return clip.stat().st_size, milliseconds(clip_times), milliseconds(static_times)


def cold_against_cli(instance, keys, folder):
    site, cli = [], []
    wav = Path(folder) / "cli.wav"
    for number, key in keys.items():
        status, body, seconds = get(instance.port, f"/listen/clip/{key}.mp3")
        assert status == 200 and body, status
        site.append(seconds)
        started = time.perf_counter()
        subprocess.run(
            ["espeak-ng", "-v", "da", "-w", str(wav), twenty_word_sentence(number)], check=True
        )
        cli.append(time.perf_counter() - started)
        assert wav.stat().st_size > 44
    return milliseconds(site), milliseconds(cli)


def many_at_once(instance, cached_keys, cold_keys):
    from app.speech.engine.audio_format import BadAudio, mp3_frames

    paths = [f"/listen/clip/{k}.mp3" for k in cached_keys] + [
        f"/listen/clip/{k}.mp3" for k in cold_keys
    ] * 2
    start = threading.Barrier(len(paths))

    def fetch(path):
        start.wait()
        try:
            status, body, seconds = get(instance.port, path)
        except OSError as error:
            return path, f"error {error}", 0, seconds
        return path, status, body, seconds

    workers_before = instance.workers()
    booted_before = len(instance.log_lines("Booting worker"))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        results = list(pool.map(fetch, paths))
    wall = time.perf_counter() - started
    failures = [(path, status) for path, status, _body, _s in results if status != 200]
    empty = 0
    for _path, status, body, _s in results:
        try:
            if status == 200:
                mp3_frames(body)
        except BadAudio:
            empty += 1
    made = {key: len(instance.log_lines(f"made clip {key}")) for key in cold_keys}
    return {
        "requests": len(paths),
        "cold": len(cold_keys) * 2,
        "failures": len(failures),
        "empty or broken files": empty,
        "workers restarted": int(
            instance.workers() != workers_before
            or len(instance.log_lines("Booting worker")) != booted_before
        ),
        "synthesised once each": all(count == 1 for count in made.values()),
        "seconds for all": round(wall, 2),
        "median ms": milliseconds([s for *_, s in results]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rounds", type=int, default=200, help="requests per side, cached vs static"
    )
    parser.add_argument("--cold", type=int, default=30, help="cold sentences, site vs espeak-ng")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="klapjob-bench-") as folder:
        instance = Instance(folder)
        results = {}
        seconds, clips, size = instance.build()
        results["pre-build"] = {
            "seconds": round(seconds, 1),
            "clips": clips,
            "MB": round(size / 1e6, 1),
        }
        again, _, _ = instance.build()
        results["pre-build, run again (nothing new)"] = {"seconds": round(again, 1)}
        instance.serve()
        try:
            warm = remember_sentences(range(1000, 1010))
            for key in warm.values():  # both workers start their synthesis processes
                get(instance.port, f"/listen/clip/{key}.mp3")
            size, clip_ms, static_ms = cached_against_static(instance, arguments.rounds)
            results["cached clip vs static file"] = {
                "bytes": size,
                "clip median ms": clip_ms,
                "static median ms": static_ms,
                "ratio": round(clip_ms / static_ms, 2),
                "goal": "<= 1.3",
            }
            cold = remember_sentences(range(arguments.cold))
            site_ms, cli_ms = cold_against_cli(instance, cold, folder)
            results["cold 20-word sentence vs espeak-ng -v da -w"] = {
                "site median ms": site_ms,
                "espeak-ng median ms": cli_ms,
                "ratio": round(site_ms / cli_ms, 2),
                "goal": "<= 2",
            }
            cached = [p.stem for p in sorted((instance.audio / "clips").glob("*/*.mp3"))][:100]
            new = list(remember_sentences(range(2000, 2050)).values())
            results["200 at once, half cold"] = many_at_once(instance, cached, new)
        finally:
            instance.stop()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
