"""The web side of synthesis: long-lived processes (worker.py), one per kind, voice and rate,
each doing one job at a time, with a time limit on every job and a new process after any
failure. Nothing that goes wrong in espeak-ng or pyttsx3 can crash or hang a web worker: the
worst a job can do is fail, and then the page says "Lyden virker ikke lige nu".
"""

import atexit
import json
import logging
import os
import select
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

WORKER = Path(__file__).with_name("worker.py")
# pyttsx3 writes its WAV file before it adds the samples that arrive with espeak-ng's last
# event. Now and then (measured: 2 to 5 jobs in 1,000, more while the machine is busy, and
# some processes more than others) that is all of them, and the file is empty; or it is the
# last part, and the clip is cut short. So every clip is checked against espeak-ng's own
# synthesis of the same text: it must hold all of the sound (the quiet pause at the end may
# go). A clip that does not is made again; a process that fails twice is replaced.
ATTEMPTS = 5

log = logging.getLogger("klapjob.speech")


class SynthesisFailed(Exception):
    """No clip this time. The page goes on; the person sees a plain message."""


class SynthesisTimedOut(SynthesisFailed):
    pass


class SpeechProcess:
    """One synthesis process and the lock that gives it one job at a time."""

    def __init__(self, kind, voice, rate):
        self.kind, self.voice, self.rate = kind, voice, rate
        self._lock = threading.Lock()
        self._process = None
        self._buffer = b""

    @property
    def pid(self):
        return self._process.pid if self._process else None

    def run(self, text, timeout):
        """(answer header, payload) for one job, or SynthesisFailed."""
        deadline = time.monotonic() + timeout
        if not self._lock.acquire(timeout=max(timeout, 0)):
            raise SynthesisTimedOut(f"{self.kind} {self.voice}: busy for {timeout} s")
        try:
            return self._run(text, deadline)
        finally:
            self._lock.release()

    def _run(self, text, deadline):
        try:
            if self._process is None or self._process.poll() is not None:
                self._start(deadline)
            process = self._process
            process.stdin.write(json.dumps({"text": text}).encode() + b"\n")
            header, payload = self._read_answer(process, deadline)
        except (OSError, ValueError, EOFError, TimeoutError) as error:
            self._stop()
            kind = SynthesisTimedOut if isinstance(error, TimeoutError) else SynthesisFailed
            raise kind(f"{self.kind} {self.voice}: {type(error).__name__}: {error}") from error
        if not header.get("ok"):
            raise SynthesisFailed(f"{self.kind} {self.voice}: {header.get('error')}")
        return header, payload

    def _start(self, deadline):
        self._buffer = b""
        self._process = subprocess.Popen(
            [sys.executable, str(WORKER), self.kind, self.voice, str(self.rate)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            cwd=str(WORKER.parent),
        )
        header, _ = self._read_answer(self._process, deadline)
        if not header.get("ready"):
            raise EOFError(f"the engine did not start: {header.get('error')}")
        log.info("started %s process %s for %s at %s", self.kind, self.pid, self.voice, self.rate)

    def _read_answer(self, process, deadline):
        while b"\n" not in self._buffer:
            self._receive(process, deadline)
        line, self._buffer = self._buffer.split(b"\n", 1)
        header = json.loads(line)
        while len(self._buffer) < header["size"]:
            self._receive(process, deadline)
        payload, self._buffer = self._buffer[: header["size"]], self._buffer[header["size"] :]
        return header, payload

    def _receive(self, process, deadline):
        """Read what `process` wrote. The process is passed in, never read from `self`
        again: whatever happens to `self._process`, this job talks to its own process."""
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([process.stdout], [], [], remaining)[0]:
            raise TimeoutError("no answer in time")
        data = os.read(process.stdout.fileno(), 1 << 16)
        if not data:
            raise EOFError(f"the process ended ({process.poll()})")
        self._buffer += data

    def stop(self, wait=None):
        """Replace the process at the next job. It waits for the job running now (at most
        `wait` seconds, by default as long as that job may take): replacing a process
        under a thread that is reading its answer once crashed `flask audio build`."""
        if self._lock.acquire(timeout=-1 if wait is None else wait):
            try:
                self._stop()
            finally:
                self._lock.release()
        else:  # a job that hangs past its own deadline: kill it; its thread sees EOF
            process = self._process
            if process is not None:
                process.kill()

    def _stop(self):
        """Kill the process (a hung one does not deserve a polite request). Only with the
        lock held."""
        process, self._process = self._process, None
        if process is None:
            return
        process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            pipe.close()


# One process per kind, voice and rate in each web process, shared by its apps and threads.
_processes = {}
_processes_lock = threading.Lock()
# Word timings run beside the audio job, not after it.
_beside = ThreadPoolExecutor(max_workers=8, thread_name_prefix="klapjob-words")


def process_for(kind, voice, rate):
    with _processes_lock:
        key = (kind, voice, rate)
        if key not in _processes:
            _processes[key] = SpeechProcess(kind, voice, rate)
        return _processes[key]


@atexit.register
def stop_all():
    with _processes_lock:
        for process in _processes.values():
            process.stop(wait=1)


@dataclass
class Synthesis:
    mp3: bytes
    samples: int
    # (0-based position in the spoken text, start sample) for each word, or None when the
    # timings could not be had (the clip still plays; highlighting is then by sentence).
    words: list | None


def synthesise(text, voice, rate, timeout):
    """MP3 and word timings for `text` within `timeout` seconds; SynthesisFailed when there
    is no good clip."""
    deadline = time.monotonic() + timeout
    words_job = _beside.submit(process_for("words", voice, rate).run, text, timeout)
    audio = process_for("audio", voice, rate)
    for attempt in range(1, ATTEMPTS + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SynthesisTimedOut(f"audio {voice}: no good clip in {timeout} s")
        try:
            header, mp3 = audio.run(text, remaining)
        except SynthesisTimedOut:
            raise  # the person has waited long enough
        except SynthesisFailed as error:  # a bad file, or a process that died (and is gone)
            problem = error
        else:
            words = timed_words(words_job, deadline)
            if not words or header["samples"] >= words["sound_ends"]:
                return Synthesis(mp3, header["samples"], words["words"] if words else None)
            problem = SynthesisFailed(
                f"audio {voice}: cut short, {header['samples']} samples of sound that ends at "
                f"{words['sound_ends']}"
            )
        log.warning("synthesis attempt %d of %d failed: %s", attempt, ATTEMPTS, problem)
        if attempt % 2 == 0:
            audio.stop()
    raise problem


def timed_words(job, deadline):
    try:
        header, _ = job.result(timeout=max(deadline - time.monotonic(), 0.01))
        return header
    except Exception as error:
        log.warning("no word timings: %s", error)
        return None
