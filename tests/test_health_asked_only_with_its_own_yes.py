"""Health is asked in one place, under its own yes (GDPR art. 9): an answer that says a person
is ill or on sick leave is health too, so no question outside a sensitive field may offer it
(it would be kept, shown and exported as an ordinary answer). A choice tells what its words
say: its value, its label and the explanation beside it, in every language the site speaks.
A jobafklaringsforløb is for people on sick leave whose sickness benefit has run out, so
choosing it tells the same."""

import pytest
from flask_babel import force_locale

from app.domain.questions.steps import STEPS

HEALTH_WORDS = ("sick", "diagnos", "syg", "jobafklaring", "job clarification")


def words_of(choice):
    texts = (choice.value, choice.label, choice.description or "")
    return " ".join(str(text) for text in texts).lower()


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_ordinary_answer_says_that_the_person_is_ill(app, language):
    with app.test_request_context(), force_locale(language):
        ordinary_health_answers = [
            f"{field.name}={choice.value}: {words_of(choice)}"
            for step in STEPS
            for field in step.fields
            if not field.sensitive
            for choice in field.choices
            if any(word in words_of(choice) for word in HEALTH_WORDS)
        ]
    assert ordinary_health_answers == []
