"""Recordings for the tests, made here: an Ogg Opus file (written with mutagen's own Ogg
pages), a WAV file (the standard library's wave) and a WebM file as a browser's
MediaRecorder writes it (a live stream: unknown sizes, no Duration). Their sound is
silence or noise: the server reads only headers, so that is all these need to be right."""

import io
import struct
import wave

from mutagen.ogg import OggPage

OPUS_RATE = 48000


def ogg_opus(seconds: float, marker: bytes = b"") -> bytes:
    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HIhB", 312, OPUS_RATE, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 5) + b"tests" + struct.pack("<I", 0)
    pages = []
    for sequence, (packets, position) in enumerate(
        [
            ([head], 0),
            ([tags], 0),
            ([b"\xfc" + marker + bytes(40)] * 50, 312 + int(seconds * OPUS_RATE)),
        ]
    ):
        page = OggPage()
        page.serial, page.sequence, page.packets, page.position = 1, sequence, packets, position
        page.first = sequence == 0
        page.last = sequence == 2
        pages.append(page.write())
    return b"".join(pages)


def wav(seconds: float, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(rate)
        file.writeframes(bytes(2 * int(seconds * rate)))
    return out.getvalue()


def _element(element_id: int, payload: bytes) -> bytes:
    size = len(payload)
    return (
        element_id.to_bytes((element_id.bit_length() + 7) // 8, "big")
        + ((1 << 56) | size).to_bytes(8, "big")
        + payload
    )


UNKNOWN_SIZE = b"\x01\xff\xff\xff\xff\xff\xff\xff"


def webm_opus(seconds: float, bits_per_second: int = 13_600) -> bytes:
    """As Chrome records: the Segment and Clusters of unknown size, blocks every 20 ms
    (Chrome's MediaRecorder records Opus at 128 kbps unless told otherwise)."""
    block = bytes(max(bits_per_second // 8 // 50 - 4, 1))
    header = _element(0x1A45DFA3, _element(0x4282, b"webm"))
    info = _element(0x1549A966, _element(0x2AD7B1, (1_000_000).to_bytes(3, "big")))
    track = _element(
        0xAE, _element(0xD7, b"\x01") + _element(0x83, b"\x02") + _element(0x86, b"A_OPUS")
    )
    tracks = _element(0x1654AE6B, track)
    clusters = b""
    milliseconds = int(seconds * 1000)
    for start in range(0, milliseconds, 5000):
        blocks = b"".join(
            _element(0xA3, b"\x81" + struct.pack(">h", offset) + b"\x80" + block)
            for offset in range(0, min(5000, milliseconds - start), 20)
        )
        clusters += b"\x1f\x43\xb6\x75" + UNKNOWN_SIZE + _element(0xE7, start.to_bytes(4, "big"))
        clusters += blocks
    return header + b"\x18\x53\x80\x67" + UNKNOWN_SIZE + info + tracks + clusters
