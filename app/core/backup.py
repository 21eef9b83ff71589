"""Backing up and restoring the database file, with SQLite's online backup API.

A copy made with `cp` while the site runs can be torn (a page from before a write, the
next from after it) and, like `sqlite3 .backup`, is readable by everyone the umask allows.
A backup here is taken page by page inside SQLite's own locking, written to a file that is
mode 0600 from the moment it exists, checked with `PRAGMA integrity_check`, and only then
given its name. A restore writes through the same API into the site's database, so a
running site and Litestream see an ordinary transaction, never a file swapped under them.
"""

import contextlib
import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from app.core import clock
from app.core.serving import site_stopped


class BackupProblem(Exception):
    """Something an operator must hear about in plain words: nothing was changed."""


# An empty file is a sound, empty SQLite database: restoring it would wipe the site.
OUR_TABLES = {"_sqlite_migrations", "registrations", "answers"}


def read_only(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def integrity_problems(path: str | Path) -> list[str]:
    """An empty list when SQLite finds the file sound, or what it found wrong."""
    try:
        conn = read_only(path)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()
    if rows != ["ok"]:
        return rows
    missing = OUR_TABLES - tables
    return [f"not a KLAPjob database (no {', '.join(sorted(missing))})"] if missing else []


def backup_name(now: datetime | None = None) -> str:
    now = now or clock.now()
    return f"klapjob-{now:%Y%m%dT%H%M%SZ}.sqlite3"


def backup_database(database: str | Path, destination: str | Path) -> Path:
    """Copy the live `database` to `destination` (a file, or a folder to put a dated file
    in). Returns the path written. Raises BackupProblem and leaves nothing behind when the
    copy does not pass the integrity check."""
    destination = Path(destination)
    if destination.is_dir():
        destination = destination / backup_name()
    # mkstemp creates the file 0600 in the destination's folder, so the rename at the end
    # is atomic and there is no moment in which the copy is readable by others.
    fd, partial = tempfile.mkstemp(prefix=".backup-", suffix=".partial", dir=destination.parent)
    os.close(fd)
    try:
        copy_pages(database, partial)
        problems = integrity_problems(partial)
        if problems:
            raise BackupProblem(f"The copy failed the integrity check: {problems[:3]}")
        fsync_file(partial)
        os.replace(partial, destination)
        fsync_file(destination.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
        raise
    return destination


def copy_pages(database: str | Path, target: str | Path) -> None:
    source = read_only(database)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # One self-contained file: no -wal or -shm beside a backup.
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
        source.close()


def fsync_file(path: str | Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restore_database(source: str | Path, database: str | Path, *, force: bool = False) -> None:
    """Write the backup at `source` over `database`. Refuses while the site is running
    unless `force`, and refuses a source that fails the integrity check."""
    source = Path(source)
    if not source.is_file():
        raise BackupProblem(f"There is no file at {source}.")
    problems = integrity_problems(source)
    if problems:
        raise BackupProblem(
            f"{source} failed the integrity check, nothing was restored: {problems[:3]}"
        )
    with site_stopped(database) as stopped:
        if not stopped and not force:
            raise BackupProblem(
                "The site is running on this database (a gunicorn process holds its lock). "
                "Stop it first, or add --force to restore under it."
            )
        copy_backup_into(source, database)
    problems = integrity_problems(database)
    if problems:
        raise BackupProblem(f"The restored database failed the integrity check: {problems[:3]}")


def copy_backup_into(source: str | Path, database: str | Path) -> None:
    create_private_file(database)
    backup = read_only(source)
    target = sqlite3.connect(database, timeout=30)
    try:
        target.execute("PRAGMA busy_timeout = 30000")
        backup.backup(target)
        target.execute("PRAGMA journal_mode = WAL")
    finally:
        target.close()
        backup.close()


def create_private_file(path: str | Path) -> None:
    """An empty file only the service user can read, unless one is there already."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
