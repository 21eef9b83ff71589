"""Many people at once, and machines that die.

Serves the site as `scripts/serve` does (scripts/start: gunicorn with gunicorn.conf.py, 2
workers) on a temporary instance and a free port, then:

1. 1,000 complete registrations (every question, check answers, consent, receipt) from 50
   people at once, each a client with its own cookies, as a browser sends them.
2. 20 rounds in which 50 people register while every process of the site is killed with
   SIGKILL at a random moment, then started again. A person whose page failed waits for
   the site and carries on where they were, as a person pressing again would.

Then it checks, with the site stopped: every registration whose receipt was shown is in
the database once, with all its answers and the health consent; `PRAGMA integrity_check`
is ok; and no request outside the killed moments was answered with a server error (5xx)
or failed to connect. Prints the figures; exits 1 when a check fails.

    .venv/bin/python bench/registrations.py [--registrations 1000] [--clients 50] [--rounds 20]
"""

import argparse
import http.client
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from http_visitor import HttpVisitor, reference_on
from people import MYSELF_IN_AARHUS
from served_site import ServedSite

GIVE_UP_AFTER_TRIES = 50


@dataclass
class Tally:
    """Every request: when it started and ended, and how it went."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list = field(default_factory=list)  # (start, end, status or "connection", hops)
    receipts: dict = field(default_factory=dict)  # person number -> reference

    def record(self, start, end, outcome, hops=1):
        with self.lock:
            self.requests.append((start, end, outcome, hops))


class CountedVisitor(HttpVisitor):
    def __init__(self, base, tally):
        super().__init__(base)
        self.tally = tally

    def request(self, path, fields=None):
        start = time.monotonic()
        try:
            answer = super().request(path, fields)
        except (OSError, http.client.HTTPException) as error:
            # Refused, reset, or cut off half-way through the answer.
            self.tally.record(start, time.monotonic(), "connection")
            raise ConnectionError(str(error)) from error
        # A form answered with a redirect is two HTTP requests: the POST and the next page.
        hops = 2 if answer.path != path.split("?")[0] else 1
        self.tally.record(start, time.monotonic(), answer.status, hops)
        return answer


def answers_of(number):
    return {**MYSELF_IN_AARHUS, "name": {"name": f"Bench Person {number}"}}


def register(site, tally, number):
    """One person, from the first question to the receipt, carrying on after failures."""
    person = CountedVisitor(site.base, tally)
    path = "/register/who"
    for _ in range(GIVE_UP_AFTER_TRIES):
        try:
            if path not in ("/register/check", "/register/send"):
                path = person.answer_all(answers_of(number), start=path).path
            answer = person.send() if path in ("/register/check", "/register/send") else None
            reference = reference_on(answer) if answer else None
            if reference:
                with tally.lock:
                    tally.receipts[number] = reference
                return
        except OSError:
            pass
        site.wait_while_down()
        # Where was I? /register/send shows the receipt if it was sent, else the next question.
        try:
            answer = person.request("/register/send")
        except OSError:
            continue
        reference = reference_on(answer)
        if reference:
            with tally.lock:
                tally.receipts[number] = reference
            return
        path = answer.path if answer.path.startswith("/register/") else "/register/who"
    raise RuntimeError(f"person {number} never got a receipt")


class RestartingSite(ServedSite):
    """A served site that remembers when it was down."""

    def __init__(self, folder):
        super().__init__(folder)
        self.up = threading.Event()
        self.down_windows = []  # (killed at, answering again at)

    def start(self):
        super().start()
        self.up.set()
        return self

    def kill_and_restart(self):
        killed_at = time.monotonic()
        self.up.clear()
        self.kill()
        self.start()
        self.down_windows.append((killed_at, time.monotonic()))

    def wait_while_down(self):
        self.up.wait()
        time.sleep(0.01)


def run_people(site, tally, numbers, clients):
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(register, site, tally, n) for n in numbers]:
            future.result()


class PeopleInBackground(threading.Thread):
    """People registering while the site is killed; their failures reach the main thread."""

    def __init__(self, *args):
        super().__init__()
        self.args = args
        self.error = None

    def run(self):
        try:
            run_people(*self.args)
        except BaseException as error:
            self.error = error

    def join(self, timeout=None):
        super().join(timeout)
        if self.error:
            raise self.error


def in_a_killed_moment(request, windows):
    start, end, _outcome, _hops = request
    return any(start <= up_again and end >= killed_at for killed_at, up_again in windows)


def check_database(database, receipts):
    conn = sqlite3.connect(database)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute(
            "SELECT r.reference, r.name, r.consent_health, "
            "group_concat(a.field || '=' || a.value, '|') FROM registrations r "
            "JOIN answers a ON a.registration_id = r.id GROUP BY r.id"
        ).fetchall()
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("registrations", "answers", "drafts")
        }
    finally:
        conn.close()
    by_reference = {row[0]: row for row in rows}
    # Every person gave the same answers but their name: compare with the first one's.
    first = by_reference[receipts[min(receipts)]]
    expected_answers = sorted(a for a in first[3].split("|") if not a.startswith("name="))
    problems = []
    for number, reference in receipts.items():
        row = by_reference.get(reference)
        if row is None:
            problems.append(f"person {number}: receipt {reference} not in the database")
            continue
        answers = sorted(a for a in row[3].split("|") if not a.startswith("name="))
        if row[1] != f"Bench Person {number}" or answers != expected_answers or row[2] != 1:
            problems.append(f"person {number}: answers or consent differ")
    names = [row[1] for row in rows]
    duplicates = len(names) - len(set(names))
    return integrity, counts, problems, duplicates


def database_alone(folder, count=500):
    """The same registrations written straight through the data layer, no HTTP: how many
    a second the database itself takes (synchronous=FULL: each one on disk when it returns)."""
    from app import create_app
    from staff import register as write_registration

    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(Path(folder) / "alone.sqlite3"),
            "AUDIO_DIR": str(Path(folder) / "audio"),
            "SMTP_HOST": "",
        }
    )
    began = time.monotonic()
    for number in range(count):
        write_registration(app, name=f"Bench Person {number}")
    seconds = time.monotonic() - began
    print(
        f"Database alone (the data layer in one process, no HTTP; each registration is a "
        f"draft saved after every step, then sent: about 19 transactions, each on disk "
        f"before it returns): {count} registrations in {seconds:.1f} s "
        f"({count / seconds:.1f} a second)"
    )


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0


def print_phase(title, tally_requests, seconds, people):
    latencies = [
        (end - start) * 1000
        for start, end, outcome, _hops in tally_requests
        if outcome != "connection"
    ]
    http_requests = sum(hops for *_rest, hops in tally_requests)
    print(
        f"{title}: {people} registrations in {seconds:.1f} s "
        f"({people / seconds:.1f} a second), {http_requests} HTTP requests "
        f"({http_requests / seconds:.0f} a second); a page (a form sent and the page it "
        f"leads to) p50 {statistics.median(latencies):.0f} ms, "
        f"p99 {quantile(latencies, 0.99):.0f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrations", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    chance = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as folder:
        site = RestartingSite(folder).start()
        tally = Tally()
        try:
            began = time.monotonic()
            run_people(site, tally, range(args.registrations), args.clients)
            calm_seconds = time.monotonic() - began
            calm_requests = list(tally.requests)
            print_phase("Without failures", calm_requests, calm_seconds, args.registrations)
            size_after_calm = Path(site.database).stat().st_size

            began = time.monotonic()
            for round_number in range(args.rounds):
                first = args.registrations + round_number * args.clients
                people = PeopleInBackground(
                    site, tally, range(first, first + args.clients), args.clients
                )
                people.start()
                time.sleep(chance.uniform(0.2, 6.0))  # a random moment while they send
                site.kill_and_restart()
                people.join()
            killed_seconds = time.monotonic() - began
            killed_requests = tally.requests[len(calm_requests) :]
            print_phase(
                f"With {args.rounds} SIGKILLs",
                killed_requests,
                killed_seconds,
                args.rounds * args.clients,
            )
        finally:
            site.stop()

        windows = site.down_windows
        failures = [
            r
            for r in tally.requests
            if r[2] == "connection" or (isinstance(r[2], int) and r[2] >= 500)
        ]
        outside = [r for r in failures if not in_a_killed_moment(r, windows)]
        restarts = [up - killed for killed, up in windows]
        integrity, counts, problems, duplicates = check_database(site.database, tally.receipts)
        size = Path(site.database).stat().st_size
        wal = Path(site.database + "-wal")
        print(
            f"Restarts: {len(windows)}, down {statistics.median(restarts):.2f} s median, "
            f"{max(restarts):.2f} s at most"
        )
        print(
            f"Failed requests: {len(failures)} in the killed moments, "
            f"{len(outside)} outside them ({sum(1 for r in outside if r[2] != 'connection')} "
            "server errors)"
        )
        print(
            f"Receipts shown: {len(tally.receipts)}; in the database with every answer and "
            f"the consent: {len(tally.receipts) - len(problems)}; sent twice: {duplicates}"
        )
        print(f"PRAGMA integrity_check: {integrity}")
        print(
            f"Database: {counts['registrations']} registrations, {counts['answers']} answers, "
            f"{counts['drafts']} drafts left; {size / 1024 / 1024:.1f} MB "
            f"({size_after_calm / 1024 / 1024:.1f} MB after the first "
            f"{args.registrations}), WAL {wal.stat().st_size / 1024 / 1024 if wal.exists() else 0:.1f} MB"
        )
        for problem in problems[:10]:
            print("  " + problem)
        everybody = args.registrations + args.rounds * args.clients
        database_alone(folder)
        ok = (
            integrity == "ok"
            and not problems
            and not outside
            and not duplicates
            and len(tally.receipts) == everybody
        )
        print("All checks passed." if ok else "CHECKS FAILED.")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
