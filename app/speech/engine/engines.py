"""The seam: an Engine turns text into an MP3 and word times. `ProcessEngine` is the real
one (espeak-ng through pyttsx3, in processes of its own: synthesis.py); `FakeEngine`
answers at once with silence as long as the words, for tests that are not about synthesis.
The setting SPEECH_ENGINE ("espeak" or "fake") chooses (app/speech/__init__.py)."""

import re
from functools import lru_cache
from importlib import metadata
from typing import Protocol

from app.speech.engine import audio_format, espeak_ng
from app.speech.engine.synthesis import Synthesis, synthesise

# Changes when what an engine makes from the same text changes: a clip's key holds it.
PIPELINE_VERSION = 1


class Engine(Protocol):
    name: str

    def synthesise(self, text: str, voice: str, rate: int, timeout: float) -> Synthesis:
        """MP3 and word times for `text`; SynthesisFailed when there is no good clip."""

    def version(self) -> str:
        """What makes the sound, as part of every clip's key."""


class ProcessEngine:
    name = "espeak"

    def synthesise(self, text, voice, rate, timeout):
        return synthesise(text, voice, rate, timeout)

    def version(self):
        return (
            f"espeak-ng {espeak_ng.version()}; pyttsx3 {metadata.version('pyttsx3')}; "
            f"lameenc {metadata.version('lameenc')}; mp3 {audio_format.BIT_RATE}k "
            f"q{audio_format.ENCODER_QUALITY}; pipeline {PIPELINE_VERSION}"
        )


class FakeEngine:
    """Silent MP3 frames, as long as the words take at `rate` words a minute, and a word
    time for each word: the pages, the cache and the player work as with real speech."""

    name = "fake"

    def synthesise(self, text, voice, rate, timeout):
        starts = [match.start() for match in re.finditer(r"\S+", text)]
        per_word = round(audio_format.SAMPLE_RATE * 60 / rate)
        samples = max(len(starts), 1) * per_word
        words = [(position, index * per_word) for index, position in enumerate(starts)]
        return Synthesis(silence(samples), samples, words)

    def version(self):
        return f"fake engine; mp3 {audio_format.BIT_RATE}k; pipeline {PIPELINE_VERSION}"


@lru_cache(maxsize=256)
def silence(samples):
    return audio_format.encode_mp3(bytes(2 * samples))


ENGINES = {"espeak": ProcessEngine, "fake": FakeEngine}


def engine_named(name) -> Engine:
    try:
        return ENGINES[name]()
    except KeyError:
        raise ValueError(f"SPEECH_ENGINE must be one of {sorted(ENGINES)}, not {name!r}") from None
