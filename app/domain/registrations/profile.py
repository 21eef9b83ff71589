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

from collections.abc import Iterable
from dataclasses import dataclass

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

    @property
    def spoken(self) -> list[str]:
        """What the section's speaker reads: the lead, then each answer."""
        return [str(self.lead), *(item.text for item in self.items)]


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


# (section key, lead, the section's picture, the fields whose answers it shows)
FROM_ANSWERS = (
    ("work", _l("I would like to work with:"), "work_wish", ("work_wishes", "work_other")),
    ("likes", _l("I like:"), "likes", ("strengths", "strengths_text")),
    ("helps", _l("This helps me at work:"), "what_helps", ("needs", "needs_text")),
    ("hours", _l("I want to work this many hours a week:"), "hours", ("hours",)),
    ("days", _l("I can work on these days:"), "weekdays", ("work_days",)),
    ("times", _l("I can work at these times of day:"), "when", ("work_times",)),
    ("transport", _l("I get to work like this:"), "getting_to_work", ("transport",)),
    ("travel_time", _l("The trip to work may take:"), "travel_time", ("travel_time",)),
)

# What the consultant adds, after the person's own answers.
FROM_ADDITIONS = (
    ("good_at", _l("I am good at:"), "good_at"),
    ("went_well", _l("This went well in my work trial:"), "went_well"),
    ("was_hard", _l("This was hard:"), "was_hard"),
    ("accommodations", _l("This helped me at work:"), "what_helps"),
)

HEALTH_LEAD = _l("About my health:")


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


def build_profile(
    answers: Answers,
    additions: Additions = Additions(),
    *,
    include_health: bool = False,
    for_employer: str | None = None,
) -> Profile:
    """The profile of a registration's `answers` and a version's `additions`. Health is
    shown only with `include_health`, and never on the employer's version."""
    sections = []
    for key, lead, pictogram, field_names in FROM_ANSWERS:
        items = answer_items(answers, field_names)
        if items:
            sections.append(ProfileSection(key, lead, pictogram, items))
    for key, lead, pictogram in FROM_ADDITIONS:
        items = tuple(ProfileItem(line) for line in lines_of(getattr(additions, key)))
        if items:
            sections.append(ProfileSection(key, lead, pictogram, items))
    health = text_answer(answers, "health").strip()
    shows_health = bool(include_health and health and for_employer is None)
    if shows_health:
        items = tuple(ProfileItem(line) for line in lines_of(health))
        sections.append(ProfileSection("health", HEALTH_LEAD, "health", items, health=True))
    return Profile(text_answer(answers, "name"), tuple(sections), shows_health, for_employer)


def can_show_health(answers: Answers) -> bool:
    """The person gave a health answer (and said yes to KLAPjob keeping it)."""
    return bool(text_answer(answers, "health").strip())
