"""Hear it from the person, from the paper: Mette's printed job profile has a QR code. A
phone that scans it opens her profile read aloud, her own voice first where she said yes.
The employer's paper opens the employer's version only, with her voice only with that
version's own yes. The code is a random token (only its hash is kept), it ends after
KLAPJOB_PROFILE_LINK_DAYS, with a withdrawn yes, with a newer print and with Mette herself;
an ended or unknown code meets a kind page. Every opening is in the log, without her name."""

import io
import subprocess
from datetime import timedelta
from urllib.parse import urlsplit

import pypdfium2
import pytest
from pypdf import PdfReader

from app.core import clock
from html_checker import html_errors
from people import Visitor
from readability import reading
from staff import staff_member
from test_profile_in_her_own_voice import (
    PROFILE,
    employer_yes,
    her_voice_choice,
    players,
    voice_ids,
)
from test_voice_answers_for_staff import mette_sends_two_recordings

KIND_PAGE = "Koden virker ikke mere"


def code_on_paper(pdf):
    """The address in the QR code of the PDF's one page, as a phone's camera reads it."""
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, "still one A4 page"
    picture = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    found = subprocess.run(
        ["zbarimg", "--raw", "-q", "-"],
        input=image_bytes(picture),
        capture_output=True,
        check=False,
    ).stdout.decode()
    [address] = found.split()
    return address


def image_bytes(picture):
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def paper_text(pdf):
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def a_phone(app):
    """Somebody else's phone: no cookie of Mette's, no sign-in."""
    return Visitor(app.test_client())


def path_of(address):
    return urlsplit(address).path


def karl_and_her_profile(app, db):
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    [row] = db.query("SELECT public_id FROM registrations")
    return karl, f"/staff/registrations/{row['public_id']}/profile"


def employer_papers(karl, profile):
    """{employer: the employer's PDF}, for every yes on the profile page."""
    links = karl.open(profile).soup.select("a[href*='/employers/'][href$='.pdf']")
    return [karl.client.get(link["href"]).data for link in links]


def test_a_phone_scans_mettes_paper_and_hears_her_profile_her_own_voice_first(app, client):
    likes, _health = mette_sends_two_recordings(client)
    mette = Visitor(client)
    her_voice_choice(mette, "show")
    pdf = client.get(f"{PROFILE}.pdf").data
    assert "Scan koden med en telefon. Så kan du høre min profil." in paper_text(pdf)
    address = code_on_paper(pdf)
    assert path_of(address).startswith("/p/") and len(path_of(address)) > 20

    page = a_phone(app).open(path_of(address))
    assert page.status == 200
    assert page.h1 == "Hør min jobprofil"
    assert "Det er mig: Mette Hansen" in page.text()
    assert page.soup.select("[data-listen]"), "the site reads it aloud"
    card = page.soup.select_one("#profile-likes")
    in_order = card.select(".profile__voice, [data-listen]")
    assert "profile__voice" in in_order[0]["class"], "her own voice before the reading voice"
    heard = app.test_client().get(players(page)["profile-likes"]["src"])
    assert (heard.status_code, heard.data) == (200, likes)
    assert heard.headers["Cache-Control"] == "no-store"


def test_her_health_recording_never_plays_from_the_paper(app, client, db):
    mette_sends_two_recordings(client)
    her_voice_choice(Visitor(client), "show")
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    assert set(players(a_phone(app).open(address))) == {"profile-likes"}
    health = app.test_client().get(f"{address}/voice/{voice_ids(db)['health']}")
    assert health.status_code == 404


def test_the_page_says_who_can_hear_it_and_until_which_day(app, client):
    mette_sends_two_recordings(client)
    pdf = client.get(f"{PROFILE}.pdf").data
    last_day = clock.today() + timedelta(days=app.config["PROFILE_LINK_DAYS"])
    page = a_phone(app).open(path_of(code_on_paper(pdf)))
    text = page.text()
    assert "Alle med koden kan se og høre siden." in text
    assert f"{last_day.day}." in text and str(last_day.year) in text


def test_without_her_yes_to_her_voice_the_paper_reads_aloud_only_with_the_sites_voice(app, client):
    mette_sends_two_recordings(client)
    page = a_phone(app).open(path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data)))
    assert page.status == 200 and players(page) == {}
    assert page.soup.select("[data-listen]")


def test_the_employers_paper_opens_only_the_employers_version_her_voice_only_with_its_yes(
    app, client, db
):
    likes, _health = mette_sends_two_recordings(client)
    her_voice_choice(Visitor(client), "show")
    karl, profile = karl_and_her_profile(app, db)
    employer_yes(karl, profile, "Bageriet Hansen")
    employer_yes(karl, profile, "Kantinen Syd", with_voice="y")
    without, with_voice = employer_papers(karl, profile)

    bakery = a_phone(app).open(path_of(code_on_paper(without)))
    assert bakery.status == 200
    assert "Til Bageriet Hansen" in bakery.text() and "Kantinen Syd" not in bakery.text()
    assert "Spørgsmål? Ring til KLAPjob:" in bakery.text()
    assert "autisme" not in bakery.text(), "never her health on an employer's version"
    assert players(bakery) == {}, "no yes to her voice on this version"

    canteen = a_phone(app).open(path_of(code_on_paper(with_voice)))
    assert "Til Kantinen Syd" in canteen.text()
    heard = app.test_client().get(players(canteen)["profile-likes"]["src"])
    assert (heard.status_code, heard.data) == (200, likes)


def test_her_health_is_heard_from_the_paper_only_while_she_shows_it(app, client):
    mette_sends_two_recordings(client)
    mette = Visitor(client)
    page = mette.open(PROFILE)
    client.post(f"{PROFILE}/health/show", data={"csrf_token": page.csrf_token()})
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    assert "autisme" in a_phone(app).open(address).text(), "the paper shows it: so does the page"
    page = mette.open(PROFILE)
    client.post(f"{PROFILE}/health/hide", data={"csrf_token": page.csrf_token()})
    assert "autisme" not in a_phone(app).open(address).text()


def test_an_unknown_code_meets_a_kind_page(app):
    page = a_phone(app).open("/p/" + "A" * 22)
    assert page.status == 404
    assert KIND_PAGE in page.text() and "12 34 56 78" in page.text()


def test_the_code_ends_after_the_settings_days(app, client, time_machine):
    mette_sends_two_recordings(client)
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    days = app.config["PROFILE_LINK_DAYS"]
    time_machine.move_to(clock.now() + timedelta(days=days - 1))
    assert a_phone(app).open(address).status == 200
    time_machine.move_to(clock.now() + timedelta(days=2))
    page = a_phone(app).open(address)
    assert page.status == 404 and KIND_PAGE in page.text()


def test_a_newer_print_replaces_the_older_code(app, client):
    mette_sends_two_recordings(client)
    older = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    newer = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    assert older != newer
    assert a_phone(app).open(older).status == 404
    assert a_phone(app).open(newer).status == 200


def test_a_withdrawn_yes_ends_the_employers_code(app, client, db):
    mette_sends_two_recordings(client)
    karl, profile = karl_and_her_profile(app, db)
    employer_yes(karl, profile, "Bageriet Hansen")
    [paper] = employer_papers(karl, profile)
    address = path_of(code_on_paper(paper))
    assert a_phone(app).open(address).status == 200
    withdraw = karl.open(profile).soup.select_one("form[action*='/withdraw']")["action"]
    karl.post_form(withdraw, {}, form_on=profile)
    assert a_phone(app).open(address).status == 404


def test_deleting_mette_ends_her_code(app, client, db):
    mette_sends_two_recordings(client)
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    [row] = db.query("SELECT public_id, reference FROM registrations")
    anna = staff_member(app, "admin").sign_in()
    case = f"/staff/registrations/{row['public_id']}"
    anna.post_form(f"{case}/delete", {"reference": row["reference"]})
    assert next(db.query("SELECT count(*) AS n FROM profile_links"))["n"] == 0
    assert a_phone(app).open(address).status == 404


def test_only_the_hash_of_the_code_is_kept(app, client, db):
    mette_sends_two_recordings(client)
    address = code_on_paper(client.get(f"{PROFILE}.pdf").data)
    token = path_of(address).rsplit("/", 1)[-1]
    [link] = db.query("SELECT * FROM profile_links")
    assert token not in str(link.values())
    assert row_reference(db) not in address


def row_reference(db):
    return next(db.query("SELECT reference FROM registrations"))["reference"]


@pytest.mark.parametrize("known", [True, False], ids=["her code", "an unknown code"])
def test_the_page_is_never_stored_indexed_or_named_to_another_site(app, client, known):
    mette_sends_two_recordings(client)
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    response = app.test_client().get(address if known else "/p/unknown-code-1234567890")
    assert response.status_code == (200 if known else 404)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response.headers["X-Robots-Tag"]


def test_every_opening_is_in_the_log_without_her_name(app, client, db):
    mette_sends_two_recordings(client)
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    phone = a_phone(app)
    phone.open(address)
    phone.open(address)
    log = list(db.query("SELECT * FROM audit_log WHERE action = 'opened_profile_link'"))
    assert len(log) == 2
    assert all(entry["reference"] == row_reference(db) for entry in log)
    assert all("Mette" not in str(entry.values()) for entry in log)


def test_nobody_can_try_codes_without_end(app):
    phone = a_phone(app)
    answers = [phone.open(f"/p/made-up-code-{n:08d}").status for n in range(200)]
    assert answers[0] == 404 and answers[-1] == 429


def test_what_the_page_and_the_kind_page_say_is_easy_to_read_and_valid_html(app, client, tmp_path):
    mette_sends_two_recordings(client)
    her_voice_choice(Visitor(client), "show")
    address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    pages = {"heard": a_phone(app).open(address), "ended": a_phone(app).open("/p/unknown")}
    words = {
        "heard": pages["heard"].soup.select_one("#about-the-code"),
        "ended": pages["ended"].soup.select_one("main"),
    }
    files = []
    for name, page in pages.items():
        lines = [line for line in words[name].get_text("\n").splitlines() if line.strip()]
        read = reading(lines)
        assert read.lix <= 24, (name, read)
        assert max(len(sentence.split()) for sentence in read.sentences) <= 15, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(page.response.get_data(as_text=True))
    assert html_errors(files) == []


def test_her_data_file_lists_each_live_code_on_her_papers_and_never_the_code(app, client, db):
    """Her right to see what KLAPjob holds (GDPR art. 15): which papers carry a code that
    still opens her profile, for whom, and until which day; the code itself is not kept."""
    import json

    mette_sends_two_recordings(client)
    own_address = path_of(code_on_paper(client.get(f"{PROFILE}.pdf").data))
    karl, profile = karl_and_her_profile(app, db)
    employer_yes(karl, profile, "Bageriet Hansen")
    [paper] = employer_papers(karl, profile)
    employer_address = path_of(code_on_paper(paper))
    last_day = (clock.today() + timedelta(days=app.config["PROFILE_LINK_DAYS"])).isoformat()

    anna = staff_member(app, "admin").sign_in()
    exported = anna.client.get(profile.replace("/profile", "/data.json")).data.decode()

    codes = json.loads(exported)["job_profile"]["codes_on_paper"]
    assert sorted((c["for"], c["last_day"]) for c in codes) == [
        ("Bageriet Hansen", last_day),
        ("the person", last_day),
    ]
    assert all(c["made_at"] and c["health_shown"] is False for c in codes)
    for address in (own_address, employer_address):
        assert address.rsplit("/", 1)[-1] not in exported


def test_her_access_printout_says_in_words_what_her_job_profile_holds(app, client, db):
    """The printout she reads for her access request names the parts of the job profile
    that hold her: her photo, her recordings, each employer's yes and each live code."""
    from photos import phone_jpeg
    from test_profile_photo import sends_photo

    mette_sends_two_recordings(client)
    sends_photo(Visitor(client), phone_jpeg())
    client.get(f"{PROFILE}.pdf")
    karl, profile = karl_and_her_profile(app, db)
    employer_yes(karl, profile, "Bageriet Hansen")
    employer_papers(karl, profile)
    last_day = clock.today() + timedelta(days=app.config["PROFILE_LINK_DAYS"])

    anna = staff_member(app, "admin").sign_in()
    page = anna.open(profile.replace("/profile", "/print"))

    section = page.soup.find("h2", string="Jobprofilen").find_next("ul")
    lines = [" ".join(li.get_text(" ", strip=True).split()) for li in section.find_all("li")]
    text = " ".join(lines)
    assert "Et billede af personen på profilen" in text
    assert text.count("En optagelse af personens stemme") == 2
    assert "Ja til at vise profilen til Bageriet Hansen" in text
    assert "En kode på papir til personen selv åbner profilen til og med" in text
    assert "En kode på papir til Bageriet Hansen åbner profilen til og med" in text
    assert str(last_day.year) in text
