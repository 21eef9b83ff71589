"""What the registration page needs to offer and show corrections: the questions that may
be corrected, and an answer, a question and a way of saying yes in words."""

from app.domain.questions.flow import visible_steps
from app.domain.questions.steps import FIELDS_BY_NAME, STEPS
from app.domain.questions.summary import shown_answers
from app.staff.cases.data.answer_corrections import may_correct
from app.staff.cases.forms.corrections import HOW_GIVEN


class AnswerWords:
    """What the registration page's history needs to show a correction."""

    def label(self, name):
        spec = FIELDS_BY_NAME.get(name)
        return (spec.summary_label or spec.label) if spec else name

    def is_health(self, name):
        spec = FIELDS_BY_NAME.get(name)
        return spec is None or spec.sensitive

    def text(self, name, value):
        spec = FIELDS_BY_NAME.get(name)
        if spec is None or value in (None, "", []):
            return "–"
        return ", ".join(str(answer.text) for answer in shown_answers(spec, value))

    def step_name(self, step):
        spec = step.fields[0]
        return spec.summary_label or spec.label or step.question

    def way(self, key):
        return HOW_GIVEN.get(key, key)


# Each answer's question page: {answer name: step key}.
STEP_OF = {spec.name: step.key for step in STEPS for spec in step.fields}


def correctable_steps(registration, answers):
    """The questions the person was asked, that may be corrected here."""
    return [step for step in visible_steps(answers) if may_correct(registration, step)]
