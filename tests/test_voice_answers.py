"""Say it with your voice: a person answers a free-text question in their own voice, hears
it back, deletes it, and sends it; what the server will not keep is refused kindly, beside
the field, and nothing else of the draft is lost."""

import io
from pathlib import Path

import pytest

from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor
from recordings import ogg_opus, wav, webm_opus
from staff import staff_member

STRENGTHS = "/register/strengths"
WHAT_SHE_WROTE = "Jeg kan lide at bage."


def at_the_end_of_the_questions(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    return mette


def send_page(visitor, url, data, recording=None, name="strengths_text_voice"):
    """The question's form as the page gave it (with its token), and a file in its input."""
    token = visitor.open(url).csrf_token()
    form = {"csrf_token": token, **data}
    if recording is not None:
        form[name] = (io.BytesIO(recording[0]), recording[1], recording[2])
    return visitor.client.post(url, data=form, content_type="multipart/form-data")


def strengths(text=WHAT_SHE_WROTE, **more):
    return {"strengths": ["people", "cooking"], "strengths_text": text, **more}


def test_mette_says_what_she_likes_and_hears_it_back(client):
    mette = at_the_end_of_the_questions(client)
    said = ogg_opus(12.0)
    response = send_page(
        mette, STRENGTHS, strengths(keep_voice="strengths_text"), (said, "svar.ogg", "audio/ogg")
    )
    assert response.status_code == 302
    assert location_path(response) == STRENGTHS, "she stays to listen to it"

    page = mette.open(STRENGTHS)
    player = page.soup.select_one("#strengths_text_voice-group [data-voice-kept] audio")
    assert player is not None
    assert "12 sekunder" in page.soup.select_one("#strengths_text_voice-group").get_text(" ")
    assert page.soup.find("textarea", {"name": "strengths_text"}).get_text() == WHAT_SHE_WROTE

    heard = client.get(player["src"])
    assert heard.status_code == 200
    assert heard.mimetype == "audio/ogg"
    assert heard.data == said
    assert heard.headers["Cache-Control"] == "no-store"


def test_the_page_says_who_hears_it_and_that_she_can_delete_it(client):
    mette = at_the_end_of_the_questions(client)
    group = mette.open(STRENGTHS).soup.select_one("#strengths_text_voice-group")
    words = group.get_text(" ", strip=True)
    assert "Sig det med din stemme" in words
    assert "Kun folk hos KLAPjob kan høre den." in words
    assert "Du kan slette den igen." in words
    upload = group.find("input", {"type": "file"})
    assert upload["accept"] == "audio/*" and upload.has_attr("capture")
    form = mette.open(STRENGTHS).soup.find("form", id="step-form")
    assert form["enctype"] == "multipart/form-data"


def test_every_free_text_answer_can_be_said(client):
    mette = at_the_end_of_the_questions(client)
    for key, name in [
        ("experience", "experience_text"),
        ("strengths", "strengths_text"),
        ("needs", "needs_text"),
        ("health", "health"),
    ]:
        page = mette.open(f"/register/{key}")
        assert page.soup.find("input", {"name": f"{name}_voice", "type": "file"}), key


def test_mette_deletes_her_recording(client, db):
    mette = at_the_end_of_the_questions(client)
    send_page(
        mette,
        STRENGTHS,
        strengths(keep_voice="strengths_text"),
        (ogg_opus(3), "a.ogg", "audio/ogg"),
    )
    player = mette.open(STRENGTHS).soup.select_one(
        "#strengths_text_voice-group [data-voice-kept] audio"
    )["src"]
    response = send_page(mette, STRENGTHS, strengths(delete_voice="strengths_text"))
    assert location_path(response) == STRENGTHS
    assert (
        mette.open(STRENGTHS).soup.select_one("#strengths_text_voice-group [data-voice-kept] audio")
        is None
    )
    assert client.get(player).status_code == 404
    assert list(db.query("SELECT id FROM voice_answers")) == []


def refused_kindly(visitor, response, message, db):
    """The message beside the field, what was typed still there, the draft whole."""
    assert response.status_code == 400
    page = Page(response)
    page.assert_well_formed()
    error = page.soup.select_one("#strengths_text_voice-error")
    assert error is not None and message in error.get_text(" ")
    summary = [
        (a["href"], a.get_text(" ", strip=True)) for a in page.soup.select(".error-summary a")
    ]
    assert [href for href, text in summary if message in text] == ["#strengths_text_voice"]
    assert page.soup.find("textarea", {"name": "strengths_text"}).get_text() == "Jeg bager boller."
    again = visitor.open(STRENGTHS)
    assert again.soup.find("textarea", {"name": "strengths_text"}).get_text() == "Jeg bager boller."
    assert visitor.client.get("/register/check").status_code == 200, "the draft is whole"


def test_a_file_that_is_not_sound_is_refused_kindly(client, db):
    mette = at_the_end_of_the_questions(client)
    not_sound = (b"Dette er en tekst, ikke en lyd." * 20, "svar.ogg", "audio/ogg")
    response = send_page(mette, STRENGTHS, strengths("Jeg bager boller."), not_sound)
    refused_kindly(mette, response, "Vi kunne ikke høre en optagelse i filen", db)
    assert list(db.query("SELECT id FROM voice_answers")) == []


def test_a_recording_longer_than_two_minutes_is_refused_kindly(client, db):
    mette = at_the_end_of_the_questions(client)
    too_long = (webm_opus(121), "svar.webm", "audio/webm")
    response = send_page(mette, STRENGTHS, strengths("Jeg bager boller."), too_long)
    refused_kindly(mette, response, "Optagelsen er for lang. Tal højst 2 minutter.", db)
    assert list(db.query("SELECT id FROM voice_answers")) == []


def test_a_recording_too_big_is_refused_kindly(app, client, db):
    app.config["VOICE_KB_PER_ANSWER"] = 20
    mette = at_the_end_of_the_questions(client)
    too_big = (wav(2, rate=8000) + bytes(0), "svar.wav", "audio/wav")  # 32 KB
    response = send_page(mette, STRENGTHS, strengths("Jeg bager boller."), too_big)
    refused_kindly(mette, response, "Optagelsen er for stor.", db)
    assert list(db.query("SELECT id FROM voice_answers")) == []


def test_too_many_recordings_for_one_person_are_refused_kindly(app, client, db):
    app.config["VOICE_SECONDS_PER_PERSON"] = 20
    mette = at_the_end_of_the_questions(client)
    experience = {"experience": ["praktik"], "experience_text": "Praktik i en kantine."}
    send_page(
        mette,
        "/register/experience",
        experience,
        (ogg_opus(15), "a.ogg", "audio/ogg"),
        name="experience_text_voice",
    )
    response = send_page(
        mette, STRENGTHS, strengths("Jeg bager boller."), (ogg_opus(15), "b.ogg", "audio/ogg")
    )
    refused_kindly(mette, response, "Du har optaget meget.", db)
    assert [row["field"] for row in db.query("SELECT field FROM voice_answers")] == [
        "experience_text"
    ]


def test_a_recording_goes_with_the_registration_and_the_health_one_only_with_its_yes(client, db):
    mette = at_the_end_of_the_questions(client)
    send_page(mette, STRENGTHS, strengths(), (ogg_opus(3), "a.ogg", "audio/ogg"))
    send_page(
        mette,
        "/register/health",
        {"health": "Jeg har autisme."},
        (ogg_opus(4), "h.ogg", "audio/ogg"),
        name="health_voice",
    )
    mette.send(consent_health=False)
    rows = list(db.query("SELECT field, registration_id, draft_token_hash FROM voice_answers"))
    assert [(r["field"], r["draft_token_hash"]) for r in rows] == [("strengths_text", None)]
    assert rows[0]["registration_id"] is not None


def database_bytes(app):
    path = Path(app.config["DATABASE"])
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_deleting_the_person_leaves_no_byte_of_the_recording(app, client, db):
    marker = b"Mettes-egen-stemme-7Q"
    mette = at_the_end_of_the_questions(client)
    send_page(mette, STRENGTHS, strengths(), (ogg_opus(3, marker=marker), "a.ogg", "audio/ogg"))
    mette.send()
    assert marker in database_bytes(app), "the control: the recording is in the file"
    [row] = db.query("SELECT public_id, reference FROM registrations")
    anna = staff_member(app, "admin")
    anna.sign_in()
    url = f"/staff/registrations/{row['public_id']}"
    anna.open(f"{url}/delete")
    anna.post_form(f"{url}/delete", {"reference": row["reference"]})
    assert list(db.query("SELECT id FROM voice_answers")) == []
    assert marker not in database_bytes(app)


def test_a_recording_she_deletes_or_says_again_leaves_no_byte_of_it(app, client, db):
    """Her voice is hers: a recording she deletes, or one she says again, is gone from the
    database file and its write-ahead log at once, as when the person is deleted."""
    first, second = b"forste-optagelse-9X", b"anden-optagelse-4K"
    mette = at_the_end_of_the_questions(client)
    send_page(mette, STRENGTHS, strengths(), (ogg_opus(3, marker=first), "a.ogg", "audio/ogg"))
    assert first in database_bytes(app), "the control: the recording is in the file"
    send_page(mette, STRENGTHS, strengths(), (ogg_opus(3, marker=second), "b.ogg", "audio/ogg"))
    assert first not in database_bytes(app), "said again: the first one is gone"

    send_page(mette, STRENGTHS, strengths(delete_voice="strengths_text"))

    assert list(db.query("SELECT id FROM voice_answers")) == []
    assert second not in database_bytes(app)


@pytest.mark.parametrize("kind", ["ogg", "webm", "wav"])
def test_what_browsers_and_phones_record_is_kept(client, db, kind):
    made = {
        "ogg": (ogg_opus(5), "audio/ogg"),
        "webm": (webm_opus(5), "audio/webm"),
        "wav": (wav(5), "audio/wav"),
    }[kind]
    mette = at_the_end_of_the_questions(client)
    response = send_page(
        mette, STRENGTHS, strengths(), (made[0], f"svar.{kind}", "application/octet-stream")
    )
    assert response.status_code == 302
    [row] = db.query("SELECT mime_type, seconds FROM voice_answers")
    assert row["mime_type"] == made[1]
    assert row["seconds"] == pytest.approx(5, abs=0.1)


def test_a_file_far_too_big_gets_a_kind_page_and_the_draft_stays(app, client):
    app.config["VOICE_KB_PER_ANSWER"] = 4
    mette = at_the_end_of_the_questions(client)
    huge = (wav(10), "svar.wav", "audio/wav")  # 160 KB: past what the page may carry
    response = send_page(mette, STRENGTHS, strengths("Jeg bager boller."), huge)
    assert response.status_code == 413
    page = Page(response)
    assert page.soup.find("h1").get_text(strip=True) == "Optagelsen er for stor"
    assert "Lav en kortere optagelse." in page.text()
    assert client.get("/register/check").status_code == 200, "the draft is whole"


def test_a_recording_moves_with_the_draft_to_another_device_by_its_code(app, client, db):
    from app.domain.registrations.resume import create_resume_key, redeem

    mette = at_the_end_of_the_questions(client)
    said = ogg_opus(3)
    send_page(
        mette, STRENGTHS, strengths(keep_voice="strengths_text"), (said, "a.ogg", "audio/ogg")
    )
    token = client.get_cookie("klapjob_draft").value
    secret = app.config["SECRET_KEY"]
    code = create_resume_key(db, token, "code", secret=secret, days=30)
    new_token = redeem(db, "code", code, secret=secret)

    tablet = Visitor(app.test_client())
    tablet.client.set_cookie("klapjob_draft", new_token)
    player = tablet.open(STRENGTHS).soup.select_one("[data-voice-kept] audio")["src"]
    assert tablet.client.get(player).data == said
    assert client.get(player).status_code == 404, "the old device no longer opens it"


def test_the_purge_deletes_the_recording_of_an_old_draft(app, client, db):
    from datetime import timedelta

    from app.core import clock
    from app.staff.data_requests.data.personal_data import purge

    marker = b"gammel-kladde-stemme"
    mette = at_the_end_of_the_questions(client)
    send_page(mette, STRENGTHS, strengths(), (ogg_opus(3, marker=marker), "a.ogg", "audio/ogg"))
    assert marker in database_bytes(app)
    with app.app_context():
        purge(db, now=clock.now() + timedelta(days=31))
    assert list(db.query("SELECT id FROM voice_answers")) == []
    assert marker not in database_bytes(app)


def test_a_recording_never_passes_through_a_temporary_file(client, db, monkeypatch):
    """Werkzeug spools a big upload to a temporary file: a person's voice must not be."""
    import werkzeug.formparser

    def no_files(*args, **kwargs):
        raise AssertionError("a temporary file was made for the upload")

    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile", no_files)
    monkeypatch.setattr(werkzeug.formparser, "TemporaryFile", no_files, raising=False)
    mette = at_the_end_of_the_questions(client)
    big = wav(60, rate=8000)  # 960 KB: past what Werkzeug keeps in memory
    response = send_page(mette, STRENGTHS, strengths(), (big, "svar.wav", "audio/wav"))
    assert response.status_code == 302
    assert [row["size"] for row in db.query("SELECT size FROM voice_answers")] == [len(big)]


def test_the_page_may_use_the_microphone_and_play_its_own_recording(client):
    mette = at_the_end_of_the_questions(client)
    headers = mette.client.get(STRENGTHS).headers
    assert "microphone=(self)" in headers["Permissions-Policy"]
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    assert policy["media-src"] == "'self' blob:"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


def test_a_recording_sent_without_the_forms_token_is_not_kept(client, db):
    at_the_end_of_the_questions(client)
    form = {**strengths(), "strengths_text_voice": (io.BytesIO(ogg_opus(3)), "a.ogg", "audio/ogg")}
    response = client.post(STRENGTHS, data=form, content_type="multipart/form-data")
    assert response.status_code == 400
    assert list(db.query("SELECT id FROM voice_answers")) == []


def say_her_strengths(mette, text=WHAT_SHE_WROTE):
    """Mette records what she likes (and writes `text`), and keeps the recording."""
    send_page(
        mette,
        STRENGTHS,
        strengths(text=text, keep_voice="strengths_text"),
        (ogg_opus(8.0), "svar.ogg", "audio/ogg"),
    )


def test_check_answers_shows_the_answer_she_said_and_did_not_write(client):
    mette = at_the_end_of_the_questions(client)
    say_her_strengths(mette, text="")
    row = mette.open("/register/check").soup.select_one("#answer-strengths_text")
    assert row is not None, "the answer she said has its row, as a written one has"
    assert "Sagt med din stemme" in row.get_text(" ", strip=True)


def test_a_written_answer_she_also_said_says_both(client):
    mette = at_the_end_of_the_questions(client)
    say_her_strengths(mette)
    row = mette.open("/register/check").soup.select_one("#answer-strengths_text")
    words = row.get_text(" ", strip=True)
    assert WHAT_SHE_WROTE in words and "Sagt med din stemme" in words


def test_her_receipt_says_which_answer_she_said(client):
    mette = at_the_end_of_the_questions(client)
    say_her_strengths(mette, text="")
    mette.send()
    row = mette.open("/register/receipt").soup.select_one("#answer-strengths_text")
    assert row is not None and "Sagt med din stemme" in row.get_text(" ", strip=True)
