"""The shapes of the journey's data: a step asks one question through one or more fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.places import Found

# A text or a choice's value, or the values of a field with several choices.
Answer = str | list[str]
Answers = Mapping[str, Answer]  # field name -> its answer
Condition = Callable[[Answers], bool]


def text_answer(answers: Answers, name: str) -> str:
    """The answer to a field that takes one text or choice, "" when there is none. Only a
    field with several choices holds a list."""
    given = answers.get(name, "")
    assert isinstance(given, str), f"{name} holds several answers"
    return given


def always(_answers: Answers) -> bool:
    return True


@dataclass(frozen=True, eq=False)
class AnswerIs:
    """A condition: the answer to `answer_name` is one of `answer_values` (or contains one,
    for lists). Its name and values are kept so that a page can show or hide a follow-up
    question as the person chooses."""

    answer_name: str
    answer_values: tuple[str, ...]

    def __call__(self, answers: Answers) -> bool:
        given = answers.get(self.answer_name)
        if isinstance(given, list):
            return any(value in given for value in self.answer_values)
        return given in self.answer_values


def answer_is(name: str, *values: str) -> AnswerIs:
    return AnswerIs(name, values)


def both_or_neither(this: str, other: str) -> Condition:
    """Required when the other one is given: a name needs a number, a number a name."""
    return lambda answers: bool(answers.get(other)) and not answers.get(this)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    pictogram: str | None = None
    description: str | None = None
    show_if: Condition = always
    # An answer that stands alone ("I don't know", "It does not matter", "None of these"):
    # among several choices it is never sent together with another answer.
    exclusive: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    # text, textarea, phone, email, phone_or_email, radio, checkboxes, select, confirm
    kind: str
    label: str
    error_required: str | None = None
    hint: str | None = None
    choices: tuple[Choice, ...] = ()
    required: bool = True
    # Required only when this condition holds (a choice, or else a text).
    required_if: Condition | None = None
    # A follow-up that belongs to one answer, like "other" work after choosing "Other".
    show_if: Condition = always
    autocomplete: str | None = None
    max_length: int = 200
    # Health and other special categories (GDPR art. 9): left out of exports and mail.
    sensitive: bool = False
    # A summary row on the check-answers page may use a shorter label, and a note that
    # explains a hard word in it.
    summary_label: str | None = None
    summary_note: str | None = None
    # A long list a person can narrow by what they know (a postcode or a town): given
    # the words typed, returns what was found (see places.py).
    finder: Callable[[str | None], Found | None] | None = None
    # The words typed to search, kept as the answer to a later question (the postcode or
    # town), so that the person is not asked them twice.
    search_kept_as: str | None = None

    @property
    def has_choices(self) -> bool:
        return self.kind in {"radio", "checkboxes", "select"}

    @property
    def takes_several(self) -> bool:
        return self.kind == "checkboxes"

    def is_required(self, answers: Answers) -> bool:
        if not self.show_if(answers):
            return False
        if self.required_if is not None:
            return self.required_if(answers)
        return self.required

    def visible_choices(self, answers: Answers) -> list[Choice]:
        return [choice for choice in self.choices if choice.show_if(answers)]

    def alone_among(self, values: list[str]) -> Choice | None:
        """The answer that stands alone when it was chosen together with others."""
        if len(values) < 2:
            return None
        return next((c for c in self.choices if c.exclusive and c.value in values), None)

    def choice(self, value: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.value == value), None)


@dataclass(frozen=True)
class Step:
    key: str
    question: str
    fields: tuple[Field, ...]
    pictogram: str | None = None
    hint: str | None = None
    # Why we ask, when it is not obvious.
    why: str | None = None
    # A box of reassurance shown under the question (the pension stays, who sees health).
    reassurance: str | None = None
    optional: bool = False
    show_if: Condition = always
    # A question for the helper, not the person: no "read it aloud" hint on it.
    speaks_to_helper: bool = False
    # Answers kept on the device and offered again (a helper's own details).
    remembered_on_device: bool = False
    # A link to read more: (endpoint, words).
    read_more: tuple[str, str] | None = None
    # The number KLAPjob calls from (a setting), shown when it is set: a person picks up.
    shows_number_we_call_from: bool = False

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def heading_field(self) -> Field | None:
        """The field whose label is the page's question: its legend or label is the page
        heading. A page of several separate questions (the helper's details) has none."""
        first = self.fields[0]
        return first if len(self.fields) == 1 or first.label == self.question else None
