"""Every page a citizen can meet, in every state, visited once per language, to learn every
text the pages show to everybody: what `flask audio build` renders ahead of time.

The states are those of page_states.py, the same list the tests walk. The walk uses a
throwaway copy of the site (its own temporary database, a mail server that never answers,
so that nothing is sent) with the same settings and the same audio folder. Only texts the
site wrote itself are ever remembered for everybody (site_text.py), so the pages that show a
person's own answers add their headings and labels, and nothing of the person.
"""

import socket
import tempfile

from app.web.cookies import LANGUAGE_COOKIE
from app.web.page_states import every_page_state
from app.web.server_site import ServerSite

# Settings that change what pages say or how they sound.
SHARED_SETTINGS = ("LANGUAGES", "CALLBACK_WORKING_DAYS", "AUDIO_DIR", "RESUME_DAYS")


def every_shown_key(app):
    """The keys of every clip the pages show to everybody, in every language."""
    create_app = app.extensions["klapjob_factory"]
    settings = {
        name: value
        for name, value in app.config.items()
        if name.startswith(("KLAPJOB_", "SPEECH_")) or name in SHARED_SETTINGS
    }
    with tempfile.TemporaryDirectory(prefix="klapjob-walk-") as folder:
        walker = create_app(
            {
                **settings,
                "TESTING": True,
                "DATABASE": f"{folder}/walk.sqlite3",
                "SMTP_HOST": "127.0.0.1",
                "SMTP_PORT": closed_port(),
                # An in-process copy: plain http, so no redirect to https and no __Host- names.
                "HTTPS": False,
                "SESSION_COOKIE_SECURE": False,
                # Its drafts are throwaway ones in a temporary file: no limits on them.
                "DISK_FLOOR_MB": 0,
                "NEW_DRAFTS_PER_HOUR": 1_000_000,
                "MEETING_SIGNUPS_PER_HOUR": 1_000_000,
                "RESUME_MAILS_PER_HOUR": 1_000_000,
                "RESUME_MAILS_PER_DRAFT": 1_000_000,
                "MAILS_PER_RECIPIENT_PER_DAY": 1_000_000,
            }
        )
        clips = walker.extensions["klapjob_speech"]
        clips.collected = set()
        for language in walker.config["LANGUAGES"]:
            site = ServerSite(walker)
            site.client.set_cookie(LANGUAGE_COOKIE, language)
            for _state in every_page_state(site):
                pass
        return clips.collected


def closed_port():
    """A port on this machine where nothing listens: every mail fails at once, and the pages
    show what they show when mail is set up."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
