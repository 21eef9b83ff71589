"""The site has one clock (app.core.clock), and its day is Denmark's day: a consultant who
works at half past midnight works on Denmark's new day, and a machine in another time zone
changes nothing. Durations measured with time.monotonic are not the clock and are free."""

from datetime import timedelta
from pathlib import Path

import pytest
from babel.dates import format_date

from app.core import clock
from frozen_time import AROUND_DANISH_MIDNIGHT, danish_day, machine_at, moment_id
from source_calls import calls_outside
from staff import EVERY_FILTER, register, staff_member

READING_THE_TIME = {
    "datetime.now",
    "datetime.utcnow",
    "datetime.today",
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "datetime.datetime.today",
    "datetime.date.today",
    "date.today",
    "time.time",
    "time.time_ns",
    "time.localtime",
    "time.gmtime",
}


def test_only_the_clock_reads_the_time():
    readers = calls_outside({"core/clock.py"}, READING_THE_TIME.__contains__)
    assert readers == [], "read the time through app.core.clock:\n" + "\n".join(readers)


def test_the_tests_take_their_days_from_the_sites_clock_too():
    """A test that works out "today" on the machine's clock disagrees with the site
    between midnight in Denmark and midnight on the machine: it failed every night. The
    browser tests too (three in the back office's walk read the machine's day)."""
    tests = Path(__file__).parent.rglob("*.py")
    readers = calls_outside(set(), READING_THE_TIME.__contains__, modules=tests)
    assert readers == [], "use clock.today() or clock.now():\n" + "\n".join(readers)


@pytest.fixture(params=AROUND_DANISH_MIDNIGHT, ids=moment_id)
def moment(request):
    """An instant near Danish midnight, with the machine in a time zone not Denmark's."""
    instant, zone = request.param
    with machine_at(instant, zone):
        yield instant


def test_the_clocks_day_is_denmarks_day_wherever_the_machine_is(moment):
    assert clock.today() == danish_day(moment)
    assert clock.now() == moment


def test_the_export_is_named_for_denmarks_day(app, moment):
    register(app, name="Mette Hansen")
    anna = staff_member(app, "admin").sign_in()
    response = anna.post_form("/staff/export", EVERY_FILTER)
    expected = f'filename="klapjob-{danish_day(moment).isoformat()}.csv"'
    assert expected in response.headers["Content-Disposition"]


def test_a_day_in_a_staff_form_is_checked_against_denmarks_day(app, moment):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, "admin").sign_in()
    url = f"/staff/registrations/{mette['public_id']}/requests"
    response = karl.post_form(
        url, {"kind": "access", "received_on": "2000-01-01", "channel": "phone"}
    )
    # A request came today or before; a day's slack (DAYS_GONE_BY) reaches tomorrow.
    tomorrow = format_date(danish_day(moment) + timedelta(days=1), "short", locale="da")
    assert f"til {tomorrow}" in response.get_data(as_text=True)
