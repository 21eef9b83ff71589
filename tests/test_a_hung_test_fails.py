"""A test that never ends must not hold the whole run until CI gives up (a run was ended
at 99 % by CI's 90-minute limit, saying nothing of where it waited). The project's own
timeout settings, run the way scripts/test runs them (two workers, --dist loadgroup): the
hung test fails with the stack of where it waited, and the run goes on to its end."""

import tomllib

from served_site import ROOT

pytest_plugins = ["pytester"]

A_TEST_THAT_WAITS_FOREVER = """
import threading

import pytest


@pytest.mark.xdist_group("a-tour")
def test_that_waits_for_what_never_comes():
    threading.Event().wait()


@pytest.mark.xdist_group("a-tour")
def test_after_it_in_its_group():
    pass


def test_elsewhere():
    pass
"""


def project_timeout_settings():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    return settings["ini_options"]


def test_a_test_that_waits_forever_fails_with_where_it_waited_and_the_run_ends(pytester):
    ini = project_timeout_settings()
    assert ini["timeout"] > 0
    pytester.makepyfile(test_hung=A_TEST_THAT_WAITS_FOREVER)
    pytester.makeini(f"[pytest]\ntimeout_method = {ini['timeout_method']}\n")

    # The project's method with a short limit; the outer bound only guards this test.
    result = pytester.runpytest_subprocess(
        "-n",
        "2",
        "--dist",
        "loadgroup",
        "-o",
        "timeout=2",
        "-p",
        "no:cacheprovider",
        timeout=300,
    )

    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*Timeout*", "*test_that_waits_for_what_never_comes*"])
    assert "replacing crashed worker" not in result.stdout.str()


A_WORKER_THAT_DIES = """
import os

import pytest


@pytest.mark.xdist_group("a-tour")
def test_that_ends_its_worker():
    os._exit(1)


@pytest.mark.xdist_group("a-tour")
def test_after_it_in_its_group():
    pass


def test_elsewhere():
    pass
"""


def test_a_worker_that_dies_ends_the_run_with_a_failure_instead_of_waiting(pytester):
    """xdist's loadgroup hangs when it replaces a worker that died (pytest-xdist issue
    1323, fixed after 3.8): scripts/test replaces none, so the run ends and says so."""
    assert "--max-worker-restart 0" in (ROOT / "scripts" / "test").read_text()
    pytester.makepyfile(test_dies=A_WORKER_THAT_DIES)

    result = pytester.runpytest_subprocess(
        "-n",
        "2",
        "--dist",
        "loadgroup",
        "--max-worker-restart",
        "0",
        "-p",
        "no:cacheprovider",
        timeout=300,
    )

    assert result.ret != 0
    result.stdout.fnmatch_lines(["*test_that_ends_its_worker*"])
