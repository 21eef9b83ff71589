import shutil
from collections import Counter

import pytest
from argon2 import PasswordHasher

import gate_summary
from app import create_app
from app.core.db import connect, prepare_database
from app.staff.core import users
from devices import shared_device_mark
from pages import Page

# Hundreds of sign-ins at argon2's real cost (0.26 s to hash, 0.37 s to verify) took
# minutes; tests/test_password_cost.py is the one test of the real parameters.
users.use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """An empty database with every migration applied, made once per test process; each
    test's site starts from a copy (prepare_database then finds nothing to do)."""
    path = tmp_path_factory.mktemp("migrated") / "klapjob.sqlite3"
    prepare_database(path)  # closes its connection: the WAL is checkpointed into the file
    return path


@pytest.fixture
def fresh_database(tmp_path, migrated_database):
    """The path of this test's own database file: a copy of the migrated one."""
    path = tmp_path / "klapjob.sqlite3"
    shutil.copy(migrated_database, path)
    return str(path)


@pytest.fixture
def app(tmp_path, request, fresh_database):
    """A fresh site on its own SQLite file. It speaks with the fake engine (silence as long
    as the words) unless the test is about synthesis (@pytest.mark.real_speech)."""
    about_synthesis = request.node.get_closest_marker("real_speech") is not None
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": fresh_database,
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
def app_with_mail(tmp_path, mail_server, fresh_database):
    return create_app(
        {
            "TESTING": True,
            "DATABASE": fresh_database,
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": mail_server.port,
        }
    )


@pytest.fixture
def shared_device_cookie(app):
    return shared_device_mark(app)


GATE = "tests/browser/test_accessibility.py::"


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller, not an xdist worker
        gate_summary.start_afresh()


def pytest_terminal_summary(terminalreporter):
    """The gate's figures, when this run walked the citizen pages (the files of another run,
    or of a run at the same time, are not this run's)."""
    reports = [r for kind in terminalreporter.stats.values() for r in kind]
    if any(getattr(r, "nodeid", "").startswith(GATE) for r in reports):
        for line in gate_summary.summary_lines():
            terminalreporter.write_line(line)
    terminalreporter.write_line(time_by_file(reports))


def time_by_file(reports, most=15):
    """The files that took the most worker time (set-up, test and tear-down summed): the
    fuzz's 1,400 short tests hide from --durations, not from this."""
    seconds = Counter()
    for report in reports:
        if hasattr(report, "duration") and getattr(report, "nodeid", ""):
            seconds[report.nodeid.split("::")[0]] += report.duration
    top = ", ".join(f"{path} {round(spent)}" for path, spent in seconds.most_common(most))
    return f"Worker seconds by test file ({round(sum(seconds.values()))} in all): {top}."


# What `scripts/test --fast` leaves out besides the browser tests (-m "not browser and not
# slow"): the groups that take minutes each. The whole test command runs them all.
SLOW_MODULES = {
    "test_fuzz_routes",  # every route with hostile input: ~3 minutes
    "test_logging",  # the site served by gunicorn, as in production
    "test_replication",
    "test_backup",
    "test_install",
}


# The longest walks start first, so that with two workers (scripts/test) neither waits
# idle at the end while the other finishes a walk of minutes: the rest fills in around them.
LONGEST_FIRST = ("test_accessibility", "test_staff_accessibility", "test_keyboard")


# Before xdist's own hook, which reads the groups (--dist loadgroup).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if module_of(item) in SLOW_MODULES or item.get_closest_marker("real_speech"):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("browser") and not item.get_closest_marker("xdist_group"):
            # A browser file's tests share its served site and its walks (module fixtures):
            # on one worker they are made once. Split over two, the phone's first-screen
            # walk was made twice (12 s each).
            item.add_marker(pytest.mark.xdist_group(f"file-{module_of(item)}"))
    items.sort(key=start_order)  # stable: the order inside a module stays


def module_of(item):
    return item.module.__name__.rsplit(".", 1)[-1] if item.module else ""


def start_order(item):
    module = module_of(item)
    if module in LONGEST_FIRST:
        return LONGEST_FIRST.index(module)
    return len(LONGEST_FIRST) + (0 if item.get_closest_marker("browser") else 1)
