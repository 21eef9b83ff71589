"""The consultant hears the person: on the case, beside the written answers, a player, the
length and a download; a health recording only where health shows (the logged reveal)."""

from people import Visitor
from recordings import ogg_opus
from staff import staff_member
from test_voice_answers import at_the_end_of_the_questions, send_page, strengths


def mette_sends_two_recordings(client):
    mette = at_the_end_of_the_questions(client)
    likes, health = ogg_opus(9, marker=b"likes"), ogg_opus(6, marker=b"health")
    send_page(mette, "/register/strengths", strengths(), (likes, "a.ogg", "audio/ogg"))
    send_page(
        mette,
        "/register/health",
        {"health": "Jeg har autisme."},
        (health, "h.ogg", "audio/ogg"),
        name="health_voice",
    )
    assert mette.send().status_code == 302
    return likes, health


def voices_on(page):
    return {
        item.find("strong").get_text(strip=True): item
        for item in page.soup.select(".staff-voice li")
    }


def the_case_of_mette(member, db):
    [row] = db.query("SELECT public_id FROM registrations")
    return f"/staff/registrations/{row['public_id']}"


def test_karl_hears_what_mette_said_and_can_download_it(app, client, db):
    karl = staff_member(app, covers=("751",))
    likes, health = mette_sends_two_recordings(client)
    karl.sign_in()
    page = karl.open(the_case_of_mette(karl, db))
    voices = voices_on(page)
    assert set(voices) == {"Mere om, hvad jeg kan lide", "Mit helbred"}
    item = voices["Mere om, hvad jeg kan lide"]
    assert "9 sekunder" in item.get_text(" ")
    heard = karl.client.get(item.find("audio")["src"])
    assert (heard.status_code, heard.mimetype, heard.data) == (200, "audio/ogg", likes)
    assert heard.headers["Cache-Control"] == "no-store"
    download = karl.client.get(item.find("a")["href"])
    assert download.data == likes
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert karl.client.get(voices["Mit helbred"].find("audio")["src"]).data == health


def test_another_consultants_admin_hears_health_only_after_show_health(app, client, db):
    staff_member(app, covers=("751",))
    likes, health = mette_sends_two_recordings(client)
    anna = staff_member(app, "admin")
    anna.sign_in()
    url = the_case_of_mette(anna, db)
    page = anna.open(url)
    assert set(voices_on(page)) == {"Mere om, hvad jeg kan lide"}
    public_id = next(db.query("SELECT public_id FROM voice_answers WHERE field = 'health'"))[
        "public_id"
    ]
    assert anna.client.get(f"{url}/voice/{public_id}").status_code == 404

    shown = anna.post_form(f"{url}/health", {}, form_on=url)
    voices = voices_on(type(page)(shown))
    assert anna.client.get(voices["Mit helbred"].find("audio")["src"]).data == health
    assert anna.client.get(f"{url}/voice/{public_id}?reveal=forged").status_code == 404


def test_a_citizen_cannot_fetch_a_sent_recording(app, client, db):
    staff_member(app, covers=("751",))
    mette_sends_two_recordings(client)
    [row] = db.query("SELECT public_id FROM voice_answers WHERE field = 'strengths_text'")
    stranger = Visitor(app.test_client())
    assert stranger.client.get(f"/register/voice/{row['public_id']}").status_code == 404


def test_the_persons_data_file_holds_her_recordings(app, client, db):
    import base64
    import json

    staff_member(app, covers=("751",))
    likes, health = mette_sends_two_recordings(client)
    anna = staff_member(app, "admin")
    anna.sign_in()
    data = json.loads(anna.client.get(f"{the_case_of_mette(anna, db)}/data.json").data)
    kept = {entry["question"]: entry for entry in data["voice_answers"]}
    assert set(kept) == {"Mere om, hvad jeg kan lide", "Mit helbred"}
    assert base64.b64decode(kept["Mit helbred"]["audio_base64"]) == health
    assert kept["Mere om, hvad jeg kan lide"]["seconds"] == 9
    assert kept["Mere om, hvad jeg kan lide"]["type"] == "audio/ogg"


def test_before_you_call_says_which_answers_mette_said_in_her_own_voice(app, client, db):
    """Karl sees, before he calls, that Mette said some answers rather than wrote them:
    he listens first, and knows she may find writing hard. A health recording is not named
    there (health shows only by its own rule, below)."""
    karl = staff_member(app, covers=("751",))
    mette_sends_two_recordings(client)
    karl.sign_in()
    page = karl.open(the_case_of_mette(karl, db))
    before_you_call = page.soup.find(id="overview-heading").find_parent("section")
    said = next(
        div.find("dd")
        for div in before_you_call.select("dl.staff-facts > div")
        if div.find("dt").get_text(strip=True) == "Sagt med personens egen stemme"
    )
    assert "Mere om, hvad jeg kan lide" in said.get_text(" ", strip=True)
    assert "helbred" not in said.get_text(" ", strip=True).lower()
    listen = said.find("a")
    assert listen["href"] == "#voice-answers" and page.soup.find(id="voice-answers")
