"""The questions a job consultant needs at the first call, as data for steps.py.

Each group stands where it belongs in the journey (steps.py splices them in): how and when
KLAPjob may call, where the person lives, a parent for someone under 18, a guardian, where
the person is in the Danish system, and who comes to the first meeting. Every sentence
rests on ../shared/domain.md: no promise of an interpreter, a parent involved and never a
refusal, the job centre's own words for its programmes, each explained beside it.
"""

from typing import Any

from flask_babel import lazy_gettext as _l

from app.domain.questions import choices
from app.domain.questions.model import Choice, Field, Step, answer_is, both_or_neither

wants_a_call = answer_is("contact_method", "phone")


def may_skip(
    key: str,
    question: str,
    kind: str,
    summary_label: str,
    *,
    offered: tuple[Choice, ...] = (),
    field: dict[str, Any] | None = None,
    **step: Any,
) -> Step:
    """A question a person may skip, answered in one field of its own name and words."""
    answer = Field(
        key,
        kind,
        question,
        required=False,
        summary_label=summary_label,
        choices=offered,
        **(field or {}),
    )
    return Step(key=key, question=question, pictogram=key, optional=True, fields=(answer,), **step)


# The time of day KLAPjob may call: KLAPjob calls in the daytime, so no evening.
CALL_TIMES = (
    Choice("morning", _l("In the morning"), "morning"),
    Choice("midday", _l("In the middle of the day"), "midday"),
    Choice("afternoon", _l("In the afternoon"), "afternoon"),
    choices.IT_DOES_NOT_MATTER,
)

RESOURCE_PROGRAMME_IS = _l("A plan from the municipality. It lasts 1 to 5 years.")
FLEX_JOB_IS = _l("A flex job is a job with fewer hours.")
SUBSIDISED_JOB_IS = _l(
    "A subsidised job is a job with pay for people on disability pension.\n"
    "Disability pension is money some people get each month.\n"
    "The municipality gives it.\n"
    "You can ask us about it."
)

# Where the person is in the system: the job centre's words, each explained. Not sick
# leave: that is health (GDPR art. 9), told only under the health question and its own yes;
# nor a jobafklaringsforløb, which is only for people on sick leave and so tells the same.
IN_THE_SYSTEM = (
    Choice(
        "resource_programme",
        _l("A resource programme (ressourceforløb)"),
        "resource_programme",
        RESOURCE_PROGRAMME_IS,
    ),
    Choice("in_flexjob", _l("I have a flex job (fleksjob)"), "in_flexjob", FLEX_JOB_IS),
    Choice(
        "in_skanejob", _l("I have a subsidised job (skånejob)"), "in_skanejob", SUBSIDISED_JOB_IS
    ),
    Choice("none", _l("None of these"), "none", exclusive=True),
    choices.DONT_KNOW,
)

MEETING_COMPANY = (
    Choice("self", _l("I come on my own"), "myself", exclusive=True),
    choices.RELATIVE,
    choices.SUPPORT_WORKER,
    choices.GUARDIAN,
    choices.SOMETHING_ELSE,
    choices.DONT_KNOW,
)

# Asked of those who want a call, after their phone number.
CALLS = (
    may_skip(
        "call_time",
        _l("When is a good time to call you?"),
        "checkboxes",
        _l("Good time to call"),
        offered=CALL_TIMES,
        hint=_l("You may choose more than 1. You may also skip this question."),
        show_if=wants_a_call,
        shows_number_we_call_from=True,
    ),
    may_skip(
        "voicemail",
        _l("May KLAPjob leave a message if you do not answer?"),
        "radio",
        _l("KLAPjob may leave a message"),
        offered=choices.YES_NO_DONT_KNOW,
        hint=_l("Then you can listen to the message later."),
        show_if=wants_a_call,
    ),
)

# After the municipality: the town says more about a trip to work than the municipality.
PLACE = (
    may_skip(
        "place",
        _l("What is your postcode or your town?"),
        "text",
        _l("Postcode or town"),
        field={"autocomplete": "postal-code", "max_length": 60},
        hint=_l("For example 8000 or Aarhus."),
        why=_l("Then KLAPjob can look for work near you."),
    ),
)

# After the age: a parent for someone under 18, and a guardian for anyone.
FAMILY = (
    Step(
        key="parent",
        question=_l("Which of your parents can KLAPjob talk with?"),
        pictogram="parents",
        why=_l("You are under 18.\nThen KLAPjob also talks with one of your parents."),
        optional=True,
        show_if=answer_is("age_group", "under_18"),
        fields=(
            Field(
                "parent_name",
                "text",
                _l("Your parent's name (optional)"),
                error_required=_l("Write your parent's name"),
                required=False,
                required_if=both_or_neither("parent_name", "parent_phone"),
                autocomplete="off",
                max_length=100,
                summary_label=_l("Parent"),
            ),
            Field(
                "parent_phone",
                "phone",
                _l("Your parent's phone number (optional)"),
                error_required=_l("Write your parent's phone number"),
                hint=_l("For example 20 30 40 50"),
                required=False,
                required_if=both_or_neither("parent_phone", "parent_name"),
                autocomplete="off",
                max_length=30,
                summary_label=_l("Parent's phone number"),
            ),
        ),
    ),
    may_skip(
        "guardian",
        _l("Do you have a guardian (værge)?"),
        "radio",
        _l("Guardian (værge)"),
        offered=choices.YES_NO_DONT_KNOW,
        hint=_l(
            "A guardian (værge) helps you decide some things.\n"
            "For example about money.\n"
            "You are still asked."
        ),
    ),
)

# After the money each month: where the person is with the job centre.
SYSTEM = (
    may_skip(
        "situation",
        _l("Are you in one of these now?"),
        "checkboxes",
        _l("I am in"),
        offered=IN_THE_SYSTEM,
        hint=_l("You may choose more than 1. You may also skip this question."),
    ),
    may_skip(
        "caseworker",
        _l("Do you have a caseworker at the job centre (jobcenter)?"),
        "radio",
        _l("Caseworker at the job centre"),
        offered=choices.YES_NO_DONT_KNOW,
        field={"summary_note": choices.JOB_CENTRE_IS},
        hint=_l(
            "The job centre (jobcenter) is part of your municipality (kommune).\n"
            "Maybe you have a caseworker there.\n"
            "That is the person who has your case."
        ),
    ),
)

# Near the end: the first meeting with a job consultant.
FIRST_MEETING = (
    may_skip(
        "meeting_company",
        _l("Who comes with you when you meet KLAPjob?"),
        "checkboxes",
        _l("Comes with me to the meeting"),
        offered=MEETING_COMPANY,
        hint=_l(
            "A job consultant from KLAPjob meets you.\n"
            "A job consultant helps you get a job.\n"
            "You may choose more than 1."
        ),
    ),
    Step(
        key="interpreter",
        question=_l("Do you need an interpreter?"),
        pictogram="interpreter",
        hint=_l("An interpreter says what others say in your language.\nOr in sign language."),
        optional=True,
        fields=(
            Field(
                "interpreter",
                "radio",
                _l("Do you need an interpreter?"),
                required=False,
                summary_label=_l("I need an interpreter"),
                choices=choices.YES_NO_DONT_KNOW,
            ),
            Field(
                "interpreter_language",
                "text",
                _l("Which language? (optional)"),
                required=False,
                show_if=answer_is("interpreter", "yes"),
                max_length=100,
                summary_label=_l("Interpreter for"),
            ),
        ),
    ),
)

# The pension question's follow-up: what happens after "Yes, I have questions".
PENSION_QUESTION_TEXT = Field(
    "pension_question_text",
    "textarea",
    _l("What do you want to ask about your pension? (optional)"),
    hint=_l("KLAPjob talks with you about your questions."),
    required=False,
    show_if=answer_is("pension_questions", "yes"),
    max_length=1000,
    summary_label=_l("My questions about my pension"),
)

# What the consultant sees first in "Before you call", in the order a call goes.
BEFORE_YOU_CALL = (
    "call_time",
    "voicemail",
    "parent_name",
    "parent_phone",
    "guardian",
    "place",
    "situation",
    "caseworker",
    "pension_questions",
    "pension_question_text",
    "meeting_company",
    "interpreter",
    "interpreter_language",
)
