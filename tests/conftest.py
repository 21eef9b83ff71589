import pytest
from argon2 import PasswordHasher

import gate_summary
from app import create_app
from app.core.db import connect
from app.staff.accounts import users
from devices import shared_device_mark
from pages import Page

# Hundreds of sign-ins at argon2's real cost (0.26 s to hash, 0.37 s to verify) took
# minutes; tests/test_password_cost.py is the one test of the real parameters.
users.use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def app(tmp_path, request):
    """A fresh site on its own SQLite file. It speaks with the fake engine (silence as long
    as the words) unless the test is about synthesis (@pytest.mark.real_speech)."""
    about_synthesis = request.node.get_closest_marker("real_speech") is not None
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "",
            "SPEECH_ENGINE": "espeak" if about_synthesis else "fake",
        }
    )
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    database = connect(app.config["DATABASE"])
    yield database
    database.close()


@pytest.fixture
def get_page(client):
    def fetch(url, **kwargs):
        response = client.get(url, **kwargs)
        result = Page(response)
        if response.status_code == 200 and "text/html" in response.content_type:
            result.assert_well_formed()
        return result

    return fetch


@pytest.fixture
def mail_server():
    from mail_server import MailServer

    with MailServer() as server:
        yield server


@pytest.fixture
def app_with_mail(tmp_path, mail_server):
    return create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": mail_server.port,
        }
    )


@pytest.fixture
def shared_device_cookie(app):
    return shared_device_mark(app)


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller, not an xdist worker
        gate_summary.start_afresh()


def pytest_terminal_summary(terminalreporter):
    for line in gate_summary.summary_lines():
        terminalreporter.write_line(line)
