"""Meetings and sign-ups as plain functions over the database."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NotRequired, TypedDict, Unpack

from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import write_transaction
from app.domain.municipalities import REGION_OF, municipality_name

# Meetings are stored in Danish local time, as staff enter them and people read them.

# Names and numbers of people who signed up are kept until a while after the meeting.
KEEP_SIGNUPS_AFTER_MEETING = timedelta(days=30)


@dataclass
class Meeting:
    id: int
    public_id: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    municipality_code: str
    description_da: str
    description_en: str
    signups: int = 0
    # The staff user who added it; None for meetings stored before that was recorded.
    created_by: int | None = None

    @property
    def municipality(self) -> str | None:
        return municipality_name(self.municipality_code)

    def description(self, language: str) -> tuple[str, str]:
        """The description in the page's language when staff wrote one, with its language."""
        if language == "en" and self.description_en:
            return self.description_en, "en"
        return self.description_da, "da"


def _stored(moment: datetime) -> str:
    """A local time as it is stored: 'YYYY-MM-DDTHH:MM', without a zone."""
    return moment.strftime("%Y-%m-%dT%H:%M")


def _local(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=clock.DANISH_TIME)


def _meeting(row: dict[str, Any]) -> Meeting:
    return Meeting(
        id=row["id"],
        public_id=row["public_id"],
        starts_at=_local(row["starts_at"]),
        ends_at=_local(row["ends_at"]) if row["ends_at"] else None,
        place=row["place"],
        municipality_code=row["municipality_code"],
        description_da=row["description_da"],
        description_en=row["description_en"],
        signups=row.get("signups", 0),
        created_by=row["created_by"],
    )


SELECT_MEETINGS = """
    SELECT meetings.*, (SELECT count(*) FROM meeting_signups
                        WHERE meeting_id = meetings.id) AS signups
    FROM meetings
"""


class MeetingFields(TypedDict):
    """What staff write about a meeting."""

    starts_at: datetime
    ends_at: datetime | None
    place: str
    municipality_code: str
    description_da: str
    description_en: NotRequired[str]


def _stored_fields(fields: MeetingFields) -> list[str | None]:
    """The columns starts_at to description_en, in that order."""
    ends_at = fields["ends_at"]
    return [
        _stored(fields["starts_at"]),
        _stored(ends_at) if ends_at else None,
        fields["place"],
        fields["municipality_code"],
        fields["description_da"],
        fields.get("description_en", ""),
    ]


def create_meeting(
    db: Database, *, created_by: int | None = None, **fields: Unpack[MeetingFields]
) -> str:
    public_id = codes.new_public_id()
    with write_transaction(db):
        db.execute(
            """
            INSERT INTO meetings (public_id, starts_at, ends_at, place, municipality_code,
                                  description_da, description_en, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [public_id, *_stored_fields(fields), created_by, clock.now_iso()],
        )
    return public_id


def coming_meetings(db: Database, *, now: datetime) -> list[Meeting]:
    rows = db.query(SELECT_MEETINGS + " WHERE starts_at >= ? ORDER BY starts_at", [_stored(now)])
    return [_meeting(row) for row in rows]


def meetings_near(
    db: Database, municipality_code: str | None, *, now: datetime
) -> tuple[list[Meeting], bool]:
    """Coming meetings in the person's region, their own municipality's first. With no
    municipality, or none near, every coming meeting. Returns (meetings, are_near)."""
    coming = coming_meetings(db, now=now)
    region = REGION_OF.get(municipality_code or "")
    near = [m for m in coming if region and REGION_OF.get(m.municipality_code) == region]
    if not near:
        return coming, False
    near.sort(key=lambda m: (m.municipality_code != municipality_code, m.starts_at))
    return near, True


def all_meetings(db: Database) -> list[Meeting]:
    return [_meeting(row) for row in db.query(SELECT_MEETINGS + " ORDER BY starts_at DESC")]


def meeting_by_public_id(db: Database, public_id: str) -> Meeting | None:
    rows = list(db.query(SELECT_MEETINGS + " WHERE public_id = ?", [public_id]))
    return _meeting(rows[0]) if rows else None


def sign_up(db: Database, meeting: Meeting, *, name: str, phone: str) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO meeting_signups (meeting_id, name, phone, created_at) VALUES (?, ?, ?, ?)",
            [meeting.id, name, phone, clock.now_iso()],
        )


def update_meeting(db: Database, meeting: Meeting, **fields: Unpack[MeetingFields]) -> None:
    with write_transaction(db):
        db.execute(
            """
            UPDATE meetings SET starts_at = ?, ends_at = ?, place = ?, municipality_code = ?,
                                description_da = ?, description_en = ?
            WHERE id = ?
            """,
            [*_stored_fields(fields), meeting.id],
        )


def signups_for(db: Database, meeting: Meeting) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT id, name, phone, created_at, attended, registered_at FROM meeting_signups"
            " WHERE meeting_id = ? ORDER BY id",
            [meeting.id],
        )
    )


def mark_attendance(db: Database, meeting: Meeting, signup_id: int, attended: bool) -> bool:
    """Came (True) or did not come (False). False when the sign-up is not this meeting's."""
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE meeting_signups SET attended = ? WHERE id = ? AND meeting_id = ?",
            [int(attended), signup_id, meeting.id],
        )
    return cursor.rowcount == 1


def delete_meeting(db: Database, meeting: Meeting) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM meetings WHERE id = ?", [meeting.id])


def old_signups(db: Database, *, now: datetime) -> list[dict[str, Any]]:
    """Sign-ups to meetings that ended more than 30 days ago: due for deletion."""
    before = _stored(now - KEEP_SIGNUPS_AFTER_MEETING)
    return list(
        db.query(
            """
        SELECT meeting_signups.id FROM meeting_signups
        JOIN meetings ON meetings.id = meeting_signups.meeting_id
        WHERE coalesce(meetings.ends_at, meetings.starts_at) < ?
        """,
            [before],
        )
    )
