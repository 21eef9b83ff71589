"""Pictures that mean what they say: the rules a program can check. (Whether a picture
reads right is checked by looking: docs/pictures.md and its contact sheet.)"""

import hashlib
import re
from pathlib import Path

import pytest

from app.domain.pictograms import MULBERRY_FOLDER, PICTURES, SOURCES, pictogram_file
from app.domain.questions.steps import STEPS

# Pictures the content reviews found misleading for our readers: a star for ambassadors,
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
# The second review (issue 21): a crossed-out loudspeaker for "a quiet place" beside the
# Listen buttons, a clock for fleksjob beside the clock of "in the afternoon", a dollar
# note for wages, a temple for the municipality's money, people for "not too many people",
# a beach umbrella for the weekend, a person pushed in a wheelchair for helping others,
# tools for "what you do on a weekday" beside the workshop's hammer, a factory for a
# sheltered workshop, rain for bad days and a lifebuoy for what helps at work.
MISLEADING_TOO = {
    "1F507",
    "E0AB",
    "1F4B5",
    "1F3DB",
    "1F465",
    "1F3D6",
    "E083",
    "1F6E0",
    "1F3ED",
    "1F326",
    "1F6DF",
}
CONCEPTS = list(PICTURES)


def picture_bytes(concept):
    return pictogram_file(concept).read_bytes()


def openmoji_codes():
    return {p.names[0] for p in PICTURES.values() if p.source == "openmoji"}


def test_no_misleading_picture_is_used():
    assert (MISLEADING | MISLEADING_TOO).isdisjoint(openmoji_codes())


def test_every_concept_has_its_own_picture_file():
    files = [str(pictogram_file(concept)) for concept in CONCEPTS]
    assert len(files) == len(set(files))


def test_no_two_concepts_show_the_same_picture_under_two_names():
    seen = {}
    for concept in CONCEPTS:
        seen.setdefault(hashlib.sha256(picture_bytes(concept)).hexdigest(), []).append(concept)
    assert [names for names in seen.values() if len(names) > 1] == []


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.key)
def test_the_heading_picture_is_not_one_of_the_answers(step):
    answers = {c.pictogram for spec in step.fields for c in spec.choices if c.pictogram}
    assert step.pictogram not in answers
    assert picture_bytes(step.pictogram) not in {picture_bytes(a) for a in answers}


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


@pytest.mark.parametrize("concept", CONCEPTS)
def test_every_picture_says_where_it_is_from_and_its_licence(concept):
    picture = PICTURES[concept]
    source = SOURCES[picture.source]
    assert source.licence == "CC BY-SA 4.0"
    assert source.url.startswith("https://") and source.licence_url.startswith("https://")
    assert picture.names
    if picture.source == "mulberry":
        # Share-alike: the original beside our copy, the licence with them, what we changed.
        assert (MULBERRY_FOLDER / "LICENSE.txt").is_file()
        for name in picture.names:
            assert (MULBERRY_FOLDER / "original" / f"{name}.svg").is_file(), name
        assert picture.changes


def test_the_mulberry_folder_holds_only_pictures_the_site_uses():
    used = {name for p in PICTURES.values() if p.source == "mulberry" for name in p.names}
    originals = {path.stem for path in (MULBERRY_FOLDER / "original").glob("*.svg")}
    assert originals == used
    made = {path.stem for path in MULBERRY_FOLDER.glob("*.svg")}
    assert made == {c for c, p in PICTURES.items() if p.source == "mulberry"}


@pytest.mark.parametrize("concept", CONCEPTS)
def test_a_picture_is_only_shapes(concept):
    """No script, no style (the site's CSP has no 'unsafe-inline', also for a picture opened
    on its own), nothing fetched from elsewhere, no text that needs a font: 72 x 72 like
    every other picture."""
    svg = picture_bytes(concept).decode()
    for forbidden in ("<script", "<style", "style=", "<foreignObject", "<image", "<text"):
        assert forbidden not in svg, forbidden
    assert not re.search(r"\son\w+\s*=", svg)
    assert not re.search(r"href\s*=\s*\"(?!#)", svg)
    assert 'viewBox="0 0 72 72"' in svg


@pytest.mark.parametrize(("concept", "letters"), [("weekdays", "M T O T F"), ("weekend", "L S")])
def test_the_week_pictures_carry_danish_day_letters(concept, letters):
    """Mulberry's week says M T W Th F and its weekend S Su: ours say mandag to fredag, and
    lørdag and søndag. The English letters are one path in the original: it is gone."""
    picture = PICTURES[concept]
    assert picture.source == "mulberry" and letters in picture.changes
    original = Path(MULBERRY_FOLDER / "original" / f"{picture.names[0]}.svg").read_text()
    english = re.search(r'<path (?=[^>]*fill="#231f20")[^>]*\bd="([^"]+)"', original).group(1)
    assert english[:40] not in picture_bytes(concept).decode()


@pytest.mark.parametrize(
    ("language", "danish_days"),
    [("da", "Dagene i ugen står på dansk"), ("en", "the days of the week are in Danish")],
)
def test_the_about_page_credits_mulberry_with_its_licence(client, get_page, language, danish_days):
    client.get(f"/language/{language}?next=/about")
    page = get_page("/about")
    links = {a.get_text(" ", strip=True): a["href"] for a in page.soup.find("main").find_all("a")}
    assert links["Mulberry Symbols"] == "https://mulberrysymbols.org"
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in links.values()
    assert any("CC BY-SA 4.0" in text for text in links)
    assert "Mulberry Symbols" in page.text() and danish_days in page.text()
