"""Sound of a person's own texts: made when they press play, never kept on disk.

A clip made for a visitor stays a few minutes in this process's memory, under a keyed
hash of the visitor (their cookies) and the passage: pressing play again, the word timings
fetched beside it, and Safari's range requests do not make it again. Nobody else can reach
it (another visitor's hash differs), and it is gone after KLAPJOB_PERSONAL_AUDIO_SECONDS
or when memory is full, whichever comes first.

Making sound costs CPU. Each client address has a budget of seconds of synthesis a minute
(KLAPJOB_SPEECH_SECONDS_PER_MINUTE, counted in SQLite across workers); past it the sound
waits ("try again in a moment") while every page answers as before.
"""

import threading
import time
from collections import OrderedDict

from flask import current_app, request

from app.core import codes
from app.core.limits import Limit, this_client
from app.web.database import get_db

# Enough for a few dozen whole pages; a clip is about 4 KB a second of speech.
MEMORY_BYTES = 48 * 1024 * 1024


class TooMuchSpeech(Exception):
    """This client has used its synthesis budget for now."""


class RecentClips:
    """(mp3, timings) by key, for `seconds`, in at most MEMORY_BYTES."""

    def __init__(self, limit_bytes=MEMORY_BYTES):
        self.limit_bytes = limit_bytes
        self._clips = OrderedDict()  # key -> (expires, mp3, timings)
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            self._forget_expired(time.monotonic())
            found = self._clips.get(key)
            return found[1:] if found else None

    def put(self, key, mp3, timings, seconds):
        with self._lock:
            if key in self._clips:
                self._bytes -= len(self._clips.pop(key)[1])
            self._clips[key] = (time.monotonic() + seconds, mp3, timings)
            self._bytes += len(mp3)
            while self._bytes > self.limit_bytes and self._clips:
                self._bytes -= len(self._clips.popitem(last=False)[1][1])

    def _forget_expired(self, now):
        while self._clips:
            key, (expires, mp3, _timings) = next(iter(self._clips.items()))
            if expires > now:
                return
            del self._clips[key]
            self._bytes -= len(mp3)

    def clear(self):
        with self._lock:
            self._clips.clear()
            self._bytes = 0


recent = RecentClips()


def visitor_key(passage_key):
    """The visitor (their cookies) and the passage, as a keyed hash."""
    message = f"{request.headers.get('Cookie', '')}\x1f{passage_key}"
    return codes.keyed_hash(current_app.secret_key, message)


def speech_budget():
    return Limit("speech_seconds", current_app.config["SPEECH_SECONDS_PER_MINUTE"], 60)


def over_budget():
    return speech_budget().reached(get_db(), this_client())


def personal_clip(clips, passage, speed):
    """(mp3, timings) of a person's passage: from memory, from the shared cache when the
    site shows the very same words to everybody, or made now within the budget."""
    key = clips.passage_key(passage, speed)
    mine = visitor_key(key)
    found = recent.get(mine)
    if found:
        return found
    if not clips.cache.has_clip(key):
        if over_budget():
            raise TooMuchSpeech()
        started = time.monotonic()
        try:
            made = clips.render(passage, speed)
        finally:
            speech_budget().record(get_db(), this_client(), time.monotonic() - started)
    else:
        made = clips.render(passage, speed)
    recent.put(mine, *made, seconds=current_app.config["PERSONAL_AUDIO_SECONDS"])
    return made


def personal_page(clips, passages, speed):
    """A whole page that holds something personal: its passages' clips one after the other
    (constant bit rate clips join frame by frame); `passages`: (passage, is the site's)."""
    parts = []
    for passage, shared in passages:
        if shared:
            key = clips.passage_key(passage, speed)
            unkept = clips.make(key)
            parts.append(unkept[0] if unkept else clips.cache.read_clip(key))
        else:
            parts.append(personal_clip(clips, passage, speed)[0])
    return b"".join(parts)
