"""Synthesis with the real pyttsx3 and espeak-ng, in processes of their own: a clip that
plays, word times that fit it, and an engine that fails, hangs or crashes never takes a web
worker with it."""

import os
import signal
import time
from array import array
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.speech.engine.audio_format import SAMPLE_RATE, BadAudio, check_mp3, mp3_frames, read_wav
from app.speech.engine.espeak_ng import last_loud
from app.speech.engine.synthesis import SynthesisFailed, SynthesisTimedOut, process_for, synthesise

# About synthesis: the app fixture speaks with espeak-ng here (tests/conftest.py).
pytestmark = pytest.mark.real_speech

TWENTY_WORDS = (
    "Hvad kan du lide at lave på arbejdet, og hvor mange timer om ugen vil du gerne "
    "arbejde i din kommune?"
)


def test_a_danish_sentence_becomes_a_small_mp3_that_plays():
    made = synthesise(TWENTY_WORDS, "da", 160, timeout=10)
    seconds = made.samples / SAMPLE_RATE
    frames, mp3_seconds = mp3_frames(made.mp3)
    assert 4 < seconds < 9, "about 6 s of speech"
    assert abs(mp3_seconds - seconds) < 0.2
    assert 3_500 < len(made.mp3) / seconds < 4_500, "about 4 KB a second: 32 kbit/s"
    assert made.mp3[:2] == b"\xff\xf3", "MPEG-2 layer III frames, 22,050 Hz"


def test_word_times_come_from_the_same_sound():
    made = synthesise(TWENTY_WORDS, "da", 160, timeout=10)
    starts = [sample for _position, sample in made.words]
    assert len(starts) >= 20
    assert starts == sorted(starts) and starts[0] == 0
    assert starts[-1] < made.samples, "the last word starts before the clip ends"
    positions = [position for position, _sample in made.words]
    said = [TWENTY_WORDS[p:].split()[0] for p in positions]
    assert said[:3] == ["Hvad", "kan", "du"] and said[-1] == "kommune?"


def test_every_clip_holds_all_of_its_sound():
    """A clip is checked against espeak-ng's own synthesis of the same text: all the sound
    must be there (pyttsx3 may drop some of the quiet pause at the end, no more)."""
    expected, _ = process_for("words", "da", 160).run("Hvad hedder du?", timeout=10)
    pause = (expected["samples"] - expected["sound_ends"]) / SAMPLE_RATE
    assert 0.25 < pause < 0.5, "espeak-ng ends with a pause of about a third of a second"
    for _ in range(10):
        assert (
            synthesise("Hvad hedder du?", "da", 160, timeout=10).samples >= expected["sound_ends"]
        )
    assert last_loud(array("h", [0, 0, 300, -10, 5, 0] + [0] * 600)) == 2
    assert last_loud(array("h", [0, -4000] + [100] * 700)) == 1
    assert last_loud(array("h", [3] * 1000)) is None


def test_slow_speech_is_about_a_third_slower():
    # Two sentences, so that the pause at the end (which a clip may lose some of) weighs
    # little: 160 and 112 words a minute measure 1.49 here.
    sentence = "Vælg det, du kan lide, eller er god til. Du må vælge flere."
    normal = synthesise(sentence, "da", 160, timeout=10).samples
    slow = synthesise(sentence, "da", 112, timeout=10).samples
    assert 1.3 < slow / normal < 1.7


def test_a_voice_that_does_not_exist_fails_plainly():
    # How quickly: bench/speech_failures.py.
    with pytest.raises(SynthesisFailed, match="no voice"):
        synthesise("Hej", "no-such-voice", 160, timeout=5)


def running_engine(rate):
    """The Danish audio process at `rate`, running, and its process id."""
    audio = process_for("audio", "da", rate)
    audio.run("Hej", timeout=10)
    return audio, audio.pid


def test_a_hanging_engine_is_stopped_after_its_time_and_replaced():
    audio, hung = running_engine(161)
    os.kill(hung, signal.SIGSTOP)  # a real hang: the process is alive and answers nothing
    # One time limit, not one per try: the first try that runs out gives up (its time:
    # bench/speech_failures.py).
    with pytest.raises(SynthesisTimedOut):
        synthesise("Hvad hedder du?", "da", 161, timeout=1)
    assert not os.path.exists(f"/proc/{hung}"), "the hung process was killed"
    made = synthesise("Hvad hedder du?", "da", 161, timeout=10)
    assert made.samples > 0 and audio.pid != hung


def test_an_engine_that_crashes_is_replaced_without_the_person_noticing():
    audio, crashed = running_engine(162)
    os.kill(crashed, signal.SIGSEGV)
    made = synthesise("Hvad hedder du?", "da", 162, timeout=10)
    assert made.samples > 0 and audio.pid != crashed


def test_many_requests_at_once_share_one_engine_one_job_at_a_time():
    texts = [f"Du har nummer {number}." for number in range(12)]
    with ThreadPoolExecutor(max_workers=12) as pool:
        clips = list(pool.map(lambda text: synthesise(text, "da", 160, timeout=20), texts))
    for clip in clips:
        check_mp3(clip.mp3, clip.samples / SAMPLE_RATE)
    assert len({clip.mp3 for clip in clips}) == 12


def test_new_engines_never_hand_out_an_empty_or_cut_clip():
    """pyttsx3 loses the samples that come with espeak-ng's last event, most often in the
    first jobs of a new engine (about 1 in 100): such clips are found and made again."""

    def first_clips_of_new_engines(rates):
        found = []
        for rate in rates:
            for text in ("Hej", "Hvad hedder du?"):
                process_for("audio", "da", rate).stop()
                clip = synthesise(text, "da", rate, timeout=10)
                expected, _ = process_for("words", "da", rate).run(text, timeout=10)
                found.append((clip, expected["sound_ends"]))
        return found

    with ThreadPoolExecutor(max_workers=3) as pool:
        batches = pool.map(
            first_clips_of_new_engines, [range(120, 140), range(140, 160), range(160, 180)]
        )
    clips = [pair for batch in batches for pair in batch]
    assert len(clips) == 120
    for clip, sound_ends in clips:
        assert clip.samples >= sound_ends, "all of the sound is there"
        check_mp3(clip.mp3, clip.samples / SAMPLE_RATE)


def test_an_empty_or_cut_file_is_never_passed_on():
    with pytest.raises(BadAudio, match="empty"):
        read_wav(b"RIFF" + bytes(40))  # the 44-byte file pyttsx3 writes when it fails
    made = synthesise("Hej med dig", "da", 160, timeout=10)
    with pytest.raises(BadAudio):
        check_mp3(made.mp3[: len(made.mp3) // 2], made.samples / SAMPLE_RATE)
    with pytest.raises(BadAudio):
        mp3_frames(b"<html>not found</html>")


def test_an_engine_stopped_by_another_thread_mid_job_fails_plainly():
    """synthesise() stops an engine between tries while other threads may be using it (the
    build makes 4 clips at once): the job in progress must fail as a synthesis failure the
    site knows how to tell the person about, never as an AttributeError."""
    audio, hung = running_engine(163)
    os.kill(hung, signal.SIGSTOP)
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(audio.run, "Hvad hedder du?", 3)
        while audio._lock.acquire(blocking=False):  # until the job has the engine
            audio._lock.release()
        audio.stop()
        with pytest.raises((SynthesisFailed, SynthesisTimedOut)):
            job.result()
    assert audio.run("Hej", timeout=10)[0]["ok"], "the next job gets a new engine"


def wait_until(condition, seconds=30):
    """Poll a condition; the deadline is only a safety net."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.01)


def test_replacing_a_process_waits_for_the_job_it_is_doing(tmp_path, monkeypatch):
    """`flask audio build` once crashed with "'NoneType' object has no attribute 'poll'":
    a thread replaced the synthesis process (after two failed attempts) while another
    thread was waiting for that process's answer. Replacing must wait its turn."""
    from pathlib import Path
    from threading import Thread

    from app.speech.engine import synthesis

    monkeypatch.setattr(
        synthesis, "WORKER", Path(__file__).parent / "fakes" / "slow_speech_worker.py"
    )
    process = synthesis.SpeechProcess("audio", str(tmp_path), 100)
    outcome = {}

    def job():
        try:
            outcome["answer"] = process.run("Hej", timeout=60)
        except Exception as error:
            outcome["error"] = error

    worker = Thread(target=job)
    worker.start()
    wait_until((tmp_path / "got-job").exists)
    replacer = Thread(target=process.stop)
    replacer.start()
    (tmp_path / "answer").touch()
    worker.join(60)
    replacer.join(60)
    assert "error" not in outcome, repr(outcome.get("error"))
    assert outcome["answer"][0]["ok"]
    assert process.pid is None, "replaced after the job: the next job starts a new process"
