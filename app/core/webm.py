"""The kind and length of a WebM recording, read from its EBML structure (mutagen reads no
Matroska). Only element headers and each block's timestamp are read: no sound is decoded.

A browser's MediaRecorder writes WebM as a live stream: the Segment and each Cluster have
an unknown size and the Info has no Duration, so the length is the last block's time.
"""

import struct
from dataclasses import dataclass

EBML = 0x1A45DFA3
DOC_TYPE = 0x4282
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMECODE_SCALE = 0x2AD7B1
DURATION = 0x4489
TRACKS = 0x1654AE6B
TRACK_ENTRY = 0xAE
TRACK_TYPE = 0x83
CODEC_ID = 0x86
CLUSTER = 0x1F43B675
TIMECODE = 0xE7
BLOCK_GROUP = 0xA0
BLOCK = 0xA1
SIMPLE_BLOCK = 0xA3
# Elements whose children we read; every other element is skipped by its size.
MASTERS = {SEGMENT, INFO, TRACKS, TRACK_ENTRY, CLUSTER, BLOCK_GROUP}
AUDIO_TRACK = 2


class NotWebm(Exception):
    """Not a WebM file with a sound track, or broken where it matters."""


@dataclass(frozen=True)
class WebmAudio:
    codec: str  # "A_OPUS" or "A_VORBIS"
    seconds: float


def _vint(data: bytes, at: int, *, keep_marker: bool) -> tuple[int, int, bool]:
    """An EBML variable-length number at `at`: (value, its length, all ones = unknown)."""
    if at >= len(data):
        raise NotWebm("ends inside an element")
    first = data[at]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or at + length > len(data):
        raise NotWebm("bad number")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[at + 1 : at + length]:
        value = (value << 8) | byte
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, length, unknown


def _uint(raw: bytes) -> int:
    return int.from_bytes(raw, "big") if raw else 0


def read_webm(data: bytes) -> WebmAudio:
    """The codec and length of the first sound track of a WebM file, or NotWebm."""
    if data[:4] != EBML.to_bytes(4, "big"):
        raise NotWebm("no EBML header")
    doc_type, codec, track_type = "", "", 0
    scale, duration, last_time, cluster_time = 1_000_000, 0.0, 0, 0
    at = 0
    while at < len(data):
        element, id_length, _ = _vint(data, at, keep_marker=True)
        size, size_length, unknown = _vint(data, at + id_length, keep_marker=False)
        start = at + id_length + size_length
        if element in MASTERS:
            at = start  # read its children in turn: an unknown size needs no end
            continue
        if unknown:
            raise NotWebm("an unknown size outside a container")
        end = start + size
        if end > len(data):
            if element in (SIMPLE_BLOCK, BLOCK):  # a recording cut short at its last block
                end = len(data)
            else:
                raise NotWebm("ends inside an element")
        raw = data[start:end]
        if element == EBML:
            doc_type = _doc_type(raw)
        elif element == TIMECODE_SCALE:
            scale = _uint(raw) or scale
        elif element == DURATION and size in (4, 8):
            duration = struct.unpack(">f" if size == 4 else ">d", raw)[0]
        elif element == TRACK_TYPE:
            track_type = _uint(raw)
        elif element == CODEC_ID and not codec:
            codec = raw.decode("ascii", "replace")
        elif element == TIMECODE:
            cluster_time = _uint(raw)
        elif element in (SIMPLE_BLOCK, BLOCK):
            _track, track_length, _ = _vint(raw, 0, keep_marker=False)
            if len(raw) >= track_length + 2:
                offset = struct.unpack(">h", raw[track_length : track_length + 2])[0]
                last_time = max(last_time, cluster_time + offset)
        at = end
    if doc_type != "webm" or codec not in ("A_OPUS", "A_VORBIS") or track_type != AUDIO_TRACK:
        raise NotWebm("not a WebM sound recording")
    seconds = max(duration, last_time) * scale / 1e9
    return WebmAudio(codec, seconds)


def _doc_type(header: bytes) -> str:
    at = 0
    while at < len(header):
        element, id_length, _ = _vint(header, at, keep_marker=True)
        size, size_length, _ = _vint(header, at + id_length, keep_marker=False)
        start = at + id_length + size_length
        if element == DOC_TYPE:
            return header[start : start + size].decode("ascii", "replace")
        at = start + size
    return ""
