"""The site served for real, as `scripts/serve` serves it (scripts/start: gunicorn with
gunicorn.conf.py, under Litestream when a replica is set), on a free port of 127.0.0.1,
with a temporary database and its log lines captured. Used by tests and benches."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Only a safety net for a site that never comes up; the wait ends as soon as it answers.
START_DEADLINE_SECONDS = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class ServedSite:
    def __init__(self, folder, **settings):
        self.folder = Path(folder)
        self.database = str(self.folder / "klapjob.sqlite3")
        self.log_file = self.folder / "site.log"
        self.settings = settings
        self.port = None
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def environment(self):
        env = dict(os.environ)
        env.update(
            {
                "KLAPJOB_DATABASE": self.database,
                "KLAPJOB_AUDIO_DIR": str(self.folder / "audio"),
                "KLAPJOB_SECRET_KEY": "served-site-tests-" + self.folder.name,
                "KLAPJOB_BIND": f"127.0.0.1:{self.port}",
                "KLAPJOB_SMTP_HOST": "",
                # Served as for real: links in mails lead here (app/core/public_address.py).
                "KLAPJOB_PUBLIC_URL": self.base,
                # ... and KLAPjob's own phone and address, not the placeholders (config.py).
                "KLAPJOB_PHONE": "70 10 20 30",
                "KLAPJOB_EMAIL": "klapjob@klapjob.test",
            }
        )
        env.update(self.settings)
        return env

    def start(self):
        if self.port is None:
            self.port = free_port()
        with open(self.log_file, "ab") as log:
            self.process = subprocess.Popen(
                [str(ROOT / "scripts/start")],
                cwd=ROOT,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_until_answering()
        return self

    def wait_until_answering(self):
        deadline = time.monotonic() + START_DEADLINE_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the site stopped at start:\n{self.log_text()[-3000:]}")
            try:
                if http_status(self.base + "/healthz") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"the site did not answer:\n{self.log_text()[-3000:]}")

    def processes(self):
        """Every living process of the site (Litestream, gunicorn's master and workers):
        its process group, read from /proc (a bare Debian has no pgrep)."""
        found = []
        for stat_file in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat_file.read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            state, group = fields[0], int(fields[2])
            if group == self.process.pid and state != "Z":
                found.append(int(stat_file.parent.name))
        return found

    def kill(self):
        """SIGKILL to every process of the site at once, as when the machine dies."""
        with_suppressed_lookup(os.killpg, self.process.pid, signal.SIGKILL)
        self.process.wait()
        deadline = time.monotonic() + START_DEADLINE_SECONDS
        while self.processes() and time.monotonic() < deadline:
            time.sleep(0.01)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        with_suppressed_lookup(os.killpg, self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_text(self):
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def __enter__(self):
        return self.start()

    def __exit__(self, *_exc):
        self.stop()


def with_suppressed_lookup(function, *args):
    try:
        function(*args)
    except ProcessLookupError:
        pass
