"""The clip format, and the checks every clip passes before anyone hears it.

MP3, 32 kbit/s constant bit rate, mono, 22,050 Hz (espeak-ng's own rate, so nothing is
resampled): about 4 KB a second of speech, fit for a tablet on mobile data, and it plays in
every browser, iOS Safari included. Constant bit rate also means clips can be joined frame by
frame into one clip for a whole page, and that a browser knows the length without reading
the whole file.

This module runs inside the synthesis processes too (see worker.py), so it uses only the
standard library and lameenc.
"""

import io
import wave

SAMPLE_RATE = 22050
BIT_RATE = 32
# LAME's quality 7 ("fast, ok quality") encodes 10 s of speech in about 9 ms, twice as fast
# as its default, with no difference one can hear in synthetic speech at 32 kbit/s.
ENCODER_QUALITY = 7
# LAME puts 1,105 samples of silence before the first sound; highlighting adds this delay.
ENCODER_DELAY_MS = round(1105 * 1000 / SAMPLE_RATE)
MIME_TYPE = "audio/mpeg"


class BadAudio(Exception):
    """A clip that must not be served: empty, cut short, or not the format we make."""


def read_wav(data):
    """The 16-bit mono samples of a WAV file, after checking it is what espeak-ng makes."""
    if len(data) <= 44:
        raise BadAudio(f"an empty WAV file ({len(data)} bytes)")
    try:
        with wave.open(io.BytesIO(data)) as wav:
            shape = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as error:
        raise BadAudio(f"not a WAV file: {error}") from error
    if shape != (1, 2, SAMPLE_RATE):
        raise BadAudio(f"unexpected WAV format {shape}")
    if not frames:
        raise BadAudio("a WAV file without samples")
    return frames


def encode_mp3(pcm):
    import lameenc  # only the synthesis processes encode

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(ENCODER_QUALITY)
    return bytes(encoder.encode(pcm) + encoder.flush())


# MPEG audio frame headers, layer III only: bit rates in kbit/s by version, sample rates.
BIT_RATES = {
    "1": (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    "2": (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
SAMPLE_RATES = {"1": (44100, 48000, 32000), "2": (22050, 24000, 16000), "2.5": (11025, 12000, 8000)}
VERSIONS = {0b11: "1", 0b10: "2", 0b00: "2.5"}


def mp3_frames(data):
    """(number of frames, seconds of sound) of an MP3, reading every frame header. Raises
    BadAudio when the data is not a clean run of layer III frames."""
    position, frames, seconds = skip_id3(data), 0, 0.0
    while position + 4 <= len(data):
        header = int.from_bytes(data[position : position + 4], "big")
        version = VERSIONS.get((header >> 19) & 0b11)
        layer = (header >> 17) & 0b11
        bit_rate_index = (header >> 12) & 0b1111
        rate_index = (header >> 10) & 0b11
        if (header >> 21) != 0x7FF or version is None or layer != 0b01:
            raise BadAudio(f"no MP3 frame at byte {position}")
        if bit_rate_index in (0, 15) or rate_index == 3:
            raise BadAudio(f"a broken MP3 frame header at byte {position}")
        bit_rate = BIT_RATES["1" if version == "1" else "2"][bit_rate_index] * 1000
        sample_rate = SAMPLE_RATES[version][rate_index]
        padding = (header >> 9) & 1
        samples = 1152 if version == "1" else 576
        length = samples // 8 * bit_rate // sample_rate + padding
        position += length
        frames += 1
        seconds += samples / sample_rate
    if frames == 0:
        raise BadAudio("an MP3 without frames")
    if position != len(data):
        raise BadAudio("an MP3 that ends in the middle of a frame")
    return frames, seconds


def skip_id3(data):
    if data[:3] != b"ID3" or len(data) < 10:
        return 0
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | (byte & 0x7F)
    return 10 + size


def check_mp3(data, expected_seconds):
    """The MP3 must hold about as much sound as the samples it was made from."""
    _frames, seconds = mp3_frames(data)
    if abs(seconds - expected_seconds) > 0.2 + 0.02 * expected_seconds:
        raise BadAudio(f"{seconds:.2f} s of MP3 from {expected_seconds:.2f} s of samples")
    return seconds
