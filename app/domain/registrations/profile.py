""" "Det er mig": the person's job profile, in the first person, built from their answers.

One page a person owns and takes along (supported employment's vocational profile, and
person-centred planning's one-page profile): what I would like to work with, what I like,
what helps me, my hours, times and way to work, each answer with its picture. What a
consultant learns with the person (after a meeting or a praktik) is added in later
versions (profile_versions.py).

Health is on the profile only when the person chose to show it there, and then it is
marked as their choice. The version for an employer never has health and never has a way
to contact the person.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from app.domain.questions.model import Answers, text_answer
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.questions.summary import shown_answers


@dataclass(frozen=True)
class ProfileItem:
    text: str
    pictogram: str | None = None


@dataclass(frozen=True)
class ProfileSection:
    key: str
    lead: str  # the first-person start of the line: "I would like to work with:"
    pictogram: str
    items: tuple[ProfileItem, ...]
    # Shown only because the person chose it; the page marks it as their choice.
    health: bool = False
    # Words someone else wrote (what others say about me): who wrote them.
    written_by: str = ""
    # The person's own recording of an answer in this box (its public id), played on the
    # page before the site's reading voice; only with the person's yes (profile_voice.py).
    voice: str = ""

    @property
    def spoken(self) -> list[str]:
        """What the section's speaker reads: the lead, each answer, and who wrote them."""
        by = [self.written_by_line] if self.written_by else []
        return [str(self.lead), *(item.text for item in self.items), *by]

    @property
    def written_by_line(self) -> str:
        return str(_l("Written by %(name)s", name=self.written_by))


@dataclass(frozen=True)
class Additions:
    """What a consultant adds with the person; one line a thing."""

    good_at: str = ""
    went_well: str = ""
    was_hard: str = ""
    accommodations: str = ""


@dataclass(frozen=True)
class Profile:
    name: str
    sections: tuple[ProfileSection, ...]
    shows_health: bool
    for_employer: str | None = None  # the employer's name on the employer's version
    # On the employer's version: whom at KLAPjob to call, and the day it was made.
    contact_name: str = ""
    contact_phone: str = ""
    made_on: date | None = None
    # The person's photo (its public id), which they chose to put on their profile; on an
    # employer's version only with that version's own yes (profile_photo.py).
    photo: str = ""

    @property
    def made_on_text(self) -> str:
        """The day in words, in the language the sheet is made in: "7. december 2026"."""
        return format_date(self.made_on, format="long") if self.made_on else ""


GOOD_AT = ("good_at", _l("This is what I am good at:"), "good_at")
OTHERS_SAY = ("others_say", _l("What others say about me:"), "others_say")
TRIED = ("tried", _l("This is what I have tried:"), "experience")
HELPS = ("helps", _l("This helps me at work:"), "what_helps")
# The employer reads what helps as advice to them (the one-page profile's "how best to
# support me"); what was hard stays with the consultant.
HELPS_FOR_EMPLOYER = ("helps", _l("This is how you help me best:"), "what_helps")
WENT_WELL = ("went_well", _l("This went well in my work trial:"), "went_well")
WAS_HARD = ("was_hard", _l("This was hard:"), "was_hard")

# The person's own answers about time and travel: (key, lead, picture, fields).
WORK = ("work", _l("I would like to work with:"), "work_wish", ("work_wishes", "work_other"))
LIKES = ("likes", _l("I like:"), "likes", ("strengths", "strengths_text"))
TIMETABLE = (
    ("hours", _l("I want to work this many hours a week:"), "hours", ("hours",)),
    ("days", _l("I can work on these days:"), "weekdays", ("work_days",)),
    ("times", _l("I can work at these times of day:"), "when", ("work_times",)),
    ("transport", _l("I get to work like this:"), "getting_to_work", ("transport",)),
    ("travel_time", _l("The trip to work may take:"), "travel_time", ("travel_time",)),
)
# What the person has tried, said as they would say it on their profile.
TRIED_BEFORE = {
    "job": (_l("I have had a job"), "job"),
    "praktik": (_l("I have tried a job for a while"), "praktik"),
}

HEALTH_LEAD = _l("About my health:")

# The answers a person may say in their own voice that have a box on the profile: the
# field and its box. Never health (its box shows only by the person's choice, and a health
# recording stays with KLAPjob) and never what others say (said by someone else, perhaps).
VOICE_BOXES = {
    "good_at_text": "good_at",
    "strengths_text": "likes",
    "experience_text": "tried",
    "needs_text": "helps",
}


def answer_items(answers: Answers, field_names: Iterable[str]) -> tuple[ProfileItem, ...]:
    items = []
    for name in field_names:
        spec = FIELDS_BY_NAME[name]
        if not spec.show_if(answers):
            continue
        for shown in shown_answers(spec, answers.get(name)):
            items += [ProfileItem(text, shown.pictogram) for text in lines_of(shown.text)]
    return tuple(items)


def lines_of(text: str) -> list[str]:
    """A text typed on several lines is several items: one thing a line."""
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def typed_items(text: str) -> tuple[ProfileItem, ...]:
    return tuple(ProfileItem(line) for line in lines_of(text))


def tried_items(answers: Answers) -> tuple[ProfileItem, ...]:
    """A job or a work trial the person told about, and where ("no" and "I don't know"
    make no box)."""
    chosen = answers.get("experience") or []
    items = [
        ProfileItem(str(text), picture)
        for key, (text, picture) in TRIED_BEFORE.items()
        if key in chosen
    ]
    return (*items, *typed_items(text_answer(answers, "experience_text")))


def without_repeats(items: Iterable[ProfileItem]) -> tuple[ProfileItem, ...]:
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.text.casefold() not in seen:
            seen.add(item.text.casefold())
            kept.append(item)
    return tuple(kept)


def build_profile(
    answers: Answers,
    additions: Additions = Additions(),
    *,
    include_health: bool = False,
    for_employer: str | None = None,
    voices: Mapping[str, str] | None = None,
) -> Profile:
    """The profile of a registration's `answers` and a version's `additions`: strengths
    first. Health is shown only with `include_health`, and never on the employer's
    version, which has what helps as advice and not what was hard. `voices`: the box of
    each recording the person said yes to showing ({box key: recording}); a box said and
    not written is on the page for its recording."""
    # "I don't know (yet)" is a fair answer to the question, and no strength on paper.
    chosen = answer_items(answers, ("good_at", "good_at_text"))
    good_at = tuple(i for i in chosen if i.pictogram != "dont_know") + typed_items(
        additions.good_at
    )
    helps = answer_items(answers, ("needs", "needs_text")) + typed_items(additions.accommodations)
    others = typed_items(text_answer(answers, "others_say"))
    by = text_answer(answers, "others_say_by").strip()
    strengths = [
        ProfileSection(*GOOD_AT, without_repeats(good_at)),
        ProfileSection(*OTHERS_SAY, others, written_by=by),
    ]
    work_and_likes = [
        ProfileSection(key, lead, picture, answer_items(answers, fields))
        for key, lead, picture, fields in (WORK, LIKES)
    ]
    tried = ProfileSection(*TRIED, tried_items(answers))
    went_well = ProfileSection(*WENT_WELL, typed_items(additions.went_well))
    timetable = [
        ProfileSection(key, lead, picture, answer_items(answers, fields))
        for key, lead, picture, fields in TIMETABLE
    ]
    if for_employer is None:
        helping = ProfileSection(*HELPS, without_repeats(helps))
        was_hard = ProfileSection(*WAS_HARD, typed_items(additions.was_hard))
        order = [*strengths, *work_and_likes, tried, went_well, helping, *timetable, was_hard]
    else:
        helping = ProfileSection(*HELPS_FOR_EMPLOYER, without_repeats(helps))
        order = [*strengths, helping, went_well, *work_and_likes, tried, *timetable]
    voices = voices or {}
    with_voice = [replace(section, voice=voices.get(section.key, "")) for section in order]
    sections = [section for section in with_voice if section.items or section.voice]
    health = text_answer(answers, "health").strip()
    shows_health = bool(include_health and health and for_employer is None)
    if shows_health:
        items = typed_items(health)
        sections.append(ProfileSection("health", HEALTH_LEAD, "health", items, health=True))
    return Profile(text_answer(answers, "name"), tuple(sections), shows_health, for_employer)


def can_show_health(answers: Answers) -> bool:
    """The person gave a health answer (and said yes to KLAPjob keeping it)."""
    return bool(text_answer(answers, "health").strip())
