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
from pages import Page, location_path
from people import Visitor
from app.site_text import END, START
from staff import staff_member
from test_meetings_and_ambassadors import add_meeting

# One marker for each thing a person types; none of them occurs in the site's own texts.
TYPED = {
    "helper": {"helper_name": "Jonas Zqhelpername", "helper_role": "support_worker",
               "helper_contact": "zqhelpercontact@bosted.dk", "helper_confirm": "y"},
    "name": {"name": "Mette Zqpersonname"},
    "email": {"email": "zqpersonemail@mail.dk"},
    "phone": {"phone": "29 87 65 43"},
    "work": {"work_wishes": ["kitchen", "other"], "work_other": "Zqworkother"},
    "strengths": {"strengths": ["cooking"], "strengths_text": "Jeg kan Zqstrengths."},
    "needs": {"needs": ["quiet"], "needs_text": "Jeg har brug for Zqneeds."},
    "health": {"health": "Jeg har Zqhealth."},
}
CHOSEN = {
    "who": {"filled_by": "helper"}, "contact": {"contact_method": "email"},
    "municipality": {"municipality": "751"}, "age": {"age_group": "18_24"},
    "education": {"education": "stu"}, "support": {"support": "pension"},
    "hours": {"hours": "5_10"}, "times": {"work_times": ["morning"]},
    "transport": {"transport": ["bus_train"]}, "distance": {"distance": "30"},
    "ambassador": {"ambassador": "yes"},
}
MARKS = {START, END}
RESUME_EMAIL = "zqresumeemail@mail.dk"
TOO_LONG_NAME = "Zqtoolong" * 15
NOT_AN_EMAIL = "zqbademail"
SIGN_UP = {"name": "Sara Zqsignupname", "phone": "28 76 54 32"}
REGISTRATION_MARKERS = ["zqhelpername", "zqhelpercontact", "zqpersonname", "zqpersonemail",
                        "29876543", "29 87 65 43", "zqworkother", "zqstrengths", "zqneeds",
                        "zqhealth"]
OTHER_MARKERS = ["zqresumeemail", "zqtoolong", "zqbademail", "zqsignupname", "28765432",
                 "28 76 54 32"]


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
            self.lines.append(f'{environ.get("REMOTE_ADDR")} "{environ["REQUEST_METHOD"]} '
                              f'{path} HTTP/1.1" {status.split()[0]} "{environ.get("HTTP_REFERER", "-")}"')
            return start_response(status, headers, *args)

        return self.wsgi_app(environ, logged_start)


@pytest.fixture
def site(tmp_path, mail_server):
    instance = tmp_path / "instance"
    app = create_app({
        "TESTING": True, "DATABASE": str(instance / "klapjob.sqlite3"),
        "AUDIO_DIR": str(instance / "audio"), "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": mail_server.port, "SPEECH_SECONDS_PER_MINUTE": 10_000,
    })
    app.wsgi_app = access_log = AccessLog(app.wsgi_app)
    return app, instance, access_log


class Listener(Visitor):
    """A visitor who presses every player on every page they see."""

    def __init__(self, client):
        super().__init__(client)
        self.pressed = set()

    def see(self, response):
        if response.status_code == 302:
            response = self.client.get(location_path(response))
        assert not set(response.get_data(as_text=True)) & MARKS, "the site's marks never leave it"
        page = Page(response)
        if "text/html" in response.content_type:
            self.press_every_player(page)
        return page

    def press_every_player(self, page):
        sources = {audio["src"] for audio in page.soup.select("audio[src]")}
        sources |= {element["data-listen-normal"] for element in page.soup.select("[data-listen-normal]")}
        for source in sources - self.pressed:
            self.pressed.add(source)
            status = self.client.get(source).status_code
            assert status in (200, 404), f"{source}: {status}"

    def open(self, url):
        return self.see(self.client.get(url))

    def post(self, url, data):
        return self.see(self.post_form(url, data))


def walk_every_page_with_markers(app, listener):
    for url in ("/", "/about", "/privacy", "/help", "/settings", "/register/resume"):
        listener.open(url)
    for key in ("who", "helper", "name"):
        listener.open(f"/register/{key}")
        listener.post(f"/register/{key}", {})  # the errors
        answers = {**CHOSEN, **TYPED}[key]
        if key == "name":
            listener.post("/register/name", {"name": TOO_LONG_NAME})  # shown back, not kept
        listener.post(f"/register/{key}", answers)
    listener.post("/register/contact", CHOSEN["contact"])
    listener.post("/register/email", {"email": NOT_AN_EMAIL})
    listener.post("/register/email", TYPED["email"])
    listener.open("/register/later?next=/register/municipality")
    listener.post("/register/later?next=/register/municipality", {"email": RESUME_EMAIL})
    code_page = listener.post("/register/later?next=/register/municipality", {"show_code": "1"})
    code = code_page.soup.select_one(".code").get_text(strip=True)
    for key in ("municipality", "age", "education", "support", "work", "strengths", "hours",
                "times", "transport", "distance", "needs", "health", "ambassador"):
        listener.open(f"/register/{key}")
        listener.post(f"/register/{key}", {**CHOSEN, **TYPED}[key])
    listener.open("/register/check")
    listener.post("/register/contact?change=1", {"contact_method": "phone"})
    listener.post("/register/phone?change=1", TYPED["phone"])
    listener.post("/register/contact?change=1", CHOSEN["contact"])
    listener.open("/register/check")
    listener.open("/register/send")
    listener.post("/register/send", {})  # the consent's errors
    listener.post("/register/send", {"consent": "y", "consent_health": "y",
                                     "consent_contact_helper": "y"})
    listener.open("/register/done")
    listener.post("/register/copy-for-helper", {})
    listener.post("/register/copy-for-helper", {"person_agrees": "y"})
    listener.open("/register/receipt")
    meeting = add_meeting(app, "751")
    listener.open(f"/meetings/{meeting}")
    listener.post(f"/meetings/{meeting}", SIGN_UP)
    listener.open("/")
    return [code.replace(" ", ""), code]


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
    speech_folders = list(Path("/dev/shm").glob("klapjob-speech-*")) if Path("/dev/shm").is_dir() else []
    return {
        "instance folder": files_holding(instance, markers),
        "the site's own instance folder": files_holding(ROOT / "instance", markers),
        "speech processes' private folders": sum((files_holding(f, markers) for f in speech_folders), []),
        "access log": lines_holding(access_log.lines, markers),
        # Every logger of the site, Flask's and Werkzeug's included; not the test's own mail
        # server (aiosmtpd logs what it receives, as a mail server would).
        "application log": lines_holding([caplog.handler.format(r) for r in caplog.records
                                          if not r.name.startswith("mail.")], markers),
    }


def test_nothing_a_person_types_is_kept_outside_the_database(site, caplog, mail_server):
    app, instance, access_log = site
    caplog.set_level(logging.DEBUG)
    listener = Listener(app.test_client())
    codes = walk_every_page_with_markers(app, listener)
    assert len(listener.pressed) > 100, "every player on every page was pressed"
    anna = staff_member(app, "admin").sign_in()
    found = Page(anna.post_form("/staff/", {"search": "Mette Zqpersonname"}))
    registration = found.soup.select_one(".staff-table tbody td a")["href"]
    anna.open(registration)
    anna.post_form(f"{registration}/health", {}, form_on=registration)

    markers = REGISTRATION_MARKERS + OTHER_MARKERS + codes
    assert len(mail_server.inbox.messages) >= 2, "the link and the receipt"
    assert not any(set(body) & MARKS for body in mail_server.inbox.bodies()), "nor in a mail"
    assert not any(everywhere(instance, access_log, caplog, markers).values()), (
        everywhere(instance, access_log, caplog, markers))
    audio_files = list((instance / "audio").rglob("*.mp3"))
    assert audio_files, "the pages' own texts were read and kept"

    reference = re.search(r"[2-9A-Z]{6}", anna.open(registration).title.replace(" ", "")).group(0)
    response = anna.post_form(f"{registration}/delete", {"reference": reference})
    assert location_path(response) == "/staff/"
    assert not any(everywhere(instance, access_log, caplog, markers).values())
    database = files_holding(instance, REGISTRATION_MARKERS, skip=("audio",))
    assert database == [], "deleted means gone, from the database file too"

