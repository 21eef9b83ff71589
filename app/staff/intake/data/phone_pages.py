"""The journey's questions on a few pages for a consultant with a person on the phone.

A page begins at its first step and runs to the next page's first step, as the journey's
parts do (app/domain/questions/parts.py): the questions, their order and their checks stay
the journey's own, and a new step falls into a page. A step that depends on an answer on
its own page (the phone number after "Call me") stands on the page and shows as the answer
is chosen; the server asks only the steps that apply once the page's answers are in.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.domain.questions.model import AnswerIs, Answers, Choice, Field, Step
from app.domain.questions.steps import STEPS


@dataclass(frozen=True)
class PhonePage:
    number: int
    title: str
    starts_at: str  # the key of its first step
    steps: tuple[Step, ...]

    @property
    def field_names(self) -> set[str]:
        return {name for step in self.steps for name in step.field_names}

    def shown_with(self, condition: object) -> tuple[str, tuple[str, ...]] | None:
        """(field name, values) when `condition` is an answer on this page: the page shows
        what depends on it as it is chosen. None when it depends on nothing here."""
        if isinstance(condition, AnswerIs) and condition.answer_name in self.field_names:
            return condition.answer_name, condition.answer_values
        return None

    def steps_asked(self, answers: Answers) -> list[Step]:
        """The steps that apply to this person, given the answers with this page's in."""
        return [step for step in self.steps if step.show_if(answers)]

    def steps_on_page(self, answers: Answers) -> list[Step]:
        """The steps that stand on the page: those that apply, and those that may apply
        once an answer on the page is chosen."""
        return [
            step for step in self.steps if step.show_if(answers) or self.shown_with(step.show_if)
        ]

    def choices_offered(self, spec: Field, answers: Answers) -> list[tuple[Choice, object]]:
        """The field's choices the page offers, each with what reveals it (an answer on
        this page), or None when it is offered already."""
        return [
            (choice, None if choice.show_if(answers) else self.shown_with(choice.show_if))
            for choice in spec.choices
            if choice.show_if(answers) or self.shown_with(choice.show_if)
        ]


TITLES = (
    ("who", _l("The person and contact")),
    ("activity", _l("Now and the work they want")),
    ("hours", _l("Hours, days and transport")),
    ("needs", _l("Support, health and the meeting")),
)


def _pages() -> tuple[PhonePage, ...]:
    keys = [step.key for step in STEPS]
    starts = [keys.index(first) for first, _title in TITLES] + [len(STEPS)]
    return tuple(
        PhonePage(number, title, first, STEPS[starts[number - 1] : starts[number]])
        for number, (first, title) in enumerate(TITLES, start=1)
    )


PHONE_PAGES = _pages()
PAGE_OF_STEP = {step.key: page.number for page in PHONE_PAGES for step in page.steps}


def phone_page(number: int) -> PhonePage | None:
    return PHONE_PAGES[number - 1] if 1 <= number <= len(PHONE_PAGES) else None
