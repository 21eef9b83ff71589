"""Does the sign-in page's timing tell which staff addresses exist?

    .venv/bin/python bench/sign_in_bench.py [--rounds 30]

A fresh instance under gunicorn with 2 sync workers. One known staff address and one
unknown, each sent a wrong password, alternating, in three states of the failure counters:
fresh, slowed down (4 recent failures) and locked (10). Before each attempt the counters are
set to the state, so every attempt meets the same state. Median time of each, side by side
in one run, and the ratio known/unknown. Goal: about 1 in every state. (The tests prove the
same work and the same page; this measures what a stranger with a stopwatch sees.)
"""

import argparse
import http.client
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from audio_bench import Instance, milliseconds

KNOWN, UNKNOWN = "karl@klapjob.dk", "kurt@klapjob.dk"
STATES = {"fresh": 0, "slowed down": 4, "locked": 10}


def set_state(app, failures):
    """The failure counters of both addresses as `failures` recent failures from elsewhere."""
    from app.core.db import connect
    from app.staff.accounts.sign_in_guard import guard_for, record_failure

    db = connect(app.config["DATABASE"])
    db.execute("DELETE FROM rate_events")
    db.conn.commit()
    with app.test_request_context():
        for email in (KNOWN, UNKNOWN):
            guard = guard_for(email, client="198.51.100.9", cookie="")
            for _ in range(failures):
                record_failure(db, guard)
    db.close()


def attempt(port, email):
    """(seconds, the problem the page names) of one wrong password from a fresh browser."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/staff/sign-in")
    response = connection.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    body = urlencode({"csrf_token": token, "email": email, "password": "forkert kodeord"})
    started = time.perf_counter()
    connection.request(
        "POST",
        "/staff/sign-in",
        body=body,
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )
    page = connection.getresponse().read().decode()
    seconds = time.perf_counter() - started
    connection.close()
    problem = re.search(r'<a href="#email">([^<]+)</a>', page)
    return seconds, re.sub(r"\d+", "N", problem.group(1)) if problem else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="attempts per address and state")
    arguments = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="klapjob-bench-") as folder:
        instance = Instance(folder)
        os.environ.update(instance.env)
        from app import create_app
        from app.core.db import connect
        from app.staff.accounts.users import create_user

        app = create_app()
        db = connect(app.config["DATABASE"])
        create_user(db, KNOWN, "Karl", "consultant", "en lang og sikker adgangssætning")
        db.close()
        instance.serve()
        try:
            for state, failures in STATES.items():
                times, answers = {KNOWN: [], UNKNOWN: []}, {KNOWN: set(), UNKNOWN: set()}
                for _ in range(arguments.rounds):
                    for email in (KNOWN, UNKNOWN):
                        set_state(app, failures)
                        seconds, answer = attempt(instance.port, email)
                        times[email].append(seconds)
                        answers[email].add(answer)
                known, unknown = milliseconds(times[KNOWN]), milliseconds(times[UNKNOWN])
                results[state] = {
                    "known median ms": known,
                    "unknown median ms": unknown,
                    "ratio": round(known / unknown, 2),
                    "same answer": answers[KNOWN] == answers[UNKNOWN],
                    "answer": sorted(answers[KNOWN] | answers[UNKNOWN]),
                }
        finally:
            instance.stop()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
