"""Litestream beside gunicorn: every registration the site confirmed can be restored
from the replica into a new file, and a deleted person stays deleted there too."""

import os
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest

from app import create_app
from app.core.backup import integrity_problems
from app.core.db import connect
from app.staff.core.access import visible_registration
from app.staff.data_requests.data.personal_data import delete_person
from http_visitor import HttpVisitor, reference_on
from people import MYSELF_IN_AARHUS
from served_site import ROOT, ServedSite
from staff import staff_member

LITESTREAM = str(ROOT / ".venv/bin/litestream")
# Only a safety net: the loop ends as soon as the replica has caught up.
CATCH_UP_DEADLINE_SECONDS = 180


def restore_replica(replica_url, folder, attempt):
    restored = Path(folder) / f"restored-{attempt}.sqlite3"
    subprocess.run(
        [LITESTREAM, "restore", "-o", str(restored), replica_url], check=True, capture_output=True
    )
    return restored


def registrations_in(path):
    conn = sqlite3.connect(path)
    try:
        return dict(
            conn.execute(
                "SELECT r.reference, count(a.registration_id) FROM registrations r "
                "LEFT JOIN answers a ON a.registration_id = r.id GROUP BY r.id"
            )
        )
    finally:
        conn.close()


def restored_when(replica_url, folder, condition):
    """Restore again and again until `condition(restored_file)` holds."""
    deadline = time.monotonic() + CATCH_UP_DEADLINE_SECONDS
    attempt = 0
    while True:
        attempt += 1
        try:
            restored = restore_replica(replica_url, folder, attempt)
        except subprocess.CalledProcessError:
            restored = None  # no snapshot in the replica yet
        if restored is not None and condition(restored):
            return restored
        assert time.monotonic() < deadline, "the replica never caught up"
        time.sleep(0.2)


def send_registration(base, name):
    person = HttpVisitor(base)
    person.answer_all({**MYSELF_IN_AARHUS, "name": {"name": name}})
    reference = reference_on(person.send())
    assert reference, "the receipt was not shown"
    return reference


def delete_by_reference(database, reference):
    app = create_app({"TESTING": True, "DATABASE": database})
    admin = staff_member(app, role="admin")
    db = connect(database)
    try:
        [public_id] = [
            row["public_id"]
            for row in db.query(
                "SELECT public_id FROM registrations WHERE reference = ?", [reference]
            )
        ]
        with app.app_context():
            delete_person(db, admin.user, visible_registration(db, admin.user, public_id))
    finally:
        db.close()


@pytest.fixture
def replicated_site(tmp_path):
    replica = f"file://{tmp_path / 'replica'}"
    with ServedSite(tmp_path / "site", KLAPJOB_LITESTREAM_REPLICA=replica) as site:
        yield site, replica


@pytest.fixture(autouse=True)
def site_folder(tmp_path):
    (tmp_path / "site").mkdir()


def test_every_confirmed_registration_comes_back_from_the_replica(replicated_site, tmp_path):
    site, replica = replicated_site
    sent = [send_registration(site.base, f"Person {n}") for n in range(6)]
    deleted = sent.pop(2)
    delete_by_reference(site.database, deleted)
    sent.append(send_registration(site.base, "Person after the deletion"))
    answers_on_site = registrations_in(site.database)

    def holds_everything(restored):
        return set(registrations_in(restored)) == set(sent)

    restored = restored_when(replica, tmp_path, holds_everything)
    assert registrations_in(restored) == answers_on_site
    assert all(count > 10 for count in answers_on_site.values())
    assert integrity_problems(restored) == []
    assert deleted not in registrations_in(restored)


def test_litestream_runs_with_the_site_from_a_private_configuration_and_stops_with_it(
    replicated_site,
):
    site, replica = replicated_site
    config = Path(site.database).parent / "litestream.yml"
    assert stat.S_IMODE(os.stat(config).st_mode) == 0o600
    assert replica in config.read_text()
    commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in site.processes()]
    assert any(b"litestream\x00replicate" in command for command in commands)
    site.stop()
    assert site.processes() == []


def test_without_a_replica_the_site_runs_without_litestream(tmp_path):
    with ServedSite(tmp_path / "site") as site:
        commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in site.processes()]
        assert commands and not any(b"litestream" in command for command in commands)
