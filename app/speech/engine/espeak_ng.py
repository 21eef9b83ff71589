"""A small ctypes binding to libespeak-ng: its version, and when each word starts.

pyttsx3 makes the audio, but it throws away the time of its word events. This binding
synthesises the same text with the same voice and rate, keeps the samples only to count
them, and records each word's start in milliseconds.

espeak-ng has one synthesis callback per process, and pyttsx3 installs its own: this
binding must never share a process with a pyttsx3 engine. It runs in a synthesis process of
its own (worker.py); the web process only asks it for the version string.
"""

import ctypes
from array import array
from ctypes import (
    CFUNCTYPE,
    POINTER,
    Structure,
    c_char_p,
    c_int,
    c_short,
    c_size_t,
    c_uint,
    c_void_p,
)
from functools import cache

LIBRARY = "libespeak-ng.so.1"
AUDIO_OUTPUT_SYNCHRONOUS = 2
EVENT_LIST_TERMINATED = 0
EVENT_WORD = 1
CHARS_UTF8 = 1
ENDPAUSE = 0x1000  # the flags pyttsx3 synthesises with: the same text gives the same sound
PARAMETER_RATE = 1
PARAMETER_VOLUME = 2
# A sample louder than this is sound, not the quiet after it (16-bit: about -42 dBFS).
LOUD = 256


class Event(Structure):
    _fields_ = [
        ("type", c_int),
        ("unique_identifier", c_uint),
        ("text_position", c_int),  # 1-based, in characters
        ("length", c_int),
        ("audio_position", c_int),  # ms
        ("sample", c_int),
        ("user_data", c_void_p),
        ("id", c_void_p),
    ]


Callback = CFUNCTYPE(c_int, POINTER(c_short), c_int, POINTER(Event))


@cache
def library():
    lib = ctypes.CDLL(LIBRARY)
    lib.espeak_Info.restype = c_char_p
    lib.espeak_Info.argtypes = [c_void_p]
    lib.espeak_Initialize.restype = c_int
    lib.espeak_Initialize.argtypes = [c_int, c_int, c_char_p, c_int]
    lib.espeak_SetVoiceByName.argtypes = [c_char_p]
    lib.espeak_SetParameter.argtypes = [c_int, c_int, c_int]
    lib.espeak_SetSynthCallback.argtypes = [Callback]
    lib.espeak_Synth.argtypes = [
        c_char_p,
        c_size_t,
        c_uint,
        c_int,
        c_uint,
        c_uint,
        POINTER(c_uint),
        c_void_p,
    ]
    return lib


def version():
    """espeak-ng's version, e.g. "1.51"; safe to call in any process."""
    try:
        return library().espeak_Info(None).decode()
    except OSError:
        return "missing"


class WordTimer:
    """Word start times for one voice at one rate. One per process."""

    def __init__(self, voice, rate):
        lib = library()
        if lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0) < 0:
            raise RuntimeError("espeak-ng could not start")
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise RuntimeError(f"espeak-ng has no voice {voice!r}")
        lib.espeak_SetParameter(PARAMETER_RATE, int(rate), 0)
        lib.espeak_SetParameter(PARAMETER_VOLUME, 100, 0)
        self._events = []
        self._samples = 0
        self._sound_ends = 0
        # Keep the callback object alive: ctypes does not, and espeak-ng calls it later.
        self._callback = Callback(self._on_synth)
        lib.espeak_SetSynthCallback(self._callback)

    def _on_synth(self, wav, sample_count, events):
        """Called by espeak-ng, from C: an exception here would be printed and forgotten, so
        it is kept, synthesis is stopped (1), and time_words raises it."""
        try:
            self._take(wav, sample_count, events)
            return 0
        except Exception as error:
            self._error = error
            return 1

    def _take(self, wav, sample_count, events):
        index = 0
        while events[index].type != EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == EVENT_WORD and event.length > 0:
                self._events.append((event.text_position - 1, event.sample))
            index += 1
        if sample_count > 0:
            samples = array("h", ctypes.string_at(wav, sample_count * 2))
            last = last_loud(samples)
            if last is not None:
                self._sound_ends = self._samples + last + 1
            self._samples += sample_count

    def time_words(self, text):
        """([(0-based character position, start sample)...], total samples, the sample after
        the last loud one) for `text`."""
        self._events, self._samples, self._sound_ends, self._error = [], 0, 0, None
        data = text.encode()
        lib = library()
        result = lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, CHARS_UTF8 | ENDPAUSE, None, None)
        if result != 0:
            raise RuntimeError(f"espeak_Synth failed ({result})")
        lib.espeak_Synchronize()
        if self._error is not None:
            raise self._error
        return list(self._events), self._samples, self._sound_ends


def last_loud(samples, block=256):
    """The index of the last sample louder than LOUD, looking from the end a block at a
    time (the sound ends near the end, so this is quick)."""
    for end in range(len(samples), 0, -block):
        start = max(end - block, 0)
        chunk = samples[start:end]
        if max(chunk) > LOUD or min(chunk) < -LOUD:
            for index in range(end - 1, start - 1, -1):
                if abs(samples[index]) > LOUD:
                    return index
    return None
