"""Lighthouse over every citizen page, on the mobile preset, against the site served by
gunicorn on 127.0.0.1 with a database of its own. Prints one line a page and exits 1 when a
page is below accessibility 100, best practices 95 or performance 95.

Run through scripts/lighthouse (it sets CHROME_PATH and fetches Lighthouse with npx).
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from people import MYSELF_IN_AARHUS  # noqa: E402  (the same person the tests use)

PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8123"))
BASE = f"http://127.0.0.1:{PORT}"
TARGETS = {"accessibility": 100, "best-practices": 95, "performance": 95}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PLAIN_PAGES = [
    "/",
    "/register/who",
    "/register/name",
    "/register/support",
    "/register/work",
    "/register/needs",
    "/register/health",
    "/settings",
    "/meetings",
    "/register/resume",
    "/about",
    "/privacy",
    "/help",
]


def start_site(database):
    # The site tried on this machine, as scripts/serve does: without it (or a public address
    # and KLAPjob's own phone and mail) the site refuses to start.
    env = dict(os.environ, KLAPJOB_DATABASE=database, KLAPJOB_DEVELOPMENT="1")
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--chdir",
            str(ROOT),
            "wsgi:app",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(BASE + "/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the site did not start")


class Person:
    """A person's browser on the site: their cookies, and each form sent with its token."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, path):
        return self.opener.open(BASE + path).read().decode()

    def send(self, path, answers):
        """The form on `path`, as the page gave it; returns where the site led next."""
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', self.open(path))
        body = urllib.parse.urlencode({"csrf_token": token.group(1), **answers}, doseq=True)
        return urllib.parse.urlsplit(self.opener.open(BASE + path, data=body.encode()).url)

    def cookie(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def answered_everything():
    """Answer every question as a person would: at the check page."""
    person = Person()
    path = "/register/who"
    while path.startswith("/register/") and path != "/register/check":
        path = person.send(path, MYSELF_IN_AARHUS[path.rsplit("/", 1)[-1]]).path
    return person


def pages_after_sending(database):
    """The receipt, the job profile and what a phone opens from the profile's paper."""
    person = answered_everything()
    person.send("/register/send", {"consent": "y", "consent_health": "y"})
    pages = [(path, person.cookie()) for path in ("/register/done", "/register/profile")]
    return pages + [(f"/p/{paper_code(database)}", None)]


def paper_code(database):
    """The code the QR code on the newest printed profile holds: made anew for this run (the
    database keeps only a code's hash), as printing it again would."""
    sys.path.insert(0, str(ROOT))
    from app import create_app
    from app.core.db import connect
    from app.domain.registrations.profile_links import make_link

    app = create_app({"DATABASE": database})
    with app.app_context():
        db = connect(app.config["DATABASE"])
        [row] = db.query("SELECT id FROM registrations ORDER BY id DESC LIMIT 1")
        code = make_link(db, row["id"], days=app.config["PROFILE_LINK_DAYS"], with_health=False)
        db.close()
    return code


def lighthouse(url, cookie=None):
    command = [
        "npx",
        "--yes",
        "lighthouse@12",
        url,
        "--quiet",
        "--output=json",
        "--only-categories=accessibility,best-practices,performance",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    categories = json.loads(result.stdout)["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}


def main():
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "lighthouse.sqlite3")
        server = start_site(database)
        try:
            pages = [(path, None) for path in PLAIN_PAGES]
            pages.append(("/register/check", answered_everything().cookie()))
            pages += pages_after_sending(database)
            failures = 0
            for path, cookie in pages:
                scores = lighthouse(BASE + path, cookie)
                low = {k: v for k, v in scores.items() if v < TARGETS[k]}
                failures += bool(low)
                print(
                    f"{path:22} "
                    + "  ".join(f"{k} {v}" for k, v in scores.items())
                    + ("   BELOW TARGET" if low else ""),
                    flush=True,
                )
        finally:
            server.terminate()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
