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


def answered_draft_cookie():
    """Answer every question as a person would, and return their cookies."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    path = "/register/who"
    while path.startswith("/register/") and path != "/register/check":
        html = opener.open(BASE + path).read().decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        key = path.rsplit("/", 1)[-1]
        body = urllib.parse.urlencode({"csrf_token": token, **MYSELF_IN_AARHUS[key]}, doseq=True)
        response = opener.open(BASE + path, data=body.encode())
        path = urllib.parse.urlsplit(response.url).path
    return "; ".join(f"{c.name}={c.value}" for c in jar)


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
        server = start_site(str(Path(folder) / "lighthouse.sqlite3"))
        try:
            pages = [(path, None) for path in PLAIN_PAGES]
            pages.append(("/register/check", answered_draft_cookie()))
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
