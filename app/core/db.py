"""The SQLite database: connections, pragmas, transactions and migrations. (One connection
per request is app/web/database.py.)"""

import contextlib
import fcntl
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from app.core import clock
from app.core.migrations import migrations

log = logging.getLogger("klapjob.database")

# The largest whole number SQLite stores: a bigger id from an address or a form is no row.
LARGEST_INTEGER = 2**63 - 1

BUSY_TIMEOUT = "PRAGMA busy_timeout = 5000"
PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    # An acknowledged registration must survive a power cut.
    "PRAGMA synchronous = FULL",
    BUSY_TIMEOUT,
    # Deleted personal data is overwritten, not left in free pages.
    "PRAGMA secure_delete = ON",
)


def connect(path: str | Path) -> Database:
    """A configured connection to the database file at `path`."""
    conn = sqlite3.connect(path, timeout=5)
    db = Database(conn)
    for pragma in PRAGMAS:
        db.execute(pragma)
    # Text compared whatever its capitals, Æ, Ø and Å too (SQLite's lower() knows A-Z).
    db.register_function(casefold, deterministic=True)
    # A stored UTC stamp's day in Denmark (SQLite's date() knows UTC only).
    db.register_function(danish_day, deterministic=True)
    return db


def casefold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else text


def danish_day(stamp: str | None) -> str | None:
    return clock.day_in_denmark(stamp).isoformat() if stamp else None


def forget_deleted(db: Database) -> bool:
    """Move the WAL into the database file and truncate it, so deleted rows live on in
    neither. It does not wait for a busy reader: a TRUNCATE checkpoint that waits holds back
    every write behind it, and a person is waiting for the page. A busy reader is logged;
    the next checkpoint catches up (Litestream, where it runs, holds a reader and
    checkpoints within its minute)."""
    db.execute("PRAGMA busy_timeout = 0")
    try:
        busy, _log_pages, _moved = next(iter(db.execute("PRAGMA wal_checkpoint(TRUNCATE)")))
    finally:
        db.execute(BUSY_TIMEOUT)
    if busy:
        log.warning("WAL checkpoint incomplete: a reader was busy")
    return not busy


class DiskFull(Exception):
    """A write found no room: the person must be told it was not saved."""


def is_disk_full(error: BaseException) -> bool:
    """SQLITE_FULL: the disk (or the database's allowed size) has no room for the write."""
    return isinstance(error, sqlite3.OperationalError) and (
        getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or "database or disk is full" in str(error)
    )


def free_disk_mb(path: str | Path) -> float:
    """Free space for the database file's folder, in megabytes."""
    return shutil.disk_usage(Path(path).parent).free / 1e6


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock at once, so a read-then-write cannot fail
    half-way with SQLITE_BUSY when another request writes at the same moment.

    Inside a transaction that is open already, it joins it: the outer one commits or
    rolls back everything, so a change and its audit entry stand or fall together."""
    if db.conn.in_transaction:
        yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        db.conn.commit()


def prepare_database(path: str | Path) -> None:
    """Create the file if needed, switch on WAL and bring the schema up to date. One process
    at a time: gunicorn's workers start together, and on a new file they raced to switch on
    WAL and create the tables ("database is locked")."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    lock_path = os.devnull if path == ":memory:" else f"{path}.lock"
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        db = connect(path)
        try:
            db.enable_wal()
            migrations.apply(db)
        finally:
            db.close()
    # Health information lives in this file: only the service user may read it.
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(f"{path}{suffix}", 0o600)
