""" "Det er mig" leads with what is good about the person: Mette tells what she is good at
with pictures and her own words, her mother writes what others say about her (marked as
her mother's), and what Mette has tried before is on the profile too."""

from people import MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_what_the_site_promises import sent


def sections(page):
    """The profile's boxes in order: each box's lead and its lines."""
    return [
        (
            box.select_one(".profile__lead").get_text(" ", strip=True),
            [li.get_text(" ", strip=True) for li in box.select(".profile__items li")],
        )
        for box in page.soup.select(".profile__section")
    ]


def test_mette_says_what_she_is_good_at_with_pictures_and_it_leads_her_profile(client):
    mette = Visitor(client)
    asked = mette.answer_all(MYSELF_IN_AARHUS)
    assert asked.index("good_at") < asked.index("others_say")
    question = mette.open("/register/good_at")
    assert question.h1 == "Hvad er du god til?"
    cards = {i["value"] for i in question.soup.select("input[name=good_at]")}
    assert {"on_time", "careful", "helping", "dont_know"} <= cards
    assert question.soup.select("textarea[name=good_at_text]")
    mette.send()

    profile = mette.open("/register/profile")
    [first, second, *_rest] = sections(profile)
    assert first == (
        "Det er jeg god til:",
        ["At komme til tiden", "At gøre tingene grundigt", "Jeg er god til at bage boller."],
    )
    assert second[0] == "Det siger andre om mig:"
    pictures = {
        img["src"].rsplit("/", 1)[-1].split(".")[0]
        for img in profile.soup.select("#profile-good_at img")
    }
    assert {"good_at", "on_time", "careful"} <= pictures


def test_what_her_mother_writes_is_on_the_profile_marked_as_her_mothers(client):
    mette = sent(client)
    profile = mette.open("/register/profile")
    box = profile.soup.select_one("#profile-others_say")
    assert "Mette er altid glad og hjælper gerne." in box.get_text(" ", strip=True)
    assert "Skrevet af Hanne, min mor" in box.get_text(" ", strip=True)


def test_words_from_others_need_to_say_who_wrote_them(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    refused = mette.answer("others_say", {"others_say": "Hun er sød.", "others_say_by": ""})
    assert refused.status_code == 200
    assert "Skriv, hvem der har skrevet det" in refused.get_data(as_text=True)


def test_mette_may_skip_what_others_say(client):
    skipped = {**MYSELF_IN_AARHUS, "others_say": {"others_say": "", "others_say_by": ""}}
    mette = sent(client, skipped)
    profile = mette.open("/register/profile")
    assert profile.soup.select_one("#profile-others_say") is None


def test_what_mette_has_tried_before_is_on_her_profile(client):
    mette = sent(client)
    tried = dict(sections(mette.open("/register/profile")))["Det har jeg prøvet:"]
    assert tried == ["Jeg har prøvet et job i et stykke tid", "Praktik i en kantine."]


def test_someone_who_has_tried_nothing_yet_gets_no_empty_box(client):
    never = {**MYSELF_IN_AARHUS, "experience": {"experience": ["no"], "experience_text": ""}}
    mette = sent(client, never)
    assert "Det har jeg prøvet:" not in dict(sections(mette.open("/register/profile")))


def test_the_profile_by_email_says_who_wrote_what_others_say(app_with_mail, mail_server):
    client = app_with_mail.test_client()
    by_email = {
        **MYSELF_IN_AARHUS,
        "contact": {"contact_method": "email"},
        "email": {"email": "mette@mail.dk"},
    }
    mette = sent(client, by_email)
    client.post(
        "/register/profile/email",
        data={"csrf_token": mette.open("/register/profile").csrf_token(), "person_agrees": "y"},
    )
    body = mail_server.inbox.bodies()[-1]
    assert "Det er jeg god til:" in body and "At komme til tiden" in body
    assert "Mette er altid glad og hjælper gerne." in body
    assert "Skrevet af Hanne, min mor" in body


def test_who_does_not_know_yet_what_they_are_good_at_gets_no_empty_box(client):
    not_yet = {**MYSELF_IN_AARHUS, "good_at": {"good_at": ["dont_know"], "good_at_text": ""}}
    mette = sent(client, not_yet)
    profile = mette.open("/register/profile")
    assert profile.soup.select_one("#profile-good_at") is None
    assert "Ved ikke" not in profile.soup.select_one(".profile").get_text(" ", strip=True)


def test_the_consultant_sees_what_mette_is_good_at_and_what_others_say_beside_her_jobs(app):
    mette = register(
        app,
        name="Mette Hansen",
        good_at=["on_time"],
        good_at_text="Jeg er god til at bage boller.",
        others_say="Mette er altid glad.",
        others_say_by="Hanne, min mor",
    )
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(f"/staff/registrations/{mette['public_id']}")
    section = page.soup.find(id="own-words-heading").find_parent("section")
    words = section.get_text(" ", strip=True)
    assert "Jeg er god til at bage boller." in words
    assert "Mette er altid glad." in words
