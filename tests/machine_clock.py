"""A pytest plugin: the whole run on a machine whose clock starts at a chosen instant, in
the time zone of TZ (scripts/around-midnight runs the tests of days this way).

    KLAPJOB_TEST_INSTANT=2026-12-06T23:30:00+00:00 TZ=Asia/Tokyo \\
        .venv/bin/python -m pytest -p machine_clock tests/test_staff_inbox.py

The clock starts before the test modules are read (their module-level days too) and goes
on ticking from there, so waits and time-outs behave as usual."""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

_travel = None


def pytest_configure(config):
    global _travel
    instant = os.environ.get("KLAPJOB_TEST_INSTANT")
    if not instant:
        return
    zone = ZoneInfo(os.environ.get("TZ") or "UTC")
    _travel = time_machine.travel(datetime.fromisoformat(instant).astimezone(zone), tick=True)
    _travel.start()


def pytest_report_header(config):
    if _travel is not None:
        return (
            f"machine clock: from {os.environ['KLAPJOB_TEST_INSTANT']}, TZ={os.environ.get('TZ')}"
        )


def pytest_unconfigure(config):
    if _travel is not None:
        _travel.stop()
