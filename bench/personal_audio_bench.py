"""Two strangers hammering personal read-aloud, and the start page for everybody else.

    .venv/bin/python bench/personal_audio_bench.py [--seconds 20]

A fresh instance under gunicorn with 2 sync workers (as scripts/serve runs it), behind a
pretend proxy (KLAPJOB_TRUSTED_PROXIES=1) so that the two hammering clients come from two
addresses. Each hammering client has a draft with every answer and asks, in a loop, for its
check page's whole-page clip, each time with a new cookie (so that nothing can come from
memory: the issue's attack, 1.5 s of CPU a request). Side by side in one run:

1. the start page's median time, quiet;
2. the same while the two clients hammer, with the budget of synthesis seconds a minute
   per client (KLAPJOB_SPEECH_SECONDS_PER_MINUTE, 10 by default);
3. for comparison, the same on an instance whose budget is practically unlimited.

Goal: (2) within 2x of (1).
"""

import argparse
import http.client
import json
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from audio_bench import Instance, get, milliseconds

from app.core import codes

ANSWERS = {
    "who": {"filled_by": "self"},
    "name": {"name": "Mette Hansen"},
    "contact": {"contact_method": "phone"},
    "phone": {"phone": "+4520304050"},
    "municipality": {"municipality": "751"},
    "age": {"age_group": "18_24"},
    "education": {"education": "stu"},
    "support": {"support": "pension"},
    "work": {"work_wishes": ["kitchen", "cafe"]},
    "strengths": {"strengths": ["people"], "strengths_text": "Jeg kan lide at bage."},
    "hours": {"hours": "5_10"},
    "times": {"work_times": ["morning"]},
    "transport": {"transport": ["bus_train"]},
    "distance": {"distance": "30"},
    "needs": {"needs": ["quiet"]},
    "health": {"health": "Jeg har autisme."},
    "ambassador": {"ambassador": "yes"},
}


def new_draft():
    """A draft with every answer, made with the site's own code: its cookie token."""
    from app import create_app
    from app.core.db import connect
    from app.domain.registrations.drafts import save_step

    app = create_app()
    token = codes.new_token()
    with app.test_request_context():
        db = connect(app.config["DATABASE"])
        for key, answers in ANSWERS.items():
            save_step(db, token, key, answers, complete=True, language="da")
        db.close()
    return token


def request(port, method, path, *, cookie, address, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie, "X-Forwarded-For": address}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://127.0.0.1:{port}/"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    cookies = [value.split(";")[0] for name, value in response.getheaders() if name == "Set-Cookie"]
    connection.close()
    return response.status, data, cookies


class Hammer(threading.Thread):
    """A client that asks for its check page read aloud, again and again, each time with a
    new cookie besides its draft: to the site a new visitor, so nothing comes from memory and
    every personal passage would be made again."""

    def __init__(self, port, address):
        super().__init__(daemon=True)
        self.port, self.address = port, address
        self.jar = {"klapjob_draft": new_draft()}
        self.running = True
        self.statuses = []

    def cookie(self):
        return "; ".join(
            f"{name}={value}" for name, value in {**self.jar, "x": secrets.token_hex(8)}.items()
        )

    def run(self):
        _status, html, _cookies = request(
            self.port, "GET", "/register/check", cookie=self.cookie(), address=self.address
        )
        page = re.search(rb'data-listen-page data-listen-normal="([^"]+)"', html).group(1).decode()
        while self.running:
            status, _data, _cookies = request(
                self.port,
                "GET",
                page.replace("&amp;", "&"),
                cookie=self.cookie(),
                address=self.address,
            )
            self.statuses.append(status)


def start_page_times(port, rounds):
    return [get(port, "/")[2] for _ in range(rounds)]


def measure(folder, budget, rounds, seconds, quiet_too):
    Path(folder).mkdir(parents=True, exist_ok=True)
    instance = Instance(folder)
    for key, value in {
        "KLAPJOB_TRUSTED_PROXIES": "1",
        "KLAPJOB_SPEECH_SECONDS_PER_MINUTE": str(budget),
    }.items():
        instance.env[key] = value
    os.environ.update(instance.env)
    instance.serve()
    try:
        results = {}
        if quiet_too:
            start_page_times(instance.port, 20)  # warm
            results["quiet"] = milliseconds(start_page_times(instance.port, rounds))
        hammers = [Hammer(instance.port, f"198.51.100.{n}") for n in (1, 2)]
        for hammer in hammers:
            hammer.start()
        time.sleep(2)  # the hammering is under way
        busy, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            busy.append(get(instance.port, "/")[2])
        for hammer in hammers:
            hammer.running = False
        for hammer in hammers:
            hammer.join(timeout=120)
        statuses = [s for hammer in hammers for s in hammer.statuses]
        results["hammered"] = milliseconds(busy)
        results["whole-page clips asked for"] = len(statuses)
        results["made (200)"] = statuses.count(200)
        results["try again in a moment (429)"] = statuses.count(429)
        return results
    finally:
        instance.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200, help="quiet start-page requests")
    parser.add_argument("--seconds", type=float, default=60, help="how long the hammering lasts")
    arguments = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="klapjob-bench-") as folder:
        budgeted = measure(Path(folder) / "a", 10, arguments.rounds, arguments.seconds, True)
    with tempfile.TemporaryDirectory(prefix="klapjob-bench-") as folder:
        unlimited = measure(Path(folder) / "b", 1e9, arguments.rounds, arguments.seconds, False)
    quiet = budgeted.pop("quiet")
    results["start page median ms, quiet"] = quiet
    results["with the budget (10 s a minute a client)"] = {
        **budgeted,
        "ratio to quiet": round(budgeted["hammered"] / quiet, 2),
        "goal": "<= 2",
    }
    results["without a budget, for comparison"] = {
        **unlimited,
        "ratio to quiet": round(unlimited["hammered"] / quiet, 2),
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
