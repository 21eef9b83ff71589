"""Every page a citizen can meet, visited once per language, to learn every text the pages
show to everybody: what `flask audio build` renders ahead of time.

The walk uses a throwaway copy of the site (its own temporary database, no form tokens) with
the same settings and the same audio folder, and answers every question the way a person
might: nothing, then something wrong, then something right. Pages with a person's own
answers (check, receipt) show nothing for everybody, so they add nothing here.
"""

import tempfile
from urllib.parse import urlsplit

from ..journey.steps import STEPS_BY_KEY

STATIC_PAGES = ("/", "/about", "/privacy", "/help", "/settings", "/meetings",
                "/register/resume", "/register/resume/any-key", "/no-such-page")
# Answers of each kind that pass, and that fail for their format.
RIGHT = {"text": "Tekst", "textarea": "Tekst", "phone": "20 30 40 50", "email": "navn@mail.dk",
         "phone_or_email": "20 30 40 50", "confirm": "y"}
WRONG = {"phone": "12", "email": "navn", "phone_or_email": "navn"}
# Two ways through the questions, so that every question shows: a helper who wants a call,
# and a person who wants an email and would like "something else" as work.
WAYS = (
    {"filled_by": "helper", "contact_method": "phone"},
    {"filled_by": "self", "contact_method": "email", "work_wishes": ["other"], "work_other": ""},
)
# Settings that change what pages say or how they sound.
SHARED_SETTINGS = ("LANGUAGES", "CALLBACK_WORKING_DAYS", "AUDIO_DIR")


def every_shown_key(app):
    """The keys of every clip the pages show to everybody, in every language."""
    from .. import create_app

    settings = {
        name: value
        for name, value in app.config.items()
        if name.startswith(("KLAPJOB_", "SPEECH_")) or name in SHARED_SETTINGS
    }
    with tempfile.TemporaryDirectory(prefix="klapjob-walk-") as folder:
        walker = create_app({
            **settings,
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "DATABASE": f"{folder}/walk.sqlite3",
            "SMTP_HOST": "",
            # An in-process copy: plain http, so no redirect to https and no __Host- names.
            "HTTPS": False,
            "SESSION_COOKIE_SECURE": False,
            # Its drafts are throwaway ones in a temporary file: no limits on them.
            "DISK_FLOOR_MB": 0,
            "NEW_DRAFTS_PER_HOUR": 1_000_000,
            "MEETING_SIGNUPS_PER_HOUR": 1_000_000,
        })
        clips = walker.extensions["klapjob_speech"]
        clips.collected = set()
        for language in walker.config["LANGUAGES"]:
            client = walker.test_client()
            client.set_cookie("klapjob_lang", language)
            visit_every_page(client)
        return clips.collected


def visit_every_page(client):
    for path in STATIC_PAGES:
        client.get(path)
    client.post("/register/name", data={"name": "x" * 70_000})  # "the text is too long"
    client.post("/settings", data={})  # every setting's error
    client.post("/register/resume", data={"code": "x"})  # a wrong code
    for way in WAYS:
        answer_every_question(client, way)
    client.get("/register/later")
    client.get("/register/send")
    client.post("/register/send", data={})  # consent not given: its error
    client.post("/register/start-over")


def answer_every_question(client, way):
    path = "/register/who"
    while path.startswith("/register/") and path not in ("/register/check", "/register/send"):
        step = STEPS_BY_KEY[path.rsplit("/", 1)[-1]]
        client.get(path)
        client.post(path, data={})
        if any(field.kind in WRONG for field in step.fields):
            client.post(path, data=answers(step, {}, WRONG))
        for preferred in (way, {}):
            response = client.post(path, data=answers(step, preferred, RIGHT))
            if response.status_code == 302:
                break
        else:
            return
        path = urlsplit(response.headers["Location"]).path


def answers(step, preferred, texts):
    data = {}
    for field in step.fields:
        if field.name in preferred:
            data[field.name] = preferred[field.name]
        elif field.has_choices:
            first = field.choices[0].value
            data[field.name] = [first] if field.takes_several else first
        elif field.kind in texts:
            data[field.name] = texts[field.kind]
    return data
