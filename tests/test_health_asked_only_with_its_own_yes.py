"""Health is asked in one place, under its own yes (GDPR art. 9): an answer that says a person
is ill or on sick leave is health too, so no question outside a sensitive field may offer it
(it would be kept, shown and exported as an ordinary answer)."""

from app.domain.questions.steps import STEPS

HEALTH_WORDS = ("sick", "diagnos", "syg")


def test_no_ordinary_answer_says_that_the_person_is_ill():
    ordinary_health_answers = [
        f"{field.name}={choice.value}"
        for step in STEPS
        for field in step.fields
        if not field.sensitive
        for choice in field.choices
        if any(word in choice.value for word in HEALTH_WORDS)
    ]
    assert ordinary_health_answers == []
