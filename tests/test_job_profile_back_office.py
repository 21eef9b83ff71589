"""The consultant's side of the job profile: Karl opens Mette's profile beside her
registration, adds with her what her praktik taught, and makes a version for the
employer only after Mette's yes; when she withdraws it, no employer's version is made."""

import io
from datetime import timedelta

from pypdf import PdfReader

from app.core import clock
from app.domain.registrations.profile_versions import save_version
from pages import Page
from people import MYSELF_IN_AARHUS, Visitor
from staff import register, staff_member

HEALTH = "Jeg har autisme xq4"


def karl_and_mette(app):
    mette = register(app, health=HEALTH)
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    return karl, mette


def profile_url(mette):
    return f"/staff/registrations/{mette['public_id']}/profile"


def audit_actions(db, reference):
    return [
        r["action"]
        for r in db.query(
            "SELECT action FROM audit_log WHERE reference = ? ORDER BY id", [reference]
        )
    ]


def test_karl_opens_mettes_profile_from_her_registration_and_the_log_says_so(app, db):
    karl, mette = karl_and_mette(app)
    registration = karl.open(f"/staff/registrations/{mette['public_id']}")
    [link] = [a for a in registration.soup.select("main a") if a.get_text() == "Åbn jobprofilen"]
    page = karl.open(link["href"])
    assert page.status == 200
    assert "Jeg vil gerne arbejde med:" in page.text() and "Køkken og kantine" in page.text()
    assert HEALTH not in page.text(), "the profile shows what Mette chose to show"
    assert "viewed_profile" in audit_actions(db, mette["reference"])


def test_after_the_praktik_karl_adds_what_they_learned_and_every_version_is_kept(app, db):
    karl, mette = karl_and_mette(app)
    response = karl.post_form(
        profile_url(mette),
        {
            "good_at": "At bage boller\nAt holde orden",
            "went_well": "Kaffen til mødet",
            "was_hard": "Larm ved opvasken",
            "accommodations": "Høreværn\nEn fast makker",
        },
    )
    assert response.status_code == 302
    page = karl.open(profile_url(mette))
    assert "Version 1 af profilen er gemt." in page.text()
    assert "Det er jeg god til:" in page.text() and "At holde orden" in page.text()
    assert "Det var svært:" in page.text() and "Larm ved opvasken" in page.text()
    karl.post_form(
        profile_url(mette),
        {
            "good_at": "At bage boller",
            "went_well": "",
            "was_hard": "",
            "accommodations": "Høreværn",
        },
    )
    rows = list(db.query("SELECT number, made_by, good_at FROM profile_versions ORDER BY number"))
    assert [(r["number"], r["made_by"]) for r in rows] == [(1, karl.user.id), (2, karl.user.id)]
    assert rows[0]["good_at"] == "At bage boller\nAt holde orden", "the old version is kept"
    history = karl.open(profile_url(mette)).text()
    assert "Version 2" in history and "Version 1" in history and "Karl Jensen" in history
    assert audit_actions(db, mette["reference"]).count("profile_changed") == 2


def test_mette_gets_the_new_version_the_same_ways_as_the_first(app, db):
    mette_here = Visitor(app.test_client())
    mette_here.answer_all(MYSELF_IN_AARHUS)
    mette_here.send()
    mette = next(db.query("SELECT public_id FROM registrations"))
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    karl.post_form(
        profile_url(mette),
        {"good_at": "At bage boller", "went_well": "", "was_hard": "", "accommodations": ""},
    )
    page = mette_here.open("/register/profile")
    assert "Det er jeg god til:" in page.text() and "At bage boller" in page.text()
    pdf = mette_here.client.get("/register/profile.pdf").data
    assert "At bage boller" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_karl_prints_mettes_profile_for_the_meeting_and_the_log_says_so(app, db):
    karl, mette = karl_and_mette(app)
    response = karl.client.get(f"{profile_url(mette)}.pdf")
    assert response.mimetype == "application/pdf"
    text = PdfReader(io.BytesIO(response.data)).pages[0].extract_text()
    assert "Køkken og kantine" in text and HEALTH not in text
    assert "printed_profile" in audit_actions(db, mette["reference"])


def employer_yes(karl, mette, employer="Bageriet Hansen", days_ago=0):
    day = (clock.today() - timedelta(days=days_ago)).isoformat()
    return karl.post_form(
        f"{profile_url(mette)}/employers",
        {"employer": employer, "agreed_on": day},
        form_on=profile_url(mette),
    )


def test_the_employers_version_comes_only_after_mettes_yes_and_has_no_health_or_phone(app, db):
    karl, mette = karl_and_mette(app)
    with app.test_request_context():
        save_version(db, mette["id"], include_health=True)  # Mette shows it on her own
    page = karl.open(profile_url(mette))
    assert HEALTH not in page.text(), "not given to Karl: he asks to see it"
    shown = karl.post_form(f"{profile_url(mette)}/health", {}, form_on=profile_url(mette))
    assert HEALTH in Page(shown).text()
    assert "Personen har ikke sagt ja til nogen arbejdsgiver." in page.text()
    assert not page.soup.select("a[href*='/employers/']")

    assert employer_yes(karl, mette, days_ago=2).status_code == 302
    page = karl.open(profile_url(mette))
    [printable, pdf_link] = page.soup.select("a[href*='/employers/']")
    employer_page = karl.open(printable["href"])
    assert employer_page.h1 == "Jobprofil til Bageriet Hansen"
    assert "Køkken og kantine" in employer_page.text()
    assert HEALTH not in employer_page.text() and "20 30 40 50" not in employer_page.text()
    assert "Til Bageriet Hansen. Jeg har sagt ja til at vise den til jer." in employer_page.text()
    pdf = karl.client.get(pdf_link["href"])
    text = PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert "Bageriet Hansen" in text and HEALTH not in text and "20 30 40 50" not in text
    assert "employer_yes" in audit_actions(db, mette["reference"])
    assert audit_actions(db, mette["reference"]).count("employer_profile") == 2


def test_when_mette_withdraws_her_yes_no_employers_version_is_made(app, db):
    karl, mette = karl_and_mette(app)
    employer_yes(karl, mette)
    page = karl.open(profile_url(mette))
    [printable, pdf_link] = page.soup.select("a[href*='/employers/']")
    withdraw = page.soup.find("form", action=lambda a: a and a.endswith("/withdraw"))
    assert karl.post_form(withdraw["action"], {}, form_on=profile_url(mette)).status_code == 302
    assert "Trukket tilbage" in karl.open(profile_url(mette)).text()
    assert karl.client.get(printable["href"]).status_code == 403
    assert karl.client.get(pdf_link["href"]).status_code == 403
    assert "employer_yes_withdrawn" in audit_actions(db, mette["reference"])


def test_a_yes_needs_the_employer_and_a_day_that_has_come(app):
    karl, mette = karl_and_mette(app)
    page = employer_yes(karl, mette, employer="", days_ago=-3)
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "Skriv arbejdsgiverens navn" in body
    assert list(karl.open(profile_url(mette)).soup.select("a[href*='/employers/']")) == []


def test_another_consultant_cannot_open_a_profile_they_may_not_see(app):
    _karl, mette = karl_and_mette(app)
    other = staff_member(app, "consultant", email="ole@klapjob.dk", name="Ole", covers=("101",))
    other.sign_in()
    assert other.client.get(profile_url(mette)).status_code == 404
    assert other.client.get(f"{profile_url(mette)}.pdf").status_code == 404


def test_karl_emails_mette_the_new_version_after_her_yes_and_never_her_health(
    app_with_mail, mail_server, db
):
    by_email = {
        **MYSELF_IN_AARHUS,
        "contact": {"contact_method": "email"},
        "email": {"email": "mette@mail.dk"},
    }
    mette = register(app_with_mail, by_email, health=HEALTH)
    karl = staff_member(app_with_mail, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    karl.post_form(
        profile_url(mette),
        {"good_at": "At bage boller", "went_well": "", "was_hard": "", "accommodations": ""},
    )
    page = karl.open(profile_url(mette))
    assert "mette@mail.dk" in page.text(), "Karl sees where the profile would go"
    mails = len(mail_server.inbox.messages)

    refused = karl.post_form(f"{profile_url(mette)}/email", {}, form_on=profile_url(mette))
    assert refused.status_code == 200
    assert "Sæt kryds, når personen har sagt ja" in refused.get_data(as_text=True)
    assert len(mail_server.inbox.messages) == mails

    karl.post_form(
        f"{profile_url(mette)}/email", {"person_agrees": "y"}, form_on=profile_url(mette)
    )
    assert len(mail_server.inbox.messages) == mails + 1
    message, body = mail_server.inbox.messages[-1], mail_server.inbox.bodies()[-1]
    assert message["To"] == "mette@mail.dk" and message["Subject"] == "Din jobprofil fra KLAPjob"
    assert "At bage boller" in body, "the new version goes, with what Karl and Mette added"
    assert HEALTH not in body
    assert "Vi har sendt jobprofilen på e-mail." in karl.open(profile_url(mette)).text()
    [sender] = list(
        db.query(
            "SELECT user_id FROM audit_log WHERE action = 'emailed_profile' AND reference = ?",
            [mette["reference"]],
        )
    )
    assert sender["user_id"] is not None, "the log says which consultant sent it"


def test_without_an_email_address_karl_is_told_so_and_nothing_is_sent(app_with_mail, mail_server):
    mette = register(app_with_mail, health=HEALTH)  # by phone, no helper
    karl = staff_member(app_with_mail, "consultant", covers=("751",)).sign_in()
    page = karl.open(profile_url(mette))
    assert "Vi har ingen e-mailadresse til personen eller en hjælper." in page.text()
    mails = len(mail_server.inbox.messages)
    karl.client.post(
        f"{profile_url(mette)}/email", data={"csrf_token": page.csrf_token(), "person_agrees": "y"}
    )
    assert len(mail_server.inbox.messages) == mails
