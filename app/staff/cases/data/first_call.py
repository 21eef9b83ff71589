"""The first call on one screen: what a consultant needs in front of them when they call
a person for the first time, worked out from the answers once."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.core.phone import normalise_phone
from app.domain.questions.first_call import BEFORE_YOU_CALL
from app.domain.questions.flow import visible_steps
from app.domain.questions.model import Answer, Answers, text_answer
from app.domain.questions.steps import FIELDS_BY_NAME
from app.domain.questions.summary import ShownAnswer, SummaryRow, shown_answers
from app.staff.core.access import RegistrationRow

DONT_KNOW = "dont_know"
# In the order a first call goes: who they are, what they have now, what they want.
OVERVIEW_FIELDS = (
    "age_group",
    "activity",
    "stu_end",
    "support",
    "work_wishes",
    "hours",
    "needs",
    *BEFORE_YOU_CALL,
)
HEALTH_NOT_KEPT = _l(
    "Not kept: the person wrote about their health but did not say yes to keeping it"
)


@dataclass
class Helper:
    """Who helped the person answer: their name, what they are to the person, and how to
    reach them, offered only where the person said yes to KLAPjob contacting them."""

    name: str
    role: str
    contact: str
    may_be_contacted: bool

    @property
    def contact_link(self) -> str | None:
        """A mail or call link for the contact the helper wrote, when it is one."""
        if "@" in self.contact:
            return f"mailto:{self.contact.strip()}"
        phone = normalise_phone(self.contact)
        return f"tel:{phone}" if phone else None


@dataclass
class Overview:
    facts: list = field(default_factory=list)  # (label, [ShownAnswer]), in call order
    under_18: bool = False
    dont_know: list = field(default_factory=list)  # labels of the questions to ask about
    health_withheld: bool = False
    helper: Helper | None = None
    said: list = field(default_factory=list)  # labels of the answers said, not written
    # Asked KLAPjob to call without answering the questions: only a name, a number, a
    # municipality and perhaps when to call are known.
    asked_to_be_called: bool = False


def is_dont_know(value: Answer | None) -> bool:
    return value == DONT_KNOW or (isinstance(value, list) and DONT_KNOW in value)


def questions_answered_dont_know(answers: Answers) -> list:
    labels = []
    for step in visible_steps(answers):
        for spec in step.fields:
            if spec.show_if(answers) and is_dont_know(answers.get(spec.name)):
                labels.append(str(spec.summary_label or spec.label))
    return labels


def answered(answers: Answers, names: Iterable[str]) -> list[tuple[str, list[ShownAnswer]]]:
    """(label, shown answers) of the fields in `names` the person answered, in that order."""
    rows = []
    for name in names:
        spec = FIELDS_BY_NAME[name]
        shown = shown_answers(spec, answers.get(name))
        if shown:
            rows.append((spec.summary_label or spec.label, shown))
    return rows


def said_in_own_voice(recorded_fields: Iterable[str]) -> list[str]:
    """The labels of the answers the person recorded; health only by its own rule (the
    players below), never named here."""
    specs = [FIELDS_BY_NAME[name] for name in recorded_fields]
    return [spec.summary_label or spec.label for spec in specs if not spec.sensitive]


def first_call_overview(
    row: RegistrationRow,
    answers: Answers,
    recorded_fields: Iterable[str] = (),
    *,
    asked_to_be_called: bool = False,
) -> Overview:
    return Overview(
        asked_to_be_called=asked_to_be_called,
        said=said_in_own_voice(recorded_fields),
        facts=answered(answers, OVERVIEW_FIELDS),
        under_18=answers.get("age_group") == "under_18",
        dont_know=questions_answered_dont_know(answers),
        health_withheld=bool(row.health_withheld),
        helper=helper_of(row, answers),
    )


def helper_of(row: RegistrationRow, answers: Answers) -> Helper | None:
    if row.filled_by != "helper":
        return None
    role = shown_answers(FIELDS_BY_NAME["helper_role"], answers.get("helper_role"))
    return Helper(
        name=text_answer(answers, "helper_name"),
        role=", ".join(answer.text for answer in role),
        contact=text_answer(answers, "helper_contact"),
        may_be_contacted=bool(row.consent_contact_helper),
    )


def mark_health_not_kept(summary_rows: list[SummaryRow], row: RegistrationRow) -> list[SummaryRow]:
    """Where the person wrote about their health without a yes, the health answer says
    so, never "Not answered"."""
    if not row.health_withheld:
        return summary_rows
    for summary_row in summary_rows:
        if FIELDS_BY_NAME[summary_row.field_name].sensitive:
            summary_row.answers = [ShownAnswer(str(HEALTH_NOT_KEPT))]
    return summary_rows
