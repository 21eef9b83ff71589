"""What a recording a person sent really is: its kind and its length, read from the
container's own header by mutagen (WebM by app.core.webm), never taken from the browser's
word. Nothing here decodes sound: only headers and timestamps are read, from bytes that
are already bounded by the size limit.

Kinds: Opus or Vorbis in Ogg or WebM (what browsers record), MP4/AAC with .m4a and .3gp
(what browsers and phone recorders give), MP3 and WAV. AMR alone is not read: mutagen
does not know it (a phone's .3gp with AMR inside is MP4, and is).
"""

import io
from dataclasses import dataclass

import mutagen
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from app.core.webm import NotWebm, read_webm

KINDS = (OggOpus, OggVorbis, MP4, MP3, WAVE)


class NotAudio(Exception):
    """Not a recording of a kind we keep, or one whose length cannot be read."""


@dataclass(frozen=True)
class Heard:
    mime_type: str
    seconds: float


def inspect(data: bytes) -> Heard:
    """The type to serve `data` as, and its length in seconds; NotAudio otherwise."""
    if data[:4] == b"\x1a\x45\xdf\xa3":
        try:
            return Heard("audio/webm", read_webm(data).seconds)
        except NotWebm as error:
            raise NotAudio(str(error)) from error
    try:
        found = mutagen.File(io.BytesIO(data), options=KINDS)
    except mutagen.MutagenError as error:
        raise NotAudio(type(error).__name__) from error
    except (ValueError, EOFError, IndexError, OverflowError) as error:
        raise NotAudio(type(error).__name__) from error
    if found is None or found.info is None:
        raise NotAudio("no kind we keep")
    seconds = float(getattr(found.info, "length", 0) or 0)
    if seconds <= 0:
        raise NotAudio("no length")
    return Heard(_mime_type(found, data), seconds)


def _mime_type(found: object, data: bytes) -> str:
    if isinstance(found, (OggOpus, OggVorbis)):
        return "audio/ogg"
    if isinstance(found, MP4):
        return "audio/3gpp" if data[8:11] == b"3gp" else "audio/mp4"
    if isinstance(found, MP3):
        return "audio/mpeg"
    return "audio/wav"
