"""The tools beside the site that serve it on this machine (the Lighthouse run and the audio
benchmarks, documented in docs/) start it as a newcomer would, from an environment without
KLAPJOB_PUBLIC_URL: since the site refuses to serve people without its public address,
Lighthouse printed "the site did not start" and measured nothing."""

import importlib.util
import os
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WITHOUT_AN_ADDRESS = ("KLAPJOB_PUBLIC_URL", "KLAPJOB_DEVELOPMENT")


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def newcomers_environment(monkeypatch):
    """No address set; and what the benchmark writes into this process's environment (it
    reads its settings back from there) is undone after the test."""
    kept = dict(os.environ)
    for name in WITHOUT_AN_ADDRESS:
        monkeypatch.delenv(name, raising=False)
    yield
    os.environ.clear()
    os.environ.update(kept)


def test_the_lighthouse_run_starts_the_site(newcomers_environment, monkeypatch, tmp_path):
    monkeypatch.setenv("LIGHTHOUSE_PORT", str(free_port()))
    lighthouse = load("scripts/lighthouse.py", "lighthouse_script")
    server = lighthouse.start_site(str(tmp_path / "klapjob.sqlite3"))
    try:
        assert server.poll() is None, "gunicorn is serving"
    finally:
        server.kill()
        server.wait()


def test_the_audio_benchmark_starts_the_site(newcomers_environment, tmp_path):
    bench = load("bench/audio_bench.py", "audio_bench_script")
    instance = bench.Instance(tmp_path)
    try:
        instance.serve()
        assert bench.get(instance.port, "/")[0] == 200
    finally:
        if instance.server:
            instance.server.kill()
            instance.server.wait()
