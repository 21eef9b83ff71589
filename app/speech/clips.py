"""Clips: what a passage sounds like at a speed.

A text that is the same for everybody is made once, kept on disk and served to everyone
(`make`). A person's own answers are made for that person when they press play, and kept
nowhere (`render`, used by own.py).

A key is a hash of everything that changes the sound or its highlighting: the engine
versions, the language, the voice, the rate, the spoken text and the words shown.
"""

import hashlib
import json
import logging
import time
from dataclasses import dataclass

from app.speech.cache import AudioCache
from app.speech.engine import audio_format
from app.speech.engine.engines import ProcessEngine
from app.speech.engine.synthesis import SynthesisFailed
from app.speech.text import Passage, spoken_form

SPEEDS = ("normal", "slow")
log = logging.getLogger("klapjob.speech")


class ClipUnknown(Exception):
    """No page of this site ever showed a text with this key."""


class ClipUnavailable(Exception):
    """Synthesis does not work just now."""


def hashed(version, *parts):
    """A clip's key: what the engine is (a new version makes new clips) and what it says."""
    data = json.dumps([version, *parts], ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass(frozen=True)
class Settings:
    voices: dict  # language -> espeak-ng voice
    rates: dict  # speed -> words a minute
    timeout: float  # seconds for one synthesis job
    retry_after: float  # seconds without trying again after synthesis failed
    budget_bytes: float = float("inf")  # the shared cache's size budget


class Clips:
    def __init__(self, root, settings, engine=None):
        self.cache = AudioCache(root)
        self.settings = settings
        self.engine = engine or ProcessEngine()
        self.engine_version = self.engine.version()
        # While `flask audio build` walks the site: every key a page showed.
        self.collected = None
        # Texts for everybody this process has remembered already (a few thousand at most).
        self._remembered = {}
        # What pages worked out once about those texts: their addresses and controls (they
        # never change while the process lives; speech/page.py).
        self.for_pages = {}
        # (when measured, bytes): the cache's size, measured again now and then.
        self._size = (0.0, 0)

    # Keys, and what they say

    def passage_key(self, passage, speed):
        voice = self.settings.voices[passage.language]
        rate = self.settings.rates[speed]
        return hashed(
            self.engine_version,
            "passage",
            passage.language,
            voice,
            rate,
            spoken_form(passage).text,
            passage.words,
        )

    def sequence_key(self, language, speed, keys):
        return hashed(self.engine_version, "sequence", language, speed, list(keys))

    def remember_passage(self, passage, speed):
        """The key of a text for everybody, after making sure a request can find it."""
        key = self._remembered.get((passage, speed))
        if key is None:
            key = self.passage_key(passage, speed)
            record = {
                "kind": "passage",
                "language": passage.language,
                "speed": speed,
                "chunks": list(passage.chunks),
            }
            self._remember(key, record)
            self._remembered[(passage, speed)] = key
        elif self.collected is not None:
            self.collected.add(key)
        return key

    def remember_sequence(self, language, speed, keys):
        """The key of a whole page for everybody, after making sure a request can find it."""
        remembered = (language, speed, tuple(keys))
        key = self._remembered.get(remembered)
        if key is None:
            key = self.sequence_key(language, speed, keys)
            record = {"kind": "sequence", "language": language, "speed": speed, "parts": list(keys)}
            self._remember(key, record)
            self._remembered[remembered] = key
        elif self.collected is not None:
            self.collected.add(key)
        return key

    def _remember(self, key, record):
        self.cache.remember(key, record)
        if self.collected is not None:
            self.collected.add(key)
        return key

    def known_record(self, key):
        """What `key` says, checked against the key itself; ClipUnknown otherwise."""
        record = self.cache.record(key)
        if record is None or record.get("speed") not in SPEEDS:
            raise ClipUnknown(key)
        if record["language"] not in self.settings.voices:
            raise ClipUnknown(key)
        if record["kind"] == "passage":
            passage = Passage(record["language"], tuple(record["chunks"]))
            if self.passage_key(passage, record["speed"]) == key:
                return record, passage
        elif record["kind"] == "sequence":
            if self.sequence_key(record["language"], record["speed"], record["parts"]) == key:
                return record, None
        raise ClipUnknown(key)

    # Clips for everybody: made once, kept

    def make(self, key):
        """Make sure the clip of `key` is on disk. Returns None; or (mp3, timings) when
        the cache is over its size budget and the clip was made but not kept."""
        if self.cache.has_clip(key):
            return None
        record, passage = self.known_record(key)
        if record["kind"] == "sequence":
            parts = [
                self.make(part) or (self.cache.read_clip(part), None) for part in record["parts"]
            ]
            mp3 = b"".join(part_mp3 for part_mp3, _timings in parts)
            return self._keep(key, mp3, None)
        self._check_working()
        try:
            with self.cache.lock(key, self.settings.timeout):
                if self.cache.has_clip(key):  # made by another request while we waited
                    return None
                mp3, timings = self._synthesise(passage, record["speed"])
                log.info("made clip %s", key)
                return self._keep(key, mp3, timings)
        except TimeoutError as error:
            raise ClipUnavailable(str(error)) from error

    def _keep(self, key, mp3, timings):
        """Store a clip, unless that would take the cache past its budget."""
        measured, size = self._size
        if time.monotonic() - measured > 60:
            measured, size = time.monotonic(), self.cache.size()
        if size + len(mp3) > self.settings.budget_bytes:
            self._size = (measured, size)
            log.warning(
                "the audio cache is over its budget (%d bytes): clip %s not kept; "
                "`flask audio prune` removes clips no page shows",
                size,
                key,
            )
            return mp3, timings
        self.cache.store(key, mp3, timings)
        self._size = (measured, size + len(mp3))
        return None

    # Clips for one person: made when asked, kept nowhere

    def render(self, passage, speed):
        """(MP3, timings) of `passage`. A clip that happens to be on disk already (the same
        words are on a page for everybody) is used; nothing is ever written."""
        key = self.passage_key(passage, speed)
        if self.cache.has_clip(key):
            timings = json.loads(self.cache.timings_path(key).read_bytes())
            return self.cache.read_clip(key), timings
        self._check_working()
        return self._synthesise(passage, speed)

    # Synthesis, and remembering when it fails

    def failing(self):
        return self.cache.failed_within(self.settings.retry_after)

    def _check_working(self):
        if self.failing():
            raise ClipUnavailable("synthesis failed a moment ago")

    def _synthesise(self, passage, speed):
        spoken = spoken_form(passage)
        started = time.monotonic()
        try:
            made = self.engine.synthesise(
                spoken.text,
                self.settings.voices[passage.language],
                self.settings.rates[speed],
                self.settings.timeout,
            )
        except SynthesisFailed as error:
            # Never the words: they may be a person's own answers.
            log.error("no clip for %d words: %s", len(passage.words), error)
            self.cache.mark_failing()
            raise ClipUnavailable(str(error)) from error
        self.cache.mark_working()
        log.info(
            "synthesised %d words in %.0f ms",
            len(passage.words),
            (time.monotonic() - started) * 1000,
        )
        return made.mp3, timings(passage, spoken, made)


def timings(passage, spoken, made):
    """When each shown word starts, in ms from the start of the MP3."""
    duration = round(made.samples * 1000 / audio_format.SAMPLE_RATE)
    if made.words is None:
        return {"duration": duration, "words": None}
    starts = [None] * len(passage.words)
    for position, sample in made.words:
        word = spoken.word_for_position(position)
        if 0 <= word < len(starts) and starts[word] is None:
            starts[word] = sample
    shown, previous = [], 0
    for sample in starts:
        previous = sample if sample is not None else previous
        shown.append(
            round(previous * 1000 / audio_format.SAMPLE_RATE) + audio_format.ENCODER_DELAY_MS
        )
    return {"duration": duration + audio_format.ENCODER_DELAY_MS, "words": shown}
