"""The journey in named parts: "Part 2 of 4: What you do now".

A person's questions depend on their answers (a helper's details, the phone or email, the
end of STU, the pension), so a count of questions would move as they answer. The parts do
not: every person goes through the same 4, and the start page says so. A part begins at
its first step and runs to the next part's first step, so a new step falls into a part.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.domain.questions.model import Step
from app.domain.questions.steps import STEPS


@dataclass(frozen=True)
class Part:
    name: str
    starts_at: str  # the key of its first step


PARTS = (
    Part(_l("About you"), "who"),
    Part(_l("What you do now"), "activity"),
    Part(_l("Work"), "work"),
    Part(_l("The last questions"), "health"),
)

_FIRST_STEPS = [next(i for i, s in enumerate(STEPS) if s.key == p.starts_at) for p in PARTS]


def part_of(step: Step) -> tuple[int, int, str]:
    """(number, total, name) of the part `step` belongs to: the same total for everybody."""
    index = STEPS.index(step)
    number = sum(1 for first in _FIRST_STEPS if first <= index)
    return number, len(PARTS), PARTS[number - 1].name
