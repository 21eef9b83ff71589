"""A finish line that stays put: the total a person sees on the questions never changes
along their way, whichever way it goes, and the start page says the same number."""

import re

import pytest

from pages import location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor

UNDER_18_BY_EMAIL_NO_STU = {
    **MYSELF_IN_AARHUS,
    "contact": {"contact_method": "email"},
    "email": {"email": "sofie@mail.dk"},
    "age": {"age_group": "under_18"},
    "activity": {"activity": ["home"]},
    "support": {"support": ["dont_know"]},
}
HELPED_BY_A_PARENT_WHO_IS_CALLED = {
    **HELPED_BY_SUPPORT_WORKER,
    "helper": {**HELPED_BY_SUPPORT_WORKER["helper"], "helper_role": "relative"},
    "activity": {"activity": ["workshop"]},
    "support": {"support": ["wages"]},
}
WAYS = {
    "on her own, with STU and pension": MYSELF_IN_AARHUS,
    "with a support worker": HELPED_BY_SUPPORT_WORKER,
    "under 18, by email, at home": UNDER_18_BY_EMAIL_NO_STU,
    "with a parent, at a workshop, on wages": HELPED_BY_A_PARENT_WHO_IS_CALLED,
}


def numbers_in(text):
    return [int(n) for n in re.findall(r"\d+", text)]


def the_start_page_says(visitor):
    start = visitor.open("/")
    [line] = [li for li in start.soup.select(".picture-list li") if "Der er" in li.get_text()]
    assert "cirka" not in line.get_text(), "a finish line is a number, not a guess"
    [count] = numbers_in(line.get_text())
    return count


def walk(visitor, answers_by_step):
    """Answer each page in the order the site shows them; (page, number, total) on each."""
    seen = []
    path = "/register/who"
    while path != "/register/check":
        key = path.rsplit("/", 1)[-1]
        progress = visitor.open(path).soup.select_one(".progress").get_text(" ", strip=True)
        number, total = numbers_in(progress)[:2]
        seen.append((key, number, total))
        response = visitor.answer(key, answers_by_step[key])
        assert response.status_code == 302, key
        path = location_path(response)
    return seen


@pytest.mark.parametrize("way", WAYS, ids=list(WAYS))
def test_the_total_never_changes_and_is_what_the_start_page_said(client, way):
    visitor = Visitor(client)
    promised = the_start_page_says(visitor)
    seen = walk(visitor, WAYS[way])
    totals = {total for _key, _number, total in seen}
    assert totals == {promised}, seen
    numbers = [number for _key, number, _total in seen]
    assert numbers == sorted(numbers), "the person only ever moves forward"
    assert numbers[0] == 1 and numbers[-1] == promised, "from the first to the last"


def test_changing_an_answer_on_the_way_does_not_move_the_finish_line(client):
    """She starts on her own, goes back and says someone helps her after all."""
    visitor = Visitor(client)
    promised = the_start_page_says(visitor)
    visitor.answer("who", {"filled_by": "self"})
    before = visitor.open("/register/name").soup.select_one(".progress").get_text()
    visitor.answer("who", {"filled_by": "helper"})
    after = visitor.open("/register/helper").soup.select_one(".progress").get_text()
    assert numbers_in(before)[1] == numbers_in(after)[1] == promised


def test_each_page_names_the_part_it_belongs_to(client):
    visitor = Visitor(client)
    assert visitor.open("/register/who").soup.select_one(".progress").get_text(" ", strip=True) == (
        "Del 1 af 4: Om dig"
    )
    assert visitor.open("/register/work").soup.select_one(".progress").get_text(
        " ", strip=True
    ) == ("Del 3 af 4: Arbejde")
