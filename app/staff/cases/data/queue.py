"""The queue: open cases nobody has in a municipality nobody covers (or "Ved ikke"). Every
consultant sees it; a case that has waited longer than the team allows sounds an alarm on
the inbox and on "I dag og denne uge"."""

from collections.abc import Iterable

from sqlite_utils import Database

from app.core import clock
from app.staff.core.access import in_the_queue


def waited_too_long(
    db: Database, working_days: int, *, closed_days: Iterable[tuple[int, int]] = ()
) -> int:
    """How many open cases in the queue came in more than `working_days` Danish working
    days ago (the days KLAPjob's phone is closed not counted)."""
    queue, params = in_the_queue()
    today = clock.today()
    return sum(
        1
        for row in db.query(
            f"SELECT r.submitted_at FROM registrations r WHERE r.status != 'closed' AND {queue}",
            params,
        )
        if clock.add_working_days(
            clock.day_in_denmark(row["submitted_at"]), working_days, closed_days=closed_days
        )
        < today
    )
