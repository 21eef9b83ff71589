"""Knowing whether the site is running on a database: an advisory lock beside it.

Every process that serves the site (gunicorn's master from gunicorn.conf.py, and each
worker from wsgi.py) holds a shared flock on `<database>.serving` for as long as it lives.
The kernel lets the lock go when the last process holding it ends, however it ends (a
SIGKILL too), so a crash never leaves a stale "running" behind. `flask data restore` asks
for the lock exclusively without waiting: if it cannot have it, something is serving.
"""

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

# Kept for the life of the process: closing the file would let the lock go.
_held: dict[str, int] = {}


def lock_path(database: str | Path) -> str:
    return f"{database}.serving"


def _open_lock_file(database: str | Path) -> int:
    os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
    return os.open(lock_path(database), os.O_RDWR | os.O_CREAT, 0o600)


def hold_serving_lock(database: str | Path) -> None:
    """Mark this process as serving `database` until it ends. Waits while a restore
    holds the lock, so a site never starts on a half-written database."""
    key = os.path.realpath(database)
    if key in _held:
        return
    fd = _open_lock_file(database)
    fcntl.flock(fd, fcntl.LOCK_SH)
    _held[key] = fd


@contextlib.contextmanager
def site_stopped(database: str | Path) -> Iterator[bool]:
    """Yields False when a process serves `database`. Yields True when none does, and
    then no site can start on it until the block ends (it waits for the lock)."""
    fd = _open_lock_file(database)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
        else:
            yield True
    finally:
        os.close(fd)
