"""Hear it from Mette herself: where she said an answer in her own voice, her job profile
plays it beside that card, before the site's reading voice, once she says yes (the answer
starts at no). An employer's version plays it only with that version's own yes. Her
health recording never plays there, and her voice never goes in a mail."""

import io

from pypdf import PdfReader

from app.core import clock
from html_checker import html_errors
from people import MYSELF_IN_AARHUS, Visitor
from readability import reading
from recordings import ogg_opus
from staff import staff_member
from test_voice_answers import send_page, strengths
from test_voice_answers_for_staff import mette_sends_two_recordings

PROFILE = "/register/profile"
ASKED = "Vil du have din stemme på profilen?"
BY_EMAIL = {
    **MYSELF_IN_AARHUS,
    "contact": {"contact_method": "email"},
    "email": {"email": "mette@mail.dk"},
}


def her_voice_choice(mette, choice):
    """Mette presses "Ja, brug min stemme på profilen" ("show") or its opposite ("hide")."""
    page = mette.open(PROFILE)
    form = page.soup.find("form", action=f"{PROFILE}/own-voice/{choice}")
    assert form is not None, f"the button to {choice} her voice is on the page"
    return mette.client.post(form["action"], data={"csrf_token": page.csrf_token()})


def players(page):
    """{the card's id: its player} for each card that plays the person's own voice."""
    return {
        card["id"]: card.select_one(".profile__voice audio")
        for card in page.soup.select(".profile__section")
        if card.select_one(".profile__voice audio")
    }


def voice_ids(db):
    return {row["field"]: row["public_id"] for row in db.query("SELECT * FROM voice_answers")}


def test_mette_is_asked_about_her_voice_on_her_profile_and_the_answer_starts_at_no(client):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    page = mette.open(PROFILE)
    text = page.text()
    assert ASKED in text
    assert "Din stemme er ikke på profilen nu." in text
    assert players(page) == {}, "nothing plays before she says yes"
    assert page.soup.select("input[checked]") == []


def test_the_question_about_her_voice_is_easy_to_read(client):
    mette_sends_two_recordings(client)
    page = Visitor(client).open(PROFILE)
    lines = page.soup.select_one("#voice-choice").get_text("\n").splitlines()
    read = reading([line for line in lines if line.strip()])
    assert read.lix <= 24, read
    assert max(len(sentence.split()) for sentence in read.sentences) <= 15


def test_after_her_yes_her_own_voice_plays_beside_the_card_before_the_reading_voice(client):
    likes, _health = mette_sends_two_recordings(client)
    mette = Visitor(client)
    assert her_voice_choice(mette, "show").status_code == 302
    page = mette.open(PROFILE)
    assert "Din stemme er på profilen nu." in page.text()
    found = players(page)
    assert set(found) == {"profile-likes"}, "only the answer she said, on its own card"
    card = page.soup.select_one("#profile-likes")
    assert "Hør det med min egen stemme" in card.get_text(" ")
    in_order = card.select(".profile__voice, [data-listen]")
    assert [element.name for element in in_order] == ["div", "span"]
    assert "profile__voice" in in_order[0]["class"], "her voice before the site's reading voice"
    heard = client.get(found["profile-likes"]["src"])
    assert (heard.status_code, heard.mimetype, heard.data) == (200, "audio/ogg", likes)
    assert heard.headers["Cache-Control"] == "no-store"


def test_her_health_recording_never_plays_on_her_profile(client, db):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    her_voice_choice(mette, "show")
    page = mette.open(PROFILE)
    client.post(f"{PROFILE}/health/show", data={"csrf_token": page.csrf_token()})
    page = mette.open(PROFILE)
    assert page.soup.select_one("#profile-health") is not None, "her health shows, as she chose"
    assert set(players(page)) == {"profile-likes"}
    health = client.get(f"{PROFILE}/voice/{voice_ids(db)['health']}")
    assert health.status_code == 404


def test_she_takes_her_voice_off_again_and_it_no_longer_plays(client):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    her_voice_choice(mette, "show")
    address = players(mette.open(PROFILE))["profile-likes"]["src"]
    her_voice_choice(mette, "hide")
    page = mette.open(PROFILE)
    assert players(page) == {} and "Din stemme er ikke på profilen nu." in page.text()
    assert client.get(address).status_code == 404


def test_a_stranger_without_her_receipt_cannot_hear_her_voice(app, client):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    her_voice_choice(mette, "show")
    address = players(mette.open(PROFILE))["profile-likes"]["src"]
    assert app.test_client().get(address).status_code == 404


def test_nobody_is_asked_about_a_voice_they_did_not_record(client):
    ali = Visitor(client)
    ali.answer_all(MYSELF_IN_AARHUS)
    ali.send()
    assert ASKED not in ali.open(PROFILE).text()


def test_an_answer_she_only_said_has_its_card_on_her_profile_but_no_empty_box_on_paper(client):
    mette = Visitor(client)
    answers = {**MYSELF_IN_AARHUS, "good_at": {"good_at": ["dont_know"], "good_at_text": ""}}
    mette.answer_all(answers)
    said = ogg_opus(7, marker=b"good-at")
    send_page(
        mette,
        "/register/good_at",
        {"good_at": ["dont_know"], "good_at_text": ""},
        (said, "g.ogg", "audio/ogg"),
        name="good_at_text_voice",
    )
    mette.send()
    assert mette.open(PROFILE).soup.select_one("#profile-good_at") is None
    her_voice_choice(mette, "show")
    page = mette.open(PROFILE)
    card = page.soup.select_one("#profile-good_at")
    assert card is not None and "Det er jeg god til:" in card.get_text(" ")
    assert client.get(players(page)["profile-good_at"]["src"]).data == said
    pdf = PdfReader(io.BytesIO(client.get(f"{PROFILE}.pdf").data))
    assert "Det er jeg god til" not in pdf.pages[0].extract_text(), "paper cannot play it"


def test_the_log_says_when_she_chose_her_voice_and_took_it_back(client, db):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    her_voice_choice(mette, "show")
    her_voice_choice(mette, "hide")
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-2:] == ["profile_changed", "profile_choice_taken_back"]


def test_her_voice_never_goes_in_the_mail_with_her_profile(app_with_mail, mail_server):
    client = app_with_mail.test_client()
    mette = Visitor(client)
    mette.answer_all(BY_EMAIL)
    send_page(mette, "/register/strengths", strengths(), (ogg_opus(5), "a.ogg", "audio/ogg"))
    mette.send()
    her_voice_choice(mette, "show")
    assert players(mette.open(PROFILE)), "her voice is on her profile"
    response = client.post(
        f"{PROFILE}/email",
        data={"csrf_token": mette.open(PROFILE).csrf_token(), "person_agrees": "y"},
    )
    assert response.status_code == 302
    message = mail_server.inbox.messages[-1]
    assert message["Subject"] == "Din jobprofil fra KLAPjob"
    assert [part.get_content_maintype() for part in message.walk()].count("audio") == 0
    assert "/voice/" not in mail_server.inbox.bodies()[-1]


def karl_opens(app, db):
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    [row] = db.query("SELECT public_id FROM registrations")
    return karl, f"/staff/registrations/{row['public_id']}/profile"


def test_karl_sees_what_mette_sees_her_voice_only_after_her_yes(app, client, db):
    likes, _health = mette_sends_two_recordings(client)
    karl, profile = karl_opens(app, db)
    assert players(karl.open(profile)) == {}
    her_voice_choice(Visitor(client), "show")
    found = players(karl.open(profile))
    assert set(found) == {"profile-likes"}, "never her health recording"
    heard = karl.client.get(found["profile-likes"]["src"])
    assert (heard.status_code, heard.data) == (200, likes)
    assert heard.headers["Cache-Control"] == "no-store"


def employer_yes(karl, profile, employer, **more):
    return karl.post_form(
        f"{profile}/employers",
        {"employer": employer, "agreed_on": clock.today().isoformat(), **more},
        form_on=profile,
    )


def employer_pages(karl, profile):
    links = karl.open(profile).soup.select("a[href*='/employers/']:not([href$='.pdf'])")
    return [karl.open(link["href"]) for link in links]


def test_the_employer_hears_her_only_with_that_versions_own_yes(app, client, db):
    likes, _health = mette_sends_two_recordings(client)
    her_voice_choice(Visitor(client), "show")
    karl, profile = karl_opens(app, db)
    box = karl.open(profile).soup.find("input", {"name": "with_voice"})
    assert box is not None and not box.has_attr("checked"), "the yes is never ticked for her"
    employer_yes(karl, profile, "Bageriet Hansen")
    employer_yes(karl, profile, "Kantinen Syd", with_voice="y")
    without, with_voice = employer_pages(karl, profile)
    assert without.h1 == "Jobprofil til Bageriet Hansen" and players(without) == {}
    assert with_voice.h1 == "Jobprofil til Kantinen Syd"
    heard = karl.client.get(players(with_voice)["profile-likes"]["src"])
    assert (heard.status_code, heard.data) == (200, likes)
    assert heard.headers["Cache-Control"] == "no-store"
    other_yes = without.response.request.path.rsplit("/", 1)[-1]
    voice_id = voice_ids(db)["strengths_text"]
    elsewhere = f"{profile}/employers/{other_yes}/voice/{voice_id}"
    assert karl.client.get(elsewhere).status_code == 404


def test_when_mette_takes_her_voice_off_her_profile_no_employer_hears_it(app, client, db):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    her_voice_choice(mette, "show")
    karl, profile = karl_opens(app, db)
    employer_yes(karl, profile, "Kantinen Syd", with_voice="y")
    [employer] = employer_pages(karl, profile)
    address = players(employer)["profile-likes"]["src"]
    her_voice_choice(mette, "hide")
    [employer] = employer_pages(karl, profile)
    assert players(employer) == {}
    assert karl.client.get(address).status_code == 404
    assert "Personen har ikke sagt ja til sin stemme på profilen." in karl.open(profile).text()


def test_her_profile_and_the_employers_version_with_her_voice_are_valid_html(
    app, client, db, tmp_path
):
    mette_sends_two_recordings(client)
    her_voice_choice(Visitor(client), "show")
    karl, profile = karl_opens(app, db)
    employer_yes(karl, profile, "Kantinen Syd", with_voice="y")
    [employer] = employer_pages(karl, profile)
    pages = {"her": Visitor(client).open(PROFILE), "karl": karl.open(profile), "employer": employer}
    files = []
    for name, page in pages.items():
        assert page.soup.select(".profile__voice audio"), name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(page.response.get_data(as_text=True))
    assert html_errors(files) == []
