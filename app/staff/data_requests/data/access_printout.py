"""An access request's printout (GDPR art. 15) in words a person reads: what happened to
their case said in sentences, not internal codes; what the job profile holds of them; each
kind of look by staff once a day with how many times; and the meeting sign-ups and unsent
drafts that hold the same phone number or email address."""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core import clock
from app.core.phone import normalise_phone
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.questions.summary import summary_rows
from app.domain.registrations.profile_links import OWN_PAPER
from app.staff.cases.data.next_steps import KINDS as STEP_KINDS
from app.staff.cases.data.placements import END_REASONS
from app.staff.cases.data.placements import KINDS as PLACEMENT_KINDS
from app.staff.core.audit import Entry
from app.staff.core.history import HistoryEntry

HISTORY_WORDS = {
    "status": _l("The status was changed"),
    "assigned": _l("The case was given to a consultant"),
    "job": _l("The work trial and job were written down"),
    "follow_up": _l("A consultant followed up"),
    "note": _l("A consultant wrote a note"),
    "ambassador": _l("An ambassador was chosen"),
    "ambassador_talked": _l("The person talked with the ambassador"),
    "no_answer": _l("A consultant called, and nobody answered"),
    "voicemail": _l("A consultant called and left a message"),
    "sms_sent": _l("A consultant sent the person a text message"),
    "mail_sent": _l("A consultant sent the person an email"),
    "reached": _l("A consultant talked with the person"),
    "next_step": _l("A consultant planned the next step"),
    "appointment": _l("A meeting was booked"),
    "follow_up_plan": _l("A consultant planned the follow-ups"),
    "placement": _l("A work trial or job was written down"),
    "placement_ended": _l("A work trial or job ended"),
    "placement_corrected": _l("A consultant corrected a work trial or job"),
    "placement_removed": _l("A consultant removed a work trial or job that was wrong"),
    "corrected": _l("A consultant corrected an answer"),
    "consent": _l("A consultant wrote down a yes or no to the job centre"),
    "merged": _l("Two registrations from the person were joined into one"),
}


def history_in_words(entry: HistoryEntry) -> str:
    """What happened, in words; the detail (a status, a kind) in words too."""
    words = str(HISTORY_WORDS.get(entry.kind, _l("Something was written down")))
    detail = ""
    if entry.kind == "status":
        detail = str(entry.status_label)
        if entry.reason:
            detail += f" ({entry.reason_label})"
    elif entry.kind in ("placement", "next_step") and entry.reason:
        detail = str(PLACEMENT_KINDS.get(entry.reason) or STEP_KINDS.get(entry.reason, ""))
    elif entry.kind == "placement_ended" and entry.reason:
        detail = str(END_REASONS.get(entry.reason, ""))
    elif entry.kind == "corrected" and entry.field in FIELDS_BY_NAME:
        spec = FIELDS_BY_NAME[entry.field]
        detail = str(spec.summary_label or spec.label)
    elif entry.kind.startswith("placement_") and entry.reason:
        detail = str(PLACEMENT_KINDS.get(entry.reason, ""))
    return f"{words}: {detail}" if detail else words


@dataclass
class ProfileLine:
    when: str  # a stored UTC stamp
    words: str


def job_profile_in_words(
    profile: Mapping[str, Any], voices: Iterable[Mapping[str, Any]]
) -> list[ProfileLine]:
    """The parts of the job profile that hold the person (from their data file's
    `job_profile` and `voice_answers`), each in a sentence."""
    lines = []
    if profile["photo"]:
        lines.append(
            ProfileLine(profile["photo"]["added_at"], _("A photo of the person on the profile"))
        )
    lines += [
        ProfileLine(
            voice["recorded_at"],
            _(
                "A recording of the person's voice: %(question)s (%(seconds)d seconds)",
                question=voice["question"],
                seconds=voice["seconds"],
            ),
        )
        for voice in voices
    ]
    for yes in profile["employer_consents"]:
        words = _("Yes to showing the profile to %(employer)s", employer=yes["employer"])
        if yes["withdrawn_at"]:
            words += ", " + _(
                "taken back %(day)s",
                day=format_date(clock.day_in_denmark(yes["withdrawn_at"]), "long"),
            )
        lines.append(ProfileLine(yes["recorded_at"], words))
    for code in profile["codes_on_paper"]:
        whom = _("the person themselves") if code["for"] == OWN_PAPER else code["for"]
        last_day = format_date(date.fromisoformat(code["last_day"]), "long")
        lines.append(
            ProfileLine(
                code["made_at"],
                _(
                    "A code on paper for %(whom)s opens the profile until and including %(day)s",
                    whom=whom,
                    day=last_day,
                ),
            )
        )
    return lines


@dataclass
class SeenLine:
    day: object
    label: str
    times: int


def seen_by_staff(trail: Iterable[Entry]) -> list[SeenLine]:
    """The audit trail with each kind of look once a day, and how many times."""
    lines: dict[tuple[date, str], SeenLine] = {}
    for entry in trail:
        day = datetime.fromisoformat(entry.at).astimezone(clock.DANISH_TIME).date()
        key = (day, entry.action)
        if key in lines:
            lines[key].times += 1
        else:
            lines[key] = SeenLine(day, str(entry.action_label), 1)
    return list(lines.values())


def same_phone_or_email(answers: Mapping[str, Any], phone: str | None, email: str | None) -> bool:
    """`answers`: a draft's, as its JSON holds them."""
    typed_phone = normalise_phone(answers.get("phone") or "") if answers.get("phone") else None
    typed_email = (answers.get("email") or "").strip().lower()
    return bool((phone and typed_phone == phone) or (email and typed_email == email.lower()))


def meeting_signups_of(db: Database, phone: str | None) -> list:
    if not phone:
        return []
    rows = db.query(
        "SELECT m.starts_at, m.place, s.name, s.phone, s.created_at FROM meeting_signups s "
        "JOIN meetings m ON m.id = s.meeting_id ORDER BY m.starts_at"
    )
    return [row for row in rows if normalise_phone(row["phone"]) == phone]


def drafts_of(db: Database, phone: str | None, email: str | None) -> list:
    """Unsent drafts with the same phone number or email: (last changed, answers as shown)."""
    found = []
    for row in db.query("SELECT answers, updated_at FROM drafts ORDER BY updated_at"):
        answers = json.loads(row["answers"])
        if same_phone_or_email(answers, phone, email):
            found.append((row["updated_at"], summary_rows(answers)))
    return found
