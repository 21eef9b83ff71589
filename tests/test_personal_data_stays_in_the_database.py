"""Nothing personal outside the database: not in a file under the instance folder (the audio
cache included), not in a log, not in an address.

A helper and a person go through every page, with a marker that occurs nowhere else in every
field a person types; every player on every page is pressed; staff search for the person and
open the registration. Then every file and every log line is searched for the markers: none.
After the registration is deleted the search is done again, and the database too holds
nothing of the person any more."""

import logging
import re
from pathlib import Path

import pytest

from app import create_app
from app.config import ROOT
from app.core.site_text import END, START
from app.domain.questions.steps import STEPS
from app.web.page_states import WAY, Person, every_page_state
from app.web.server_site import ServerSite
from pages import Page, location_path
from staff import staff_member

TEXT_KINDS = ("text", "textarea", "phone", "email", "phone_or_email")
# What a person types into every field of every question: a marker found nowhere else (a
# phone number, a mail address or a word), each of its own.
TYPED = {}
for number, spec in enumerate(f for step in STEPS for f in step.fields if f.kind in TEXT_KINDS):
    TYPED[spec.name] = {
        "phone": f"29 87 {number:02d} 43",
        "email": f"zq{spec.name.replace('_', '')}@mail.dk",
        "phone_or_email": f"zq{spec.name.replace('_', '')}@bosted.dk",
    }.get(spec.kind, f"Zq{spec.name.replace('_', '')}")
NAME = TYPED["name"]
PERSON = Person(
    answers={**WAY, **TYPED, "municipality_find": "Zqsearchedfor"},
    name="Sara Zqsignupname",
    phone="28 76 54 32",
    email="zqresumeemail@mail.dk",
)
MARKS = {START, END}


def markers_of(value):
    """How a value can be written: as typed, and a phone number without its spaces."""
    return {value.casefold(), value.replace(" ", "").casefold()}


REGISTRATION_MARKERS = sorted(set().union(*(markers_of(v) for v in TYPED.values())))
OTHER_MARKERS = sorted(
    set().union(
        *(
            markers_of(v)
            for v in (PERSON.name, PERSON.phone, PERSON.email, PERSON.answers["municipality_find"])
        )
    )
)


class AccessLog:
    """What gunicorn's access log would write for each request: the request line with its
    query, the Referer and the status. (A Referer is always an address asked for before,
    so searching the request lines covers it.)"""

    def __init__(self, wsgi_app):
        self.wsgi_app, self.lines = wsgi_app, []

    def __call__(self, environ, start_response):
        def logged_start(status, headers, *args):
            query = environ.get("QUERY_STRING")
            path = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
            self.lines.append(
                f'{environ.get("REMOTE_ADDR")} "{environ["REQUEST_METHOD"]} '
                f'{path} HTTP/1.1" {status.split()[0]} "{environ.get("HTTP_REFERER", "-")}"'
            )
            return start_response(status, headers, *args)

        return self.wsgi_app(environ, logged_start)


@pytest.fixture
def site(tmp_path, mail_server):
    instance = tmp_path / "instance"
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(instance / "klapjob.sqlite3"),
            "AUDIO_DIR": str(instance / "audio"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": mail_server.port,
            "SPEECH_SECONDS_PER_MINUTE": 10_000,
        }
    )
    app.wsgi_app = access_log = AccessLog(app.wsgi_app)
    return app, instance, access_log


class Listener(ServerSite):
    """A visitor who goes through every page state (app/web/page_states.py) and presses every
    player on every page they see."""

    def __init__(self, app):
        super().__init__(app)
        self.pressed = set()

    def press_every_player(self):
        assert not set(self.html) & MARKS, "the site's marks never leave it"
        page = Page(self.response)
        sources = {audio["src"] for audio in page.soup.select("audio[src]")}
        sources |= {
            element["data-listen-normal"] for element in page.soup.select("[data-listen-normal]")
        }
        for source in sources - self.pressed:
            self.pressed.add(source)
            status = self.client.get(source).status_code
            assert status in (200, 404), f"{source}: {status}"


def walk_every_page_with_markers(app, listener):
    """Every page state with a marker in every field; returns the codes the pages showed."""
    codes = []
    for state in every_page_state(listener, PERSON):
        if "text/html" in listener.response.content_type:
            listener.press_every_player()
        if state == "later-code":
            code = Page(listener.response).soup.select_one(".code").get_text(strip=True)
            codes += [code, code.replace(" ", "")]
    return codes


def files_holding(folder, markers, *, skip=("klapjob.sqlite3",)):
    found = []
    for path in Path(folder).rglob("*"):
        if path.is_file() and not path.name.startswith(skip):
            data = path.read_bytes().decode("utf-8", "replace").casefold()
            found += [(str(path), m) for m in markers if m.casefold() in data]
    return found


def lines_holding(lines, markers):
    return [(line, m) for line in lines for m in markers if m.casefold() in line.casefold()]


def everywhere(instance, access_log, caplog, markers):
    speech_folders = (
        list(Path("/dev/shm").glob("klapjob-speech-*")) if Path("/dev/shm").is_dir() else []
    )
    return {
        "instance folder": files_holding(instance, markers),
        "the site's own instance folder": files_holding(ROOT / "instance", markers),
        "speech processes' private folders": sum(
            (files_holding(f, markers) for f in speech_folders), []
        ),
        "access log": lines_holding(access_log.lines, markers),
        # Every logger of the site, Flask's and Werkzeug's included; not the test's own mail
        # server (aiosmtpd logs what it receives, as a mail server would).
        "application log": lines_holding(
            [caplog.handler.format(r) for r in caplog.records if not r.name.startswith("mail.")],
            markers,
        ),
    }


def test_nothing_a_person_types_is_kept_outside_the_database(site, caplog, mail_server):
    app, instance, access_log = site
    caplog.set_level(logging.DEBUG)
    listener = Listener(app)
    codes = walk_every_page_with_markers(app, listener)
    assert len(listener.pressed) > 100, "every player on every page was pressed"
    anna = staff_member(app, "admin").sign_in()
    found = Page(anna.post_form("/staff/", {"search": NAME}))
    registration = found.soup.select_one(".staff-table tbody td a")["href"]
    anna.open(registration)
    anna.post_form(f"{registration}/health", {}, form_on=registration)

    markers = REGISTRATION_MARKERS + OTHER_MARKERS + codes
    assert len(mail_server.inbox.messages) >= 2, "the link and the receipt"
    assert not any(set(body) & MARKS for body in mail_server.inbox.bodies()), "nor in a mail"
    assert not any(everywhere(instance, access_log, caplog, markers).values()), everywhere(
        instance, access_log, caplog, markers
    )
    audio_files = list((instance / "audio").rglob("*.mp3"))
    assert audio_files, "the pages' own texts were read and kept"

    reference = re.search(r"[2-9A-Z]{6}", anna.open(registration).title.replace(" ", "")).group(0)
    response = anna.post_form(f"{registration}/delete", {"reference": reference})
    assert location_path(response) == "/staff/"
    assert not any(everywhere(instance, access_log, caplog, markers).values())
    forget_the_walks_other_drafts(app)
    database = files_holding(instance, REGISTRATION_MARKERS, skip=("audio",))
    assert database == [], "deleted means gone, from the database file too"


def forget_the_walks_other_drafts(app):
    """The walk leaves a second person's unsent draft on the device (the same markers:
    coming back on a shared tablet); drafts are not this registration, and the purge deletes
    them after 30 days. Here they go at once, as the purge deletes them."""
    from app.core.db import connect

    db = connect(app.config["DATABASE"])
    try:
        db.execute("DELETE FROM drafts")
        db.conn.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
