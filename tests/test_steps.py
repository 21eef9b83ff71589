"""The list of steps is data: check it as data, so a new question cannot be half made."""

import pytest

from app.domain.municipalities import MUNICIPALITIES, municipalities_by_name
from app.domain.pictograms import PICTURES, pictogram_file
from app.domain.questions.steps import STEPS, STEPS_BY_KEY

ALL_FIELDS = [spec for step in STEPS for spec in step.fields]


def test_step_keys_and_field_names_are_unique():
    assert len(STEPS_BY_KEY) == len(STEPS)
    names = [spec.name for spec in ALL_FIELDS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("spec", ALL_FIELDS, ids=lambda spec: spec.name)
def test_every_required_field_says_what_to_do_when_empty(spec):
    if spec.required or spec.required_if:
        assert spec.error_required, f"{spec.name} needs a message for an empty answer"


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.key)
def test_every_step_and_choice_has_a_known_pictogram_or_none(step):
    assert step.pictogram in PICTURES
    for spec in step.fields:
        for choice in spec.choices:
            assert choice.pictogram is None or choice.pictogram in PICTURES


def test_one_concept_one_pictogram_and_every_file_exists():
    pictures = list(PICTURES.values())
    assert len(pictures) == len(set(pictures)), "two concepts share a picture"
    for concept in PICTURES:
        assert pictogram_file(concept).is_file(), concept


def test_the_same_answer_has_the_same_picture_everywhere():
    pictures = {}
    for spec in ALL_FIELDS:
        for choice in spec.choices:
            if choice.pictogram:
                pictures.setdefault(str(choice.label), set()).add(choice.pictogram)
    assert {label: p for label, p in pictures.items() if len(p) > 1} == {}


def test_all_98_municipalities_in_danish_order():
    assert len(MUNICIPALITIES) == 98
    names = [name for _, name in municipalities_by_name()]
    assert names[0] == "Aabenraa"
    assert names[-1] == "Ærø", "Æ, Ø and Å come after Z"


def test_the_work_wishes_offer_the_kinds_of_work_klapjob_finds():
    offered = {choice.value for choice in STEPS_BY_KEY["work"].fields[0].choices}
    assert {
        "kitchen",
        "shop",
        "cleaning",
        "warehouse",
        "garden",
        "animals",
        "office",
        "elderly_care",
        "children",
        "cafe",
        "laundry",
        "workshop",
        "transport_post",
        "other",
    } <= offered


def test_at_least_ten_things_that_help_at_work():
    assert len(STEPS_BY_KEY["needs"].fields[0].choices) >= 10
