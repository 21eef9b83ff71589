"""The queue's alarm, as the inbox and "I dag og denne uge" both show it."""

from flask import current_app

from app.staff.cases.data.queue import waited_too_long
from app.web.database import get_db


def queue_alarm() -> int:
    """How many cases nobody covers have waited longer than the team allows."""
    return waited_too_long(
        get_db(),
        current_app.config["QUEUE_ALARM_WORKING_DAYS"],
        closed_days=current_app.config["PHONE_CLOSED_DAYS"],
    )
