"""The database file: how it is opened, migrated and kept."""

import os
import re
import stat

from app.core import codes
from app.core.db import connect, prepare_database
from app.core.migrations import migrations
from app.domain.registrations.sending import spaced_reference
from people import MYSELF_IN_AARHUS, Visitor


def test_a_new_database_gets_every_migration_and_wal(app, db):
    assert migrations.pending(db) == []
    assert next(db.query("PRAGMA journal_mode"))["journal_mode"] == "wal"
    assert {"drafts", "registrations", "answers"} <= set(db.table_names())


def test_every_connection_has_foreign_keys_secure_delete_and_full_sync(db):
    assert next(db.query("PRAGMA foreign_keys"))["foreign_keys"] == 1
    assert next(db.query("PRAGMA secure_delete"))["secure_delete"] == 1
    assert next(db.query("PRAGMA synchronous"))["synchronous"] == 2  # FULL


def test_preparing_twice_changes_nothing(tmp_path):
    path = tmp_path / "twice.sqlite3"
    prepare_database(path)
    prepare_database(path)
    db = connect(path)
    assert len(migrations.applied(db)) == len(migrations._migrations)
    db.close()


def test_only_the_service_user_may_read_the_file(app):
    mode = stat.S_IMODE(os.stat(app.config["DATABASE"]).st_mode)
    assert mode == 0o600


def test_deleting_a_registration_deletes_its_answers(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    assert next(db.query("SELECT count(*) AS n FROM answers"))["n"] > 10
    with db.conn:
        db.execute("DELETE FROM registrations")
    assert next(db.query("SELECT count(*) AS n FROM answers"))["n"] == 0


def test_a_reference_is_easy_to_read_aloud():
    references = {codes.make_reference() for _ in range(2000)}
    assert len(references) > 1990
    # Six signs, said as two groups of three: the length is the product's, not the module's.
    assert {len(reference) for reference in references} == {6}
    letters = set("".join(references))
    assert letters <= set(codes.REFERENCE_ALPHABET)
    assert not letters & set("01OIL8SBZ")
    assert spaced_reference("K7M4PX") == "K7M 4PX"


def test_a_sent_registration_gets_a_reference_of_six_easy_signs(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    [row] = db.query("SELECT reference FROM registrations")
    assert re.fullmatch("[2345679ACDEFGHJKMNPQRTUVWXY]{6}", row["reference"])
    receipt = mette.open("/register/done").text()
    assert spaced_reference(row["reference"]) in receipt


def test_workers_starting_together_on_a_new_database_all_start(tmp_path):
    """gunicorn starts its workers at once; each brings the schema up to date. On a new
    database they once raced to switch on WAL and create the tables ("database is locked"),
    and a worker failed to boot."""
    import multiprocessing

    path = str(tmp_path / "new.sqlite3")
    context = multiprocessing.get_context("fork")
    start = context.Barrier(6)
    processes = [context.Process(target=prepare_together, args=(path, start)) for _ in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [process.exitcode for process in processes] == [0] * 6


def prepare_together(path, start):
    from app.core.db import prepare_database

    start.wait()
    prepare_database(path)
