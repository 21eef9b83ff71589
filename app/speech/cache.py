"""The clips on disk, under the instance folder (never under static/).

    texts/ab/<key>.json   what a key says: a passage (language, speed, chunks) or a sequence
                          of other keys (a whole page). Written when a page shows the text,
                          so a request can only ever ask for texts the site itself rendered.
    clips/ab/<key>.mp3    the sound
    clips/ab/<key>.json   when each word starts
    locks/ab.lock         so that concurrent requests, in any process, make a clip once

A key is 32 hex digits of a SHA-256 (see keys.py). A request's key is parsed as hex and
written back by us: nothing a request sends becomes a file path. Only texts that are the
same for everybody are kept here; a person's own answers never are (see own.py).
"""

import fcntl
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

from app.core import clock, codes

KEY_LENGTH = 32


def checked_key(key):
    """`key` as our own hex spelling, or None when it is not exactly a key."""
    if not isinstance(key, str) or len(key) != KEY_LENGTH:
        return None
    try:
        return bytes.fromhex(key).hex()
    except ValueError:
        return None


def write_atomically(path, data):
    """Readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{codes.random_name()}")
    with open(temporary, "wb") as f:
        f.write(data)
    os.replace(temporary, path)


class AudioCache:
    def __init__(self, root):
        self.root = Path(root)

    def _path(self, folder, key, suffix):
        key = checked_key(key)
        if key is None:
            raise ValueError("not a clip key")
        return self.root / folder / key[:2] / f"{key}{suffix}"

    def record_path(self, key):
        return self._path("texts", key, ".json")

    def clip_path(self, key):
        return self._path("clips", key, ".mp3")

    def timings_path(self, key):
        return self._path("clips", key, ".json")

    # What a key says

    def remember(self, key, record):
        path = self.record_path(key)
        if not path.exists():
            write_atomically(path, json.dumps(record, ensure_ascii=False).encode())

    def record(self, key):
        try:
            return json.loads(self.record_path(key).read_bytes())
        except (OSError, ValueError):
            return None

    # The clips

    def has_clip(self, key):
        return self.clip_path(key).exists()

    def store(self, key, mp3, timings=None):
        """Timings first: a clip that exists always has its timings next to it."""
        if timings is not None:
            write_atomically(self.timings_path(key), json.dumps(timings).encode())
        write_atomically(self.clip_path(key), mp3)

    def read_clip(self, key):
        return self.clip_path(key).read_bytes()

    @contextmanager
    def lock(self, key, timeout):
        """Hold the lock of `key` (shared by 1 in 256 keys) for at most `timeout` seconds of
        waiting; TimeoutError when another request holds it longer."""
        path = self.root / "locks" / f"{checked_key(key)[:2]}.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + timeout
        with open(path, "a") as f:
            while True:
                try:
                    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError("the clip is being made elsewhere") from None
                    time.sleep(0.005)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    # When synthesis fails, every process should know for a while, so pages can say so.

    @property
    def _failing_marker(self):
        return self.root / "synthesis-failing"

    def mark_failing(self):
        write_atomically(self._failing_marker, str(clock.seconds()).encode())

    def mark_working(self):
        self._failing_marker.unlink(missing_ok=True)

    def failed_within(self, seconds):
        try:
            return clock.seconds() - self._failing_marker.stat().st_mtime < seconds
        except OSError:
            return False

    def size(self):
        """Bytes of every clip, timing and text kept."""
        return sum(
            path.stat().st_size
            for folder in ("clips", "texts")
            for path in (self.root / folder).glob("*/*")
        )

    def prune(self, keep):
        """Delete every clip, timing and text whose key is not in `keep` (the keys some
        page shows now), and half-written files left by a crash. (files, bytes) removed."""
        removed, freed = 0, 0
        for folder in ("clips", "texts"):
            for path in (self.root / folder).glob("*/*"):
                key = path.name.split(".")[0]
                stale = path.name.startswith(".") and clock.seconds() - path.stat().st_mtime > 3600
                if stale or (not path.name.startswith(".") and key not in keep):
                    freed += path.stat().st_size
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed, freed

    def totals(self):
        """(number of clips, bytes of clips and timings)."""
        clips, size = 0, 0
        for path in (self.root / "clips").glob("*/*"):
            if path.name.startswith("."):
                continue
            clips += path.suffix == ".mp3"
            size += path.stat().st_size
        return clips, size
