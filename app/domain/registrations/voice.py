"""Answers in the person's own voice: one recording beside each free-text answer.

A recording is kept like a typed answer: with the draft (saved with the page, moved with
it by a link or a code), then with the registration, covered by the same consents (a
recording of the health answer goes only with the health yes), deleted with the person
and by the purge. Its bytes live only in the database: never in a file, a log or a mail.
What the browser says it sent is not believed: the container's header is read
(app.core.recordings), and limits of size and length hold per answer and per person.
"""

import base64
from dataclasses import dataclass

from flask import current_app
from sqlite_utils import Database

from app.core import clock, codes
from app.core.db import forget_deleted, write_transaction
from app.core.recordings import Heard, NotAudio, inspect
from app.domain.questions.flow import visible_steps
from app.domain.questions.model import Answers
from app.domain.questions.steps import FIELDS_BY_NAME

# Every answer a person writes in their own words may also be said.
VOICE_FIELDS = frozenset(name for name, spec in FIELDS_BY_NAME.items() if spec.kind == "textarea")
KB = 1024


@dataclass(frozen=True)
class VoiceLimits:
    seconds_per_answer: float
    bytes_per_answer: int
    seconds_per_person: float
    bytes_per_person: int


def voice_limits() -> VoiceLimits:
    config = current_app.config
    return VoiceLimits(
        seconds_per_answer=config["VOICE_SECONDS_PER_ANSWER"],
        bytes_per_answer=config["VOICE_KB_PER_ANSWER"] * KB,
        seconds_per_person=config["VOICE_SECONDS_PER_PERSON"],
        bytes_per_person=config["VOICE_KB_PER_PERSON"] * KB,
    )


class Refused(Exception):
    """A recording that is not kept. `reason`: "not_audio", "too_long", "too_big" (one
    answer's limits) or "too_much" (all the person's recordings together)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Recording:
    public_id: str
    field: str
    mime_type: str
    seconds: float
    size: int


def check_recording(data: bytes, limits: VoiceLimits) -> Heard:
    """What `data` is, when it is a recording one answer may keep; Refused otherwise. The
    size is checked first: nothing bigger is read at all."""
    if len(data) > limits.bytes_per_answer:
        raise Refused("too_big")
    try:
        heard = inspect(data)
    except NotAudio as error:
        raise Refused("not_audio") from error
    if heard.seconds > limits.seconds_per_answer:
        raise Refused("too_long")
    return heard


def keep_recording(
    db: Database, draft_hash: str, field: str, data: bytes, heard: Heard, limits: VoiceLimits
) -> Recording:
    """Keep `data` as the draft's recording of `field`, in place of one it had."""
    assert field in VOICE_FIELDS, field
    with write_transaction(db):
        [others] = db.query(
            "SELECT COALESCE(SUM(seconds), 0) AS seconds, COALESCE(SUM(size), 0) AS size"
            " FROM voice_answers WHERE draft_token_hash = ? AND field <> ?",
            [draft_hash, field],
        )
        if (
            others["seconds"] + heard.seconds > limits.seconds_per_person
            or others["size"] + len(data) > limits.bytes_per_person
        ):
            raise Refused("too_much")
        replaced = db.execute(
            "DELETE FROM voice_answers WHERE draft_token_hash = ? AND field = ?",
            [draft_hash, field],
        ).rowcount
        public_id = codes.new_public_id()
        db.execute(
            "INSERT INTO voice_answers (public_id, draft_token_hash, field, mime_type, seconds,"
            " size, audio, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [public_id, draft_hash, field, heard.mime_type, heard.seconds, len(data), data]
            + [clock.now_iso()],
        )
    if replaced:
        forget_deleted(db)
    return Recording(public_id, field, heard.mime_type, heard.seconds, len(data))


def delete_recording(db: Database, draft_hash: str, field: str) -> None:
    with write_transaction(db):
        db.execute(
            "DELETE FROM voice_answers WHERE draft_token_hash = ? AND field = ?",
            [draft_hash, field],
        )
    forget_deleted(db)


COLUMNS = "public_id, field, mime_type, seconds, size"


def recordings_of_draft(db: Database, draft_hash: str | None) -> dict[str, Recording]:
    if not draft_hash:
        return {}
    rows = db.query(f"SELECT {COLUMNS} FROM voice_answers WHERE draft_token_hash = ?", [draft_hash])
    return {row["field"]: Recording(**row) for row in rows}


def recordings_of_registration(db: Database, registration_id: int) -> dict[str, Recording]:
    rows = db.query(
        f"SELECT {COLUMNS} FROM voice_answers WHERE registration_id = ?", [registration_id]
    )
    return {row["field"]: Recording(**row) for row in rows}


def draft_audio(db: Database, draft_hash: str | None, public_id: str) -> tuple[str, bytes] | None:
    """The type and bytes of one of this draft's recordings; None for any other."""
    if not draft_hash:
        return None
    rows = list(
        db.query(
            "SELECT mime_type, audio FROM voice_answers"
            " WHERE draft_token_hash = ? AND public_id = ?",
            [draft_hash, public_id],
        )
    )
    return (rows[0]["mime_type"], rows[0]["audio"]) if rows else None


def registration_audio(
    db: Database, registration_id: int, public_id: str
) -> tuple[str, str, bytes] | None:
    """The field, type and bytes of one of this registration's recordings, or None."""
    rows = list(
        db.query(
            "SELECT field, mime_type, audio FROM voice_answers"
            " WHERE registration_id = ? AND public_id = ?",
            [registration_id, public_id],
        )
    )
    return (rows[0]["field"], rows[0]["mime_type"], rows[0]["audio"]) if rows else None


def move_to_registration(
    db: Database, draft_hash: str, registration_id: int, answers: Answers, *, health: bool
) -> None:
    """At sending, in its transaction: the recordings of the questions this person was
    asked go with the registration; a sensitive one only with the health yes. The rest go
    with the draft."""
    asked = {
        spec.name
        for step in visible_steps(answers)
        for spec in step.fields
        if spec.show_if(answers) and (health or not spec.sensitive)
    }
    for field in VOICE_FIELDS & asked:
        db.execute(
            "UPDATE voice_answers SET registration_id = ?, draft_token_hash = NULL"
            " WHERE draft_token_hash = ? AND field = ?",
            [registration_id, draft_hash, field],
        )


def keep_the_others_recordings(db: Database, kept_id: int, other_id: int) -> None:
    """When two registrations of one person are merged (in the merge's transaction): the
    other's recordings of answers that are not health come to the kept one where it has
    none of its own, as its written answers do. The rest go with the other registration."""
    sensitive = [name for name in VOICE_FIELDS if FIELDS_BY_NAME[name].sensitive]
    placeholders = ", ".join("?" for _ in sensitive) or "''"
    db.execute(
        "UPDATE voice_answers SET registration_id = ? WHERE registration_id = ?"
        f" AND field NOT IN ({placeholders})"
        " AND field NOT IN (SELECT field FROM voice_answers WHERE registration_id = ?)",
        [kept_id, other_id, *sensitive, kept_id],
    )


def voice_answers_export(db: Database, registration_id: int) -> list[dict[str, object]]:
    """The person's recordings for their data file (GDPR art. 15): each question, its
    length and type, and the recording itself (base64)."""
    rows = db.query(
        "SELECT field, mime_type, seconds, recorded_at, audio FROM voice_answers"
        " WHERE registration_id = ? ORDER BY field",
        [registration_id],
    )
    return [
        {
            "question": str(
                FIELDS_BY_NAME[row["field"]].summary_label or FIELDS_BY_NAME[row["field"]].label
            ),
            "seconds": round(row["seconds"]),
            "type": row["mime_type"],
            "recorded_at": row["recorded_at"],
            "audio_base64": base64.b64encode(row["audio"]).decode("ascii"),
        }
        for row in rows
    ]
