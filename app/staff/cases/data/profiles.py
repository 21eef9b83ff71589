"""The job profile in the back office's audit log: every version, every yes to an
employer and its withdrawal is written in the transaction that stores it. The person's
own looks at their profile are one entry a while: that they looked is what matters, and
a page reloaded fifty times must not write fifty rows."""

from datetime import timedelta

from sqlite_utils import Database

from app.domain.registrations.profile_versions import profile_changed
from app.staff.core import audit
from app.staff.core.users import User

ONCE_A_WHILE = {"viewed_profile": timedelta(hours=1)}


def record_profile_change(
    action: str, *, db: Database, user: User | None, reference: str, detail: str
) -> None:
    window = ONCE_A_WHILE.get(action) if user is None else None
    if window and audit.recorded_within(db, user, action, reference, window):
        return
    audit.record(db, user, action, reference=reference, detail=detail)


def init_profiles() -> None:
    profile_changed.connect(record_profile_change)
