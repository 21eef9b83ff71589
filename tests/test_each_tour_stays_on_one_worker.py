"""The test command (scripts/test) runs two workers, and each tour of the citizen pages is
walked once only because its tests stay together on one worker: xdist's `--dist loadgroup`
adds the group to each test's id, and the scheduler reads it there. With pytest 9.2 that
mark was lost without a word (pytest-xdist issue 1386) and each tour was walked on both
workers: about ten minutes of every run."""

import pytest


@pytest.mark.xdist_group("a-group-of-its-own")
def test_a_test_in_a_group_reaches_the_scheduler_with_its_group(request):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("runs under the test command's --dist loadgroup (scripts/test)")
    assert request.node.nodeid.endswith("@a-group-of-its-own")


@pytest.mark.browser  # marked as the browser files are, though it opens no browser
def test_a_browser_files_tests_stay_together_on_one_worker(request):
    """Its served site and its walks (module fixtures) are then made once."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("runs under the test command's --dist loadgroup (scripts/test)")
    assert request.node.nodeid.endswith("@file-test_each_tour_stays_on_one_worker")
