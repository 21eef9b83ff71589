"""Every citizen page can be heard: the whole page from its heading down, and each
question, hint, choice, error message and answer on its own, at the speed the person chose.
A person's own answers are read to them alone, and kept nowhere."""

import copy
import re
from pathlib import Path

import pytest

from app import create_app
from app.domain.questions.steps import STEPS
from app.speech.engine.audio_format import mp3_frames
from pages import Page
from people import MYSELF_IN_AARHUS, Visitor
from site_tour import TOUR_ANSWERS
from staff import TEST_MUNICIPALITIES, register, staff_member

# About synthesis: the app fixture speaks with espeak-ng here (tests/conftest.py).
pytestmark = pytest.mark.real_speech

LISTEN_TO = "Lyt til: "


def controls(page):
    """{target id: control} for the speaker controls on a page."""
    return {
        c["data-listen-target"]: c for c in page.soup.select("[data-listen][data-listen-target]")
    }


def shown_text(page, element_id):
    """The words of an element as a person hears them (controls and "Change" links left out)."""
    return words_of(page.soup.find(id=element_id))


def words_of(element):
    element = copy.copy(element)
    for hidden in element.select("[data-listen-skip], [aria-hidden=true]"):
        hidden.decompose()
    # A soft hyphen (app/web/word_joints.py) is where a long word may break; it is not heard.
    return " ".join(element.get_text(" ").replace("\u00ad", "").split())


def page_blocks(page):
    """The blocks the page is read in, in order, as words."""
    return [words_of(b) for b in page.soup.select("main [data-listen-normal]:not([data-listen])")]


def assert_can_be_heard(page, element_id, listen_to=LISTEN_TO):
    control = controls(page).get(element_id)
    assert control is not None, f"no speaker for #{element_id}"
    text = shown_text(page, element_id)
    player = control.select_one("audio")
    assert player["aria-label"] == listen_to + text
    assert player.has_attr("controls") and player["preload"] == "none"
    assert player["src"] == control[f"data-listen-{player_speed(page)}"]
    button = control.select_one("button.listen__button")
    assert button["type"] == "button" and button["aria-pressed"] == "false"
    assert button.get_text(" ", strip=True) == listen_to + text


def player_speed(page):
    return page.soup.select_one("[data-listen-speed][aria-current]")["data-listen-speed"]


def every_step_page(client):
    """(name, page) for every question, empty and with its errors showing."""
    visitor = Visitor(client)
    # The answers that open a question asked of some people only.
    opened_by = {
        "phone": ("contact", {"contact_method": "phone"}),
        "email": ("contact", {"contact_method": "email"}),
        "call_time": ("contact", {"contact_method": "phone"}),
        "parent": ("age", {"age_group": "under_18"}),
    }
    for step in STEPS:
        if step.key in opened_by:
            visitor.answer(*opened_by[step.key])
        yield step.key, step, visitor.open(f"/register/{step.key}")
        if not step.optional:
            yield f"{step.key}-error", step, Page(visitor.answer(step.key, {}))
        visitor.answer(step.key, TOUR_ANSWERS[step.key])


def test_every_question_hint_choice_and_error_message_has_its_speaker(client):
    seen = set()
    for name, step, page in every_step_page(client):
        assert page.status == 200 and page.soup.select_one(".listen-bar"), name
        if step.heading_field is not None:
            assert_can_be_heard(page, "question-text")
        for hint in page.soup.select(".hint, .why"):
            assert_can_be_heard(page, hint["id"])
        for choice in page.soup.select(".choice-card__input"):
            assert_can_be_heard(page, f"{choice['id']}-text")
            seen.add("choice")
        for label in page.soup.select("label.field-label, legend span.field-label"):
            assert_can_be_heard(page, label["id"])
        for error in page.soup.select(".error-message"):
            assert_can_be_heard(page, error["id"])
            seen.add("error")
        if name.endswith("-error"):
            assert page.soup.select(".error-message"), name
    assert seen == {"choice", "error"}


def test_every_control_plays_a_clip_of_its_own_words(client):
    addresses = set()
    for _name, _step, page in every_step_page(client):
        addresses.update(audio["src"] for audio in page.soup.select("audio.listen__audio"))
    assert len(addresses) > 150
    for address in sorted(addresses):
        response = client.get(address)
        assert response.status_code == 200 and len(response.data) > 1000, address


def test_the_controls_use_their_own_words_as_their_name_in_english_too(client):
    client.set_cookie("klapjob_lang", "en")
    page = Visitor(client).open("/register/work")
    assert_can_be_heard(page, "question-text", listen_to="Listen to: ")
    assert controls(page)["question-text"].select_one("audio")["aria-label"] == (
        "Listen to: What work would you like?"
    )
    assert (
        page.soup.select_one(".listen-bar .listen__button")["aria-label"]
        == "Listen to the whole page"
    )


@pytest.mark.parametrize(
    "url", ["/", "/about", "/privacy", "/help", "/no-such-page", "/register/send"]
)
def test_every_other_citizen_page_can_be_heard_from_its_heading_down(client, url):
    Visitor(client).answer_all(MYSELF_IN_AARHUS) if url == "/register/send" else None
    page = Page(client.get(url))
    blocks = page.soup.select("main [data-listen-normal]:not([data-listen])")
    assert blocks[0].name == "h1" or blocks[0].find_parent("h1")
    assert len(blocks) >= 2
    whole = page.soup.select_one(".listen-bar audio")
    assert whole["aria-label"] == "Lyt til hele siden" and whole["preload"] == "none"
    assert client.get(whole["src"]).status_code == 200


def test_an_error_summary_above_the_heading_is_not_read_twice(client):
    page = Page(Visitor(client).answer("name", {}))
    blocks = page_blocks(page)
    assert blocks[0] == "Hvad hedder du?"
    assert "Fejl: Skriv dit navn" in blocks, "the error message under the question is read"
    assert "Der er noget, du skal rette" not in blocks


def test_the_chosen_speed_is_remembered_and_works_without_javascript(client):
    normal = Visitor(client).open("/register/name")
    assert player_speed(normal) == "normal"
    slow_link = normal.soup.select_one('[data-listen-speed="slow"]')
    response = client.get(slow_link["href"])
    assert response.status_code == 302 and response.headers["Location"].startswith("/register/name")
    slow = Visitor(client).open("/register/name")
    assert player_speed(slow) == "slow"
    question = controls(slow)["question-text"]
    assert (
        question.select_one("audio")["src"]
        == question["data-listen-slow"]
        != question["data-listen-normal"]
    )
    normal_clip = client.get(question["data-listen-normal"]).data
    slow_clip = client.get(question["data-listen-slow"]).data
    assert len(slow_clip) > 1.2 * len(normal_clip)
    assert player_speed(Visitor(client).open("/about")) == "slow", "on every page"


def test_the_speed_switch_answers_a_script_without_a_page_and_never_leaves_the_site(client):
    response = client.get("/listen/speed/slow", headers={"Accept": "application/json"})
    assert response.get_json() == {"speed": "slow"}
    assert "klapjob_listen_speed=slow" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]
    away = client.get("/listen/speed/normal?next=https://evil.example/")
    assert away.headers["Location"].endswith("/")


def test_the_speed_choice_is_marked_by_more_than_colour(client):
    page = Visitor(client).open("/")
    chosen = page.soup.select('[data-listen-speed][aria-current="true"]')
    assert [c["data-listen-speed"] for c in chosen] == ["normal"]


# A person's own answers ---------------------------------------------------------------

# (Not 20 30 40 50: that number is the example in the phone question's hint.)
METTE = {**MYSELF_IN_AARHUS, "phone": {"phone": "61 72 83 94"}}
PERSONAL = ["Mette Hansen", "61 72 83 94", "autisme", "bage"]


@pytest.fixture
def mette(client):
    visitor = Visitor(client)
    visitor.answer_all(METTE)
    return visitor


def test_each_answer_on_the_check_page_can_be_heard(client, mette):
    page = mette.open("/register/check")
    for row in page.soup.select(".summary__row"):
        assert_can_be_heard(page, row["id"])
    assert shown_text(page, "answer-name") == "Navn Mette Hansen"


def test_a_persons_answers_are_never_in_an_address_and_never_kept(app, client, mette, tmp_path):
    page = mette.open("/register/check")
    html = page.html
    addresses = re.findall(r'"(/listen/[^"]+)"', html)
    assert len(addresses) > 50
    answers = {
        target: control
        for target, control in controls(page).items()
        if target.startswith("answer-")
    }
    assert len(answers) > 10 and all(
        control["data-listen-normal"].startswith("/listen/own/") for control in answers.values()
    ), "every answer is read from a personal address"
    assert page.soup.select_one(".listen-bar audio")["src"].startswith("/listen/own/")
    for address in set(addresses):
        for word in PERSONAL:
            assert word not in address and word.replace(" ", "") not in address
    clip = client.get(
        controls(Page(client.get("/register/check")))["answer-name"]["data-listen-normal"]
    )
    assert clip.status_code == 200 and clip.content_type == "audio/mpeg"
    assert clip.headers["Cache-Control"] == "no-store"
    folder = app.config["AUDIO_DIR"]
    for path in Path(folder).rglob("*"):
        if path.is_file() and path.suffix in (".json", ".mp3"):
            content = path.read_bytes()
            for word in PERSONAL:
                assert word.encode() not in content, path


def test_a_persons_own_clip_plays_for_them_and_nobody_else(app, client, mette):
    page = mette.open("/register/check")
    address = controls(page)["answer-health"]["data-listen-normal"]
    assert client.get(address).status_code == 200
    timings = client.get(address.replace(".mp3", ".json")).get_json()
    assert len(timings["words"]) == len("Mit helbred Jeg har autisme.".split())
    stranger = app.test_client()
    assert stranger.get(address).status_code == 404


def test_the_whole_check_page_is_read_to_the_person_only(app, client, mette):
    page = mette.open("/register/check")
    address = page.soup.select_one(".listen-bar audio")["src"]
    whole = client.get(address)
    assert whole.status_code == 200 and whole.headers["Cache-Control"] == "no-store"
    assert mp3_seconds(whole.data) > 20
    assert app.test_client().get(address).status_code == 404


def test_a_changed_answer_is_never_read_from_an_old_address(client, mette):
    address = controls(mette.open("/register/check"))["answer-name"]["data-listen-normal"]
    mette.answer("name", {"name": "Mette Jensen"}, query="?change=1")
    assert client.get(address).status_code == 404


def test_after_i_am_finished_nothing_of_mine_can_be_heard(client, mette):
    mette.send()
    done = Page(client.get("/register/done"))
    address = done.soup.select_one(".listen-bar audio")["src"]
    assert address.startswith("/listen/own/")
    assert client.get(address).status_code == 200
    receipt = Page(client.get("/register/receipt"))
    answer = controls(receipt)["answer-name"]["data-listen-normal"]
    assert client.get(answer).status_code == 200
    client.post("/register/start-over", data={"csrf_token": done.csrf_token()})
    assert client.get(address).status_code == 404
    assert client.get(answer).status_code == 404


def test_the_confirmation_reads_the_reference_one_sign_at_a_time(client, mette):
    mette.send()
    done = Page(client.get("/register/done"))
    reference = done.soup.select_one(".reference .visually-hidden").get_text()
    assert reference in page_blocks(done) and re.fullmatch(r"(\w )+\w", reference)


def mp3_seconds(data):
    return mp3_frames(data)[1]


def test_pages_that_are_not_for_citizens_read_nothing_and_remember_nothing(tmp_path):
    """The back office shows many people's answers: listening is for citizens' pages only."""
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
        }
    )
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    for url in ("/staff/", f"/staff/registrations/{mette['public_id']}"):
        page = karl.open(url)
        assert page.status == 200 and "Mette Hansen" in page.text()
        assert page.soup.select(".listen-bar, [data-listen], [data-listen-normal], audio") == []
    assert not (tmp_path / "audio").exists() or not list((tmp_path / "audio").rglob("*.json"))


def test_pages_that_show_nothing_personal_are_read_from_the_shared_cache(client):
    """The other side of keeping personal texts out of the cache: a page that shows
    nothing of a person is read from clips made once for everybody, never made anew for
    each visitor."""
    from app.domain.questions.steps import STEPS
    from site_tour import TOUR_ANSWERS

    def own_addresses(response):
        return [
            element.get_text(" ", strip=True)
            for element in Page(response).soup.select("[data-listen-normal^='/listen/own/']")
        ]

    for url in (
        "/",
        "/about",
        "/privacy",
        "/help",
        "/settings",
        "/register/resume",
        "/no-such-page",
    ):
        assert own_addresses(client.get(url)) == [], url
    visitor = Visitor(client)
    for step in STEPS:
        if step.key in ("phone", "email"):
            visitor.answer("contact", {"contact_method": step.key})
        assert own_addresses(client.get(f"/register/{step.key}")) == [], step.key
        assert own_addresses(visitor.answer(step.key, {})) == [], f"{step.key} with its errors"
        visitor.answer(step.key, TOUR_ANSWERS[step.key])
