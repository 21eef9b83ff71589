"""A synthesis process: one kind of work, one voice, one rate, for as long as its web
process lives.

pyttsx3 is fragile inside a threaded web server: an engine made per request has crashed
the process, and changing the voice or rate of a shared engine has written empty files. So
each engine lives alone in a process like this one, its voice and rate set once; the web
process (synthesis.py) sends it one job at a time, waits with a time limit, and kills and
replaces it when it hangs or dies. A crash here never takes a web worker with it.

Kinds of work:
  audio  pyttsx3 on espeak-ng writes a WAV file, which is checked and encoded to MP3
  words  espeak_ng.WordTimer: when each word starts (it cannot share a process with pyttsx3)

Started as a script, `python worker.py KIND VOICE RATE`, not as `-m app.speech.worker`:
importing the `app` package would load Flask and the whole site into every synthesis
process. So this file and the modules it imports use only the standard library, pyttsx3
and lameenc.

Protocol: one JSON line per job on stdin ({"text": ...}); one JSON line per answer on the
original stdout, followed by `size` bytes of MP3 for audio jobs. pyttsx3 prints to stdout, so
the answers go to a private copy of that descriptor, and descriptor 1 goes to /dev/null.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

from audio_format import SAMPLE_RATE, BadAudio, check_mp3, encode_mp3, read_wav


class FastPoll:
    """pyttsx3's espeak driver polls for the end of speech with time.sleep(0.01), so every
    clip waited up to 10 ms for nothing (measured: 10.3 ms a sentence, 6.8 ms with this). In
    this process only, its polling sleeps at most a millisecond."""

    def __init__(self, real_time):
        self._time = real_time

    def sleep(self, seconds):
        self._time.sleep(min(seconds, 0.001))

    def __getattr__(self, name):
        return getattr(self._time, name)


class AudioEngine:
    """pyttsx3 on espeak-ng: text in, checked MP3 out."""

    def __init__(self, voice, rate):
        import pyttsx3
        import pyttsx3.drivers.espeak as espeak_driver

        if not isinstance(espeak_driver.time, FastPoll):
            espeak_driver.time = FastPoll(espeak_driver.time)
        # pyttsx3 keeps only a weak reference to its engine: this one is ours.
        self.engine = pyttsx3.init("espeak")
        self.engine.setProperty("voice", voice)
        self.engine.setProperty("rate", rate)
        # Personal answers pass through here: keep the WAV in memory-backed storage when
        # there is one, in a folder only this process can read, and delete it at once.
        parent = "/dev/shm" if os.path.isdir("/dev/shm") else None
        self.directory = Path(tempfile.mkdtemp(prefix="klapjob-speech-", dir=parent))
        self.wav = self.directory / "clip.wav"
        # pyttsx3 applies properties only when it next speaks, and reports a voice it cannot
        # find to nobody: speak once, then check that the voice is the one asked for. (The
        # first words of a new engine are the likeliest to come out empty: see synthesis.py.)
        for attempt in range(3):
            try:
                self.run("a")
                break
            except BadAudio:
                if attempt == 2:
                    raise
        chosen = self.engine.getProperty("voice") or ""
        if voice not in (chosen, chosen.rsplit("/", 1)[-1]):
            raise RuntimeError(f"pyttsx3 has no voice {voice!r} (it chose {chosen!r})")

    def run(self, text):
        self.wav.unlink(missing_ok=True)
        try:
            self.engine.save_to_file(text, str(self.wav))
            self.engine.runAndWait()
            data = self.wav.read_bytes() if self.wav.exists() else b""
        finally:
            self.wav.unlink(missing_ok=True)
        pcm = read_wav(data)
        samples = len(pcm) // 2
        mp3 = encode_mp3(pcm)
        check_mp3(mp3, samples / SAMPLE_RATE)
        return {"samples": samples}, mp3

    def close(self):
        self.wav.unlink(missing_ok=True)
        self.directory.rmdir()


class WordsEngine:
    def __init__(self, voice, rate):
        from espeak_ng import WordTimer

        self.timer = WordTimer(voice, rate)

    def run(self, text):
        words, samples, sound_ends = self.timer.time_words(text)
        return {"words": words, "samples": samples, "sound_ends": sound_ends}, b""

    def close(self):
        pass


ENGINES = {"audio": AudioEngine, "words": WordsEngine}


def main(kind, voice, rate):
    answers = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)

    def answer(header, payload=b""):
        answers.write(json.dumps({**header, "size": len(payload)}).encode() + b"\n" + payload)

    try:
        engine = ENGINES[kind](voice, int(rate))
    except Exception as error:
        answer({"ready": False, "error": f"{type(error).__name__}: {error}"})
        return 1
    answer({"ready": True})
    try:
        for line in sys.stdin.buffer:  # ends when the web process closes the pipe or dies
            try:
                header, payload = engine.run(json.loads(line)["text"])
                answer({"ok": True, **header}, payload)
            except Exception as error:
                answer({"ok": False, "error": f"{type(error).__name__}: {error}"})
    finally:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
