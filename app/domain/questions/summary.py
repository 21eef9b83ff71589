"""Answers as a person reads them back: a label, the words, and the pictures they chose."""

from collections.abc import Collection
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.core.phone import format_phone
from app.domain.questions.flow import visible_steps
from app.domain.questions.model import Answer, Answers, Field

NOT_ANSWERED = _l("Not answered")
# An answer the person recorded (app.domain.registrations.voice), with or without words.
SAID_IN_OWN_VOICE = _l("Said in your own voice")


@dataclass
class ShownAnswer:
    text: str
    pictogram: str | None = None
    # The explanation of a hard word in the answer, as the question showed it.
    description: str | None = None


@dataclass
class SummaryRow:
    step_key: str
    field_name: str
    label: str
    answers: list[ShownAnswer]
    note: str | None = None

    @property
    def spoken(self) -> list[str]:
        """What the row's speaker reads, as the row shows it: the question and its note, the
        answers, then what explains a hard word in them (a note under the answers, never
        said as if it were part of one). A colon ends the words a note follows."""
        texts = [self.label + ":" if self.note else self.label, self.note]
        texts += [answer.text for answer in self.answers]
        texts += [answer.description for answer in self.answers]
        return [text for text in texts if text]


def shown_answers(spec: Field, value: Answer | None) -> list[ShownAnswer]:
    """What a person sees for `value`: choice labels with their pictures, numbers as
    people write them, nothing raw."""
    if value in (None, "", []):
        return []
    if spec.has_choices:
        values = value if isinstance(value, list) else [value]
        shown = []
        for item in values:
            choice = spec.choice(item)
            if choice is not None:
                description = str(choice.description) if choice.description else None
                shown.append(ShownAnswer(str(choice.label), choice.pictogram, description))
        return shown
    if spec.kind == "confirm":
        return [ShownAnswer(str(_l("Yes")), "yes")]
    # Only a field with choices takes several answers: any other answer is one text.
    assert isinstance(value, str)
    if spec.kind == "phone" or (spec.kind == "phone_or_email" and "@" not in value):
        return [ShownAnswer(format_phone(value))]
    return [ShownAnswer(value)]


def summary_rows(
    answers: Answers, *, include_sensitive: bool = True, said: Collection[str] = ()
) -> list[SummaryRow]:
    """One row per answer. A question left empty shows "Not answered", so the person can
    still add it; an empty follow-up text (like "tell more") is left out unless it was
    said: the fields in `said` have a recording, and say so."""
    rows = []
    for step in visible_steps(answers):
        for position, spec in enumerate(step.fields):
            if not spec.show_if(answers) or (spec.sensitive and not include_sensitive):
                continue
            shown = shown_answers(spec, answers.get(spec.name))
            if spec.name in said:
                shown.append(ShownAnswer(str(SAID_IN_OWN_VOICE)))
            if not shown:
                if position > 0:
                    continue
                shown = [ShownAnswer(str(NOT_ANSWERED))]
            label = spec.summary_label or spec.label  # the site's words (site_text.py)
            note = spec.summary_note or None
            rows.append(SummaryRow(step.key, spec.name, label, shown, note))
    return rows
