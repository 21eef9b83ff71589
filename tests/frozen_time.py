"""The machine's clock stopped at a chosen instant, with the machine set to a chosen time
zone (time-machine sets TZ too), so a test can show which day the site takes for today.

Around Danish midnight a machine in Tokyo is already on the next day and one in Los
Angeles still on the day before; the site's day must be Denmark's on both."""

from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

# 1 December 2026 at 00:30 in Denmark: Los Angeles is still on 30 November.
JUST_AFTER_DANISH_MIDNIGHT = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
# 30 November 2026 at 23:30 in Denmark: Tokyo is already on 1 December.
JUST_BEFORE_DANISH_MIDNIGHT = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)

MACHINE_ZONES = ("Asia/Tokyo", "America/Los_Angeles")

# Each instant with each zone: in two of the four the machine's day is not Denmark's.
AROUND_DANISH_MIDNIGHT = [
    (instant, zone)
    for instant in (JUST_AFTER_DANISH_MIDNIGHT, JUST_BEFORE_DANISH_MIDNIGHT)
    for zone in MACHINE_ZONES
]


def moment_id(moment):
    instant, zone = moment
    return f"{instant:%H%M}Z-{zone.split('/')[-1]}"


def danish_day(instant: datetime) -> date:
    return instant.astimezone(ZoneInfo("Europe/Copenhagen")).date()


@contextmanager
def machine_at(instant: datetime, zone: str):
    """The machine's clock stands still at `instant`, its time zone `zone`."""
    with time_machine.travel(instant.astimezone(ZoneInfo(zone)), tick=False):
        yield
