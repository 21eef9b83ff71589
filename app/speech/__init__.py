"""Read-aloud: every citizen page, question, choice, hint, error and answer can be heard,
made on our own server by pyttsx3 on espeak-ng.

    text.py           passages: shown words, spoken form (pronunciation.toml), word map
    blocks.py         the blocks of a rendered page, read from the heading down
    page.py           what can be listened to on the page being rendered
    clips.py          keys; making clips (kept for everybody, or made for one person)
    own.py            a person's own texts: signed page tokens, rendering again for them
    personal.py       their sound: briefly in memory, within a budget per client
    cache.py          clips and texts on disk under instance/audio
    engine/           text in, MP3 and word times out; no Flask:
      engines.py        the seam: Engine, ProcessEngine (real), FakeEngine (tests)
      synthesis.py      long-lived synthesis processes, time limits, replacing failed ones
      worker.py         a synthesis process (pyttsx3, or espeak_ng.py for word timings)
      audio_format.py   WAV checks, MP3 encoding and checks
    views.py          /listen/... addresses;  cli.py: `flask audio build`
"""

from app.speech.clips import Clips, Settings
from app.speech.engine.engines import engine_named

DEFAULTS = {
    # espeak-ng voices for the languages of the site.
    "SPEECH_VOICES": {"da": "da", "en": "en"},
    # Words a minute. espeak-ng's own default is 175; our readers are helped by a calm pace,
    # and "slow" is 0.7 of it.
    "SPEECH_RATES": {"normal": 160, "slow": 112},
    # One synthesis job may take this long before its process is killed.
    "SPEECH_TIMEOUT": 10.0,
    # After a failure, pages say "the sound is not working" this long before trying again.
    "SPEECH_RETRY_AFTER": 30.0,
}


def init_app(app):
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    settings = Settings(
        voices=dict(app.config["SPEECH_VOICES"]),
        rates=dict(app.config["SPEECH_RATES"]),
        timeout=float(app.config["SPEECH_TIMEOUT"]),
        retry_after=float(app.config["SPEECH_RETRY_AFTER"]),
        budget_bytes=float(app.config.get("AUDIO_CACHE_MB", float("inf"))) * 1e6,
    )
    engine = engine_named(app.config["SPEECH_ENGINE"])
    app.extensions["klapjob_speech"] = Clips(app.config["AUDIO_DIR"], settings, engine)

    from app.speech.cli import audio
    from app.speech.page import listening
    from app.speech.views import CONVERTERS, blueprint

    app.url_map.converters.update(CONVERTERS)
    app.register_blueprint(blueprint)
    app.jinja_env.globals["listening"] = listening
    app.cli.add_command(audio)
