"""Pictures that mean what they say: the rules a program can check. (Whether a picture
reads right is checked by looking: see docs/screenshots.)"""

import pytest

from app.domain.pictograms import OPENMOJI_CODES
from app.domain.questions.steps import STEPS

# Pictures the content review found misleading for our readers: a star for ambassadors,
# a health worker for support workers, a hug for bad days, a turtle for a slow start, a
# shushing face for quiet, a thumbs-up for "it does not matter", a bus stop for help with
# transport, a world map for the trip, look-alike calendars and a sunset beside a sunrise.
MISLEADING = {
    "2B50",
    "1F9D1-200D-2695-FE0F",
    "1F917",
    "1F422",
    "1F92B",
    "1F44D",
    "1F68F",
    "1F5FA",
    "1F4C6",
    "1F307",
}
PUSHING_A_WHEELCHAIR = "E083"


def test_no_misleading_picture_is_used():
    assert MISLEADING.isdisjoint(OPENMOJI_CODES.values())


def test_a_helper_is_not_drawn_pushing_a_wheelchair():
    helper_pictures = {OPENMOJI_CODES[c] for c in ("helper", "support_worker", "ambassador")}
    assert PUSHING_A_WHEELCHAIR not in helper_pictures


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.key)
def test_the_heading_picture_is_not_one_of_the_answers(step):
    answers = {c.pictogram for spec in step.fields for c in spec.choices}
    assert step.pictogram not in answers


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.key)
def test_the_answers_to_a_question_have_different_pictures(step):
    for spec in step.fields:
        pictures = [c.pictogram for c in spec.choices if c.pictogram]
        assert len(pictures) == len(set(pictures)), spec.name


def test_one_picture_means_one_thing_everywhere():
    """A picture used for an answer always stands for the same answer: "cooking" as
    something you like is not the kitchen as a place to work."""
    meanings = {}
    for step in STEPS:
        for spec in step.fields:
            for choice in spec.choices:
                if choice.pictogram:
                    meanings.setdefault(choice.pictogram, set()).add(choice.value)
    assert {p: v for p, v in meanings.items() if len(v) > 1} == {}
