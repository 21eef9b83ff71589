""" "Se din jobprofil": after sending, the person opens their job profile from the
receipt, listens to it, chooses whether their health is on it, gets it as a PDF, and by
email only with their yes and never with their health."""

import io

from pypdf import PdfReader

from people import MYSELF_IN_AARHUS, Visitor
from test_what_the_site_promises import sent

HEALTH = "Jeg har autisme."
BY_EMAIL = {
    **MYSELF_IN_AARHUS,
    "contact": {"contact_method": "email"},
    "email": {"email": "mette@mail.dk"},
}


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def drawn_pictures(reader):
    """WeasyPrint draws each SVG pictogram as a form XObject of its own."""
    found = 0
    for number in range(1, reader.trailer["/Size"]):
        found_object = reader.get_object(number)
        found += getattr(found_object, "get", lambda _key: None)("/Subtype") == "/Form"
    return found


def test_mette_sends_and_opens_her_job_profile_from_the_receipt(client):
    mette = sent(client)
    done = mette.open("/register/done")
    [link] = [a for a in done.soup.select("main a") if a.get_text() == "Se din jobprofil"]
    assert link["href"] == "/register/profile", "nothing personal in the address"
    profile = mette.open(link["href"])
    text = profile.text()
    assert profile.h1 == "Din jobprofil"
    assert "Det er mig: Mette Hansen" in text
    assert "Jeg vil gerne arbejde med:" in text and "Køkken og kantine" in text
    assert "Jeg kan godt lide:" in text and "Jeg kan lide at bage." in text
    assert "Det hjælper mig på arbejdet:" in text and "Et roligt sted" in text
    assert "Sådan kommer jeg på arbejde:" in text and "Bus eller tog" in text
    assert HEALTH not in text, "health is off the profile until Mette chooses it"
    # Each picture's address: its concept, a hash of the file, .svg.
    pictures = {
        img["src"].rsplit("/", 1)[-1].split(".")[0] for img in profile.soup.select(".profile img")
    }
    assert {"kitchen", "bus"} <= pictures
    assert "Se din jobprofil" in mette.open("/register/receipt").text()


def test_the_profile_page_is_personal_never_stored_and_read_aloud_as_her_own(client):
    mette = sent(client)
    response = client.get("/register/profile")
    assert response.headers["Cache-Control"] == "no-store"
    page = mette.open("/register/profile")
    whole = page.soup.select_one("[data-listen-page]")
    assert whole["data-listen-normal"].startswith("/listen/own/"), "her name is in it"
    speaker = page.soup.select_one("#profile-work ~ [data-listen], #profile-work [data-listen]")
    assert speaker is not None
    audio = client.get(whole["data-listen-normal"])
    assert audio.status_code == 200 and audio.headers["Cache-Control"] == "no-store"


def test_a_stranger_without_the_receipt_sees_no_profile(client, app):
    sent(client)
    stranger = app.test_client()
    for url in ("/register/profile", "/register/profile.pdf"):
        response = stranger.get(url)
        assert response.status_code == 302 and response.location.endswith("/")


def test_mette_chooses_to_show_her_health_and_it_is_marked(client):
    mette = sent(client)
    page = mette.open("/register/profile")
    assert "Dit helbred er ikke på profilen nu." in page.text()
    token = page.csrf_token()
    client.post("/register/profile/health/show", data={"csrf_token": token})
    shown = mette.open("/register/profile")
    [health] = shown.soup.select(".profile__section--health")
    assert (
        HEALTH in health.get_text() and "Jeg har selv valgt at vise det her." in health.get_text()
    )
    client.post("/register/profile/health/hide", data={"csrf_token": token})
    assert HEALTH not in mette.open("/register/profile").text()


def test_no_health_choice_when_mette_kept_her_health_to_herself(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send(consent_health=False)
    page = mette.open("/register/profile")
    assert "Vil du vise dit helbred på profilen?" not in page.text()
    client.post("/register/profile/health/show", data={"csrf_token": page.csrf_token()})
    assert HEALTH not in mette.open("/register/profile").text()


def test_the_pdf_holds_her_answers_on_one_page_without_her_health(client):
    mette = sent(client)
    response = client.get("/register/profile.pdf")
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Mette" not in response.headers["Content-Disposition"]
    assert response.data.startswith(b"%PDF-")
    reader, text = pdf_text(response.data)
    assert len(reader.pages) == 1, "a typical profile is one A4 page"
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4 in points
    assert "Det er mig: Mette Hansen" in text
    assert "Køkken og kantine" in text and "Jeg kan lide at bage." in text
    assert HEALTH not in text
    on_the_page = mette.open("/register/profile").soup.select(
        ".profile img:not(.pictogram--listen)"
    )
    assert drawn_pictures(reader) == len(on_the_page) == 24, "the same pictures as the page"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da" and "/StructTreeRoot" in root, "tagged for screen readers"


def test_the_pdf_has_her_health_only_when_she_chose_it(client):
    mette = sent(client)
    client.post(
        "/register/profile/health/show",
        data={"csrf_token": mette.open("/register/profile").csrf_token()},
    )
    _reader, text = pdf_text(client.get("/register/profile.pdf").data)
    assert HEALTH in text and "Jeg har selv valgt at vise det her." in text


def test_the_profile_goes_by_email_only_with_her_yes_and_without_health(app_with_mail, mail_server):
    client = app_with_mail.test_client()
    mette = sent(client, BY_EMAIL)
    client.post(
        "/register/profile/health/show",
        data={"csrf_token": mette.open("/register/profile").csrf_token()},
    )
    receipts = len(mail_server.inbox.messages)

    refused = client.post(
        "/register/profile/email", data={"csrf_token": mette.open("/register/profile").csrf_token()}
    )
    assert refused.status_code == 200
    assert "Sæt kryds, hvis du siger ja" in refused.get_data(as_text=True)
    assert len(mail_server.inbox.messages) == receipts

    sent_page = client.post(
        "/register/profile/email",
        data={"csrf_token": mette.open("/register/profile").csrf_token(), "person_agrees": "y"},
    )
    assert sent_page.status_code == 302
    assert "Vi har sendt din jobprofil til mette@mail.dk." in mette.open("/register/profile").text()
    message = mail_server.inbox.messages[-1]
    body = mail_server.inbox.bodies()[-1]
    assert message["To"] == "mette@mail.dk" and message["Subject"] == "Din jobprofil fra KLAPjob"
    assert "Køkken og kantine" in body and "Det er mig: Mette Hansen" in body
    assert HEALTH not in body, "health never goes by email, even when shown on the profile"


def test_nobody_can_keep_the_server_busy_making_pdfs(app, client):
    app.config["PROFILE_PDFS_PER_HOUR"] = 2
    sent(client)
    for _ in range(2):
        assert client.get("/register/profile.pdf").mimetype == "application/pdf"
    refused = client.get("/register/profile.pdf")
    assert refused.status_code == 429
    assert refused.mimetype == "text/html"
    assert "Du har lavet mange PDF" in refused.get_data(as_text=True)


def test_nobody_can_fill_a_helpers_inbox_with_profiles(app_with_mail, mail_server):
    app_with_mail.config["PROFILE_MAILS_PER_HOUR"] = 1
    client = app_with_mail.test_client()
    mette = sent(client, BY_EMAIL)
    yes = {"person_agrees": "y"}
    first = client.post(
        "/register/profile/email",
        data={"csrf_token": mette.open("/register/profile").csrf_token(), **yes},
    )
    assert first.status_code == 302
    mails = len(mail_server.inbox.messages)
    again = client.post(
        "/register/profile/email",
        data={"csrf_token": mette.open("/register/profile").csrf_token(), **yes},
    )
    assert again.status_code == 429
    assert "Vi har sendt mange mails herfra lige nu" in again.get_data(as_text=True)
    assert len(mail_server.inbox.messages) == mails


def test_the_log_says_when_mette_herself_looked_at_and_printed_her_profile(app, client, db):
    mette = sent(client, BY_EMAIL)
    mette.open("/register/profile")
    client.get("/register/profile.pdf")
    [reference] = [r["reference"] for r in db.query("SELECT reference FROM registrations")]
    entries = [
        (r["action"], r["user_id"])
        for r in db.query(
            "SELECT action, user_id FROM audit_log WHERE reference = ? ORDER BY id", [reference]
        )
    ]
    assert ("viewed_profile", None) in entries and ("printed_profile", None) in entries
