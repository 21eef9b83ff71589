"""The job profile in the back office's audit log: every version, every yes to an
employer and its withdrawal is written in the transaction that stores it."""

from app.domain.registrations.profile_versions import profile_changed
from app.staff import audit


def record_profile_change(action, *, db, user, reference, detail):
    audit.record(db, user, action, reference=reference, detail=detail)


def init_profiles():
    profile_changed.connect(record_profile_change)
