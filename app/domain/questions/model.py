"""The shapes of the journey's data: a step asks one question through one or more fields."""

from collections.abc import Callable
from dataclasses import dataclass

Answers = dict  # field name -> str, or list of str for a field with several choices


def always(_answers):
    return True


def answer_is(name, *values):
    """A condition: the answer to `name` is one of `values` (or contains one, for lists)."""

    def condition(answers):
        given = answers.get(name)
        if isinstance(given, list):
            return any(value in given for value in values)
        return given in values

    # Kept so that a page can show or hide a follow-up question as the person chooses.
    condition.answer_name, condition.answer_values = name, values
    return condition


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    pictogram: str | None = None
    description: str | None = None
    show_if: Callable[[Answers], bool] = always


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
    required_if: Callable[[Answers], bool] | None = None
    # A follow-up that belongs to one answer, like "other" work after choosing "Other".
    show_if: Callable[[Answers], bool] = always
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
    finder: Callable | None = None

    @property
    def has_choices(self):
        return self.kind in {"radio", "checkboxes", "select"}

    @property
    def takes_several(self):
        return self.kind == "checkboxes"

    def is_required(self, answers):
        if not self.show_if(answers):
            return False
        if self.required_if is not None:
            return self.required_if(answers)
        return self.required

    def visible_choices(self, answers):
        return [choice for choice in self.choices if choice.show_if(answers)]

    def choice(self, value):
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
    show_if: Callable[[Answers], bool] = always
    # A question for the helper, not the person: no "read it aloud" hint on it.
    speaks_to_helper: bool = False
    # Answers kept on the device and offered again (a helper's own details).
    remembered_on_device: bool = False
    # A link to read more: (endpoint, words).
    read_more: tuple | None = None

    @property
    def field_names(self):
        return [f.name for f in self.fields]

    @property
    def heading_field(self):
        """The field whose label is the page's question: its legend or label is the page
        heading. A page of several separate questions (the helper's details) has none."""
        first = self.fields[0]
        return first if len(self.fields) == 1 or first.label == self.question else None
