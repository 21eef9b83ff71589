"""The audit log (GDPR art. 9): who saw or changed what, and when.

An entry names a registration only by its reference, and its detail never holds what a
person answered: the log outlives a deleted registration without keeping the person.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock
from app.core.db import write_transaction
from app.domain.registrations.profile_versions import StaffMember
from app.staff.core.paging import within

ACTIONS = {
    "viewed": _l("Viewed the registration"),
    "viewed_health": _l("Showed the health answers"),
    "printed": _l("Printed the person's data"),
    "exported_json": _l("Exported the person's data"),
    "exported_csv": _l("Exported in a CSV file"),
    "exported_calendar": _l("Downloaded a meeting as a calendar file"),
    "changed": _l("Changed the registration"),
    "deleted": _l("Deleted the registration"),
    "purged": _l("Deleted by the purge"),
    "signed_in": _l("Signed in"),
    "signed_out": _l("Signed out"),
    "sign_in_failed": _l("Failed sign-in"),
    "locked": _l("Account locked"),
    "password_changed": _l("Changed their own password"),
    "sessions_ended": _l("Signed out in their other browsers"),
    "user_created": _l("Created a user"),
    "user_changed": _l("Changed a user"),
    "municipalities_changed": _l("Changed the municipalities"),
    "viewed_draft": _l("Looked up an unsent draft by its code"),
    "device_shared": _l("Made a device shared"),
    "device_unshared": _l("Made a device personal again"),
    "meeting_created": _l("Created a meeting"),
    "meeting_deleted": _l("Deleted a meeting"),
    "meeting_changed": _l("Changed a meeting"),
    "attendance_marked": _l("Marked who came to a meeting"),
    "ambassador_created": _l("Added an ambassador"),
    "ambassador_changed": _l("Changed an ambassador"),
    "request_registered": _l("Registered a request from a person"),
    "request_done": _l("Marked a request from a person as done"),
    "viewed_signups": _l("Viewed who signed up for a meeting"),
    "profile_changed": _l("Made a new version of the job profile"),
    "viewed_profile": _l("Viewed the job profile"),
    "profile_choice_taken_back": _l("The person took back their last choice on the job profile"),
    "printed_profile": _l("Made the job profile as a PDF"),
    "profile_photo_added": _l("The person put a photo on their job profile"),
    "profile_photo_removed": _l("The person removed the photo from their job profile"),
    "emailed_profile": _l("Sent the job profile by email"),
    "employer_yes": _l("Recorded a yes to show the profile to an employer"),
    "employer_yes_withdrawn": _l("Recorded that the yes to an employer was withdrawn"),
    "employer_profile": _l("Made the job profile for an employer"),
    "opened_profile_link": _l("Somebody opened the job profile with the code on its paper"),
    "registered_by_phone": _l("Registered a person by phone, with their consent"),
    "merged": _l("Merged a duplicate into this registration"),
    "merged_into": _l("Merged into another registration"),
    "report_sent": _l("Kept a municipality's report as it was sent"),
}

PAGE_SIZE = 50


# The references whose entries belong to a registration's trail: its own, and those of
# the registrations merged into it (and into those), linked by their "merged_into" entry.
TRAIL_REFERENCES = """
    WITH RECURSIVE trail(reference) AS (
        SELECT ?
        UNION
        SELECT m.reference FROM audit_log m JOIN trail t ON m.linked_reference = t.reference
        WHERE m.action = 'merged_into'
    )
"""


def record(
    db: Database,
    user: StaffMember | None,
    action: str,
    *,
    reference: str | None = None,
    detail: str = "",
    now: datetime | None = None,
    linked_reference: str | None = None,
) -> None:
    """Write one entry. Call it inside the caller's transaction when there is one, so a
    change and its entry are kept together or not at all. The log is only added to (a
    trigger refuses to change or delete an entry)."""
    assert action in ACTIONS, action
    db.execute(
        "INSERT INTO audit_log (at, user_id, action, reference, detail, linked_reference)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            clock.iso(now or clock.now()),
            user.id if user else None,
            action,
            reference,
            detail,
            linked_reference,
        ],
    )


def recorded_within(
    db: Database,
    user: StaffMember | None,
    action: str,
    reference: str,
    window: timedelta,
    *,
    now: datetime | None = None,
) -> bool:
    """Whether `user` (None: the person) has an entry of `action` on `reference` from the
    last `window` (a timedelta)."""
    since = clock.iso((now or clock.now()) - window)
    rows = db.query(
        "SELECT 1 FROM audit_log WHERE reference = ? AND action = ? AND user_id IS ?"
        " AND at > ? LIMIT 1",
        [reference, action, user.id if user else None, since],
    )
    return any(True for _row in rows)


def record_now(db: Database, user: StaffMember | None, action: str, **kwargs: Any) -> None:
    with write_transaction(db):
        record(db, user, action, **kwargs)


@dataclass
class Entry:
    at: str
    user_name: str | None
    action: str
    reference: str | None
    detail: str

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)


@dataclass(frozen=True)
class Looking:
    """What an admin looks for: each part left as None is not asked. The days are Danish
    days (from the first one's midnight in Denmark to the end of the last one)."""

    reference: str | None = None
    user_id: int | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None


def conditions(looking: Looking) -> tuple[str, str, list[Any]]:
    """(WITH clause, WHERE clause, parameters) for `looking`."""
    trail, where = "", []
    params: list[Any] = []
    if looking.reference:
        trail, params = TRAIL_REFERENCES, [looking.reference]
        where.append("a.reference IN (SELECT reference FROM trail)")
    if looking.user_id is not None:
        where.append("a.user_id = ?")
        params.append(looking.user_id)
    if looking.action:
        where.append("a.action = ?")
        params.append(looking.action)
    if looking.since:
        where.append("a.at >= ?")
        params.append(clock.iso(clock.start_of_danish_day(looking.since)))
    if looking.until:
        where.append("a.at < ?")
        params.append(clock.iso(clock.start_of_danish_day(looking.until + timedelta(days=1))))
    return trail, ("WHERE " + " AND ".join(where)) if where else "", params


def entries(
    db: Database, *, looking: Looking = Looking(), page: int = 1
) -> tuple[list[Entry], int, int]:
    """(entries, how many in all, the page shown): newest first, a page at a time; with a
    reference, that registration's trail (with the registrations merged into it). A page
    past the last shows the last."""
    trail, where, params = conditions(looking)
    total = next(db.query(f"{trail} SELECT count(*) AS n FROM audit_log a {where}", params))["n"]
    page = within(page, total, PAGE_SIZE)
    rows = db.query(
        f"""
        {trail}
        SELECT a.at, u.name AS user_name, a.action, a.reference, a.detail
        FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        {where} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?
        """,
        [*params, PAGE_SIZE, (page - 1) * PAGE_SIZE],
    )
    return [Entry(**row) for row in rows], total, page
