"""Where a person goes next: which steps apply to them, and which are still to answer."""

from collections.abc import Collection

from app.domain.questions.model import Answer, Answers, Field, Step
from app.domain.questions.steps import STEPS

CHECK_ANSWERS = "check"


def visible_steps(answers: Answers) -> list[Step]:
    return [step for step in STEPS if step.show_if(answers)]


def step_after(step: Step, answers: Answers) -> str:
    """The key of the step after `step` for this person, or CHECK_ANSWERS at the end."""
    visible = visible_steps(answers)
    keys = [s.key for s in visible]
    later = [s for s in STEPS[STEPS.index(step) + 1 :] if s.key in keys]
    return later[0].key if later else CHECK_ANSWERS


def position(step: Step, answers: Answers) -> tuple[int, int]:
    """(number, total): "Question 3 of 17" for this person, whose questions may be fewer."""
    keys = [s.key for s in visible_steps(answers)]
    return keys.index(step.key) + 1, len(keys)


def step_before(step: Step, answers: Answers) -> str | None:
    """The key of the step before `step` for this person, or None on the first one."""
    earlier = [s for s in STEPS[: STEPS.index(step)] if s.show_if(answers)]
    return earlier[-1].key if earlier else None


def shows_helper_hint(step: Step, answers: Answers) -> bool:
    """When a helper fills in, the questions still speak to the person beside them, and
    the helper is reminded to read each one aloud."""
    return answers.get("filled_by") == "helper" and not step.speaks_to_helper


def first_unfinished(answers: Answers, completed: Collection[str]) -> str:
    """The first step this person still has to answer, or CHECK_ANSWERS when all are done."""
    for step in visible_steps(answers):
        if step.key not in completed:
            return step.key
    return CHECK_ANSWERS


def next_after_saving(
    step: Step, answers: Answers, completed: Collection[str], *, changing: bool
) -> str:
    """After a change from the check-answers page, go back there unless the change
    opened a question that still needs an answer; otherwise go on in order."""
    if changing:
        return first_unfinished(answers, completed)
    return step_after(step, answers)


def answers_to_send(answers: Answers) -> dict[str, Answer]:
    """Only the answers to questions this person was asked: a helper's details are
    dropped when the person later said they answer for themselves."""
    kept: dict[str, Answer] = {}
    for step in visible_steps(answers):
        for spec in step.fields:
            value = kept_value(spec, answers.get(spec.name), answers)
            if value not in (None, "", []):
                kept[spec.name] = value
    return kept


def kept_value(spec: Field, value: Answer | None, answers: Answers) -> Answer | None:
    if value is None or not spec.show_if(answers):
        return None
    if not spec.has_choices:
        return value
    offered = {choice.value for choice in spec.visible_choices(answers)}
    if spec.takes_several:
        return [v for v in value if v in offered]
    return value if value in offered else None
