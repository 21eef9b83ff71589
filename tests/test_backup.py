"""`flask data backup` and `flask data restore`: copies that are private, checked, and
never written over a running site by accident."""

import os
import sqlite3
import stat

import pytest

from app import create_app
from app.core import backup
from served_site import ServedSite
from staff import register


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def references_in(path):
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT reference FROM registrations")}
    finally:
        conn.close()


def run(app, *args):
    return app.test_cli_runner().invoke(args=["data", *map(str, args)])


def test_a_backup_holds_every_registration_checked_and_readable_only_by_the_service(app, tmp_path):
    sent = {register(app, name=name)["reference"] for name in ("Mette", "Ali", "Sara")}
    destination = tmp_path / "copies" / "tonight.sqlite3"
    destination.parent.mkdir()
    result = run(app, "backup", destination)
    assert result.exit_code == 0, result.output
    assert "checked" in result.output
    assert mode_of(destination) == 0o600
    assert references_in(destination) == sent
    assert backup.integrity_problems(destination) == []
    # One self-contained file: nothing else beside it.
    assert sorted(p.name for p in destination.parent.iterdir()) == ["tonight.sqlite3"]


def test_the_copy_is_private_from_its_first_byte_whatever_the_umask(app, tmp_path, monkeypatch):
    seen = []
    copy_pages = backup.copy_pages

    def watching(database, target):
        seen.append(mode_of(target))
        copy_pages(database, target)
        seen.append(mode_of(target))

    monkeypatch.setattr(backup, "copy_pages", watching)
    old_umask = os.umask(0)
    try:
        assert run(app, "backup", tmp_path / "copy.sqlite3").exit_code == 0
    finally:
        os.umask(old_umask)
    assert seen == [0o600, 0o600]


def test_a_backup_into_a_folder_gets_a_dated_name(app, tmp_path):
    result = run(app, "backup", tmp_path)
    assert result.exit_code == 0, result.output
    [copy] = tmp_path.glob("klapjob-*Z.sqlite3")
    assert mode_of(copy) == 0o600


def test_a_copy_that_fails_the_check_is_not_reported_and_not_left_behind(
    app, tmp_path, monkeypatch
):
    monkeypatch.setattr(backup, "integrity_problems", lambda path: ["*** in database main ***"])
    folder = tmp_path / "copies"
    folder.mkdir()
    result = run(app, "backup", folder / "tonight.sqlite3")
    assert result.exit_code != 0
    assert "No backup was made" in result.output
    assert list(folder.iterdir()) == []


def test_restoring_a_backup_brings_back_what_it_held(app, tmp_path):
    kept = register(app, name="Mette")["reference"]
    run(app, "backup", tmp_path / "copy.sqlite3")
    later = register(app, name="Ali")["reference"]
    result = run(app, "restore", tmp_path / "copy.sqlite3")
    assert result.exit_code == 0, result.output
    restored = references_in(app.config["DATABASE"])
    assert kept in restored and later not in restored
    assert mode_of(app.config["DATABASE"]) == 0o600
    assert backup.integrity_problems(app.config["DATABASE"]) == []


def test_a_restore_onto_a_new_machine_makes_a_private_database(app, tmp_path):
    kept = register(app, name="Mette")["reference"]
    run(app, "backup", tmp_path / "copy.sqlite3")
    new_machine = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "new" / "db.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
        }
    )
    os.unlink(new_machine.config["DATABASE"])
    for suffix in ("-wal", "-shm"):
        if os.path.exists(new_machine.config["DATABASE"] + suffix):
            os.unlink(new_machine.config["DATABASE"] + suffix)
    result = run(new_machine, "restore", tmp_path / "copy.sqlite3")
    assert result.exit_code == 0, result.output
    assert references_in(new_machine.config["DATABASE"]) == {kept}
    assert mode_of(new_machine.config["DATABASE"]) == 0o600


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_backup_is_refused_and_nothing_is_changed(app, tmp_path, content):
    kept = register(app, name="Mette")["reference"]
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(content)
    result = run(app, "restore", damaged)
    assert result.exit_code != 0
    assert "nothing was restored" in result.output
    assert references_in(app.config["DATABASE"]) == {kept}


def test_a_running_site_is_not_restored_over_without_force(tmp_path):
    with ServedSite(tmp_path) as site:
        app = create_app(
            {"TESTING": True, "DATABASE": site.database, "AUDIO_DIR": str(tmp_path / "audio")}
        )
        old = register(app, name="Mette")["reference"]
        run(app, "backup", tmp_path / "copy.sqlite3")
        new = register(app, name="Ali")["reference"]

        refused = run(app, "restore", tmp_path / "copy.sqlite3")
        assert refused.exit_code != 0
        assert "The site is running" in refused.output
        assert references_in(site.database) == {old, new}

        forced = run(app, "restore", "--force", tmp_path / "copy.sqlite3")
        assert forced.exit_code == 0, forced.output
        assert references_in(site.database) == {old}
        assert site.process.poll() is None
        assert backup.integrity_problems(site.database) == []


def test_once_the_site_has_stopped_a_restore_needs_no_force(tmp_path):
    site = ServedSite(tmp_path).start()
    app = create_app(
        {"TESTING": True, "DATABASE": site.database, "AUDIO_DIR": str(tmp_path / "audio")}
    )
    register(app, name="Mette")
    run(app, "backup", tmp_path / "copy.sqlite3")
    site.kill()  # even a site that died without cleaning up leaves no lock behind
    result = run(app, "restore", tmp_path / "copy.sqlite3")
    assert result.exit_code == 0, result.output
