"""Health answers (GDPR art. 9) in the back office: every place that can show them (the
case page, the job profile page and its PDF, the intake's health question and its
answers-and-consent page) shows them at once only to the consultant the registration is
given to. Anybody else sees them only after pressing "Vis helbred", and each press is one
line in the audit log. A draft found by its code is carried on only by someone who covers
its municipality."""

import io

import pytest
from pypdf import PdfReader

from app.core.db import connect
from app.domain.registrations.profile_versions import save_version
from app.domain.registrations.resume import create_resume_key
from pages import Page, location_path
from people import MYSELF_IN_AARHUS
from staff import register, saved_draft, staff_member

HEALTH = "Jeg har epilepsi zq7"


def audit_rows(app):
    db = connect(app.config["DATABASE"])
    try:
        return list(db.query("SELECT user_id, action, reference, detail FROM audit_log"))
    finally:
        db.close()


def new_audit_rows(app, before):
    return audit_rows(app)[len(before) :]


def pdf_text(response):
    assert response.mimetype == "application/pdf", response.get_data(as_text=True)[:500]
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)


@pytest.fixture
def mette_shows_health_on_her_profile(app):
    """Mette in Aarhus wrote about her health, said yes to keeping it, and chose to show
    it on her job profile. Karl covers Aarhus: the registration is given to him."""
    karl = staff_member(app, name="Karl Jensen", covers=("751",))
    mette = register(app, health=HEALTH)
    assert mette["consultant_id"] == karl.user.id
    db = connect(app.config["DATABASE"])
    with app.test_request_context():
        save_version(db, mette["id"], include_health=True)
    db.close()
    return karl, mette


def reveal(member, app, url, form_on):
    """Press "Vis helbred": the response and the audit lines the press wrote."""
    page = member.open(form_on)
    before = audit_rows(app)
    [form] = page.soup.find_all("form", action=url)
    assert form.find("button").get_text(strip=True).startswith("Vis helbred")
    response = member.client.post(url, data={"csrf_token": page.csrf_token()})
    if response.mimetype == "text/html":
        Page(response).assert_well_formed()
    return response, new_audit_rows(app, before)


def assert_one_reveal(lines, member, reference):
    assert [(r["action"], r["user_id"], r["reference"]) for r in lines] == [
        ("viewed_health", member.user.id, reference)
    ], "one press, one line in the audit log"


@pytest.mark.parametrize("who", ["admin", "colleague"])
def test_someone_who_is_not_the_cases_consultant_sees_health_only_after_asking_everywhere(
    app, mette_shows_health_on_her_profile, who
):
    _karl, mette = mette_shows_health_on_her_profile
    if who == "admin":
        member = staff_member(app, "admin", name="Anna Admin").sign_in()
    else:  # not given to anybody yet: Ole covers Aarhus too and may pick it up
        db = connect(app.config["DATABASE"])
        db.execute("UPDATE registrations SET consultant_id = NULL")
        db.conn.commit()
        db.close()
        member = staff_member(app, name="Ole Olsen", covers=("751",)).sign_in()
    case = f"/staff/registrations/{mette['public_id']}"
    profile = f"{case}/profile"

    assert HEALTH not in member.open(case).html
    shown, lines = reveal(member, app, f"{case}/health", form_on=case)
    assert HEALTH in Page(shown).text()
    assert_one_reveal(lines, member, mette["reference"])

    assert HEALTH not in member.open(profile).html, "Mette's choice is not a reveal"
    shown, lines = reveal(member, app, f"{profile}/health", form_on=profile)
    assert HEALTH in Page(shown).text()
    assert_one_reveal(lines, member, mette["reference"])

    assert HEALTH not in pdf_text(member.client.get(f"{profile}.pdf"))
    shown, lines = reveal(member, app, f"{profile}.pdf", form_on=profile)
    assert HEALTH in pdf_text(shown)
    assert_one_reveal(lines, member, mette["reference"])


def test_the_cases_own_consultant_sees_health_at_once_and_no_reveal_is_logged(
    app, mette_shows_health_on_her_profile
):
    karl, mette = mette_shows_health_on_her_profile
    karl.sign_in()
    case = f"/staff/registrations/{mette['public_id']}"
    assert HEALTH in karl.open(case).text()
    assert HEALTH in karl.open(f"{case}/profile").text()
    assert HEALTH in pdf_text(karl.client.get(f"{case}/profile.pdf"))
    assert "viewed_health" not in {r["action"] for r in audit_rows(app)}


def draft_with_a_code(app, answers_by_step):
    token = saved_draft(app, answers_by_step)
    db = connect(app.config["DATABASE"])
    code = create_resume_key(db, token, "code", secret=app.config["SECRET_KEY"], days=7)
    db.close()
    return code


def carry_on(member, code):
    return member.post_form(
        "/staff/drafts/continue", {"code": code, "channel": "phone"}, form_on="/staff/drafts"
    )


def intake_of(response):
    """The registration's address, whichever of its pages the consultant was sent to."""
    return location_path(response).split("/page/")[0].removesuffix("/consent")


def test_a_drafts_health_shows_in_the_intake_only_after_asking_and_each_time_is_logged(app):
    answers = {**MYSELF_IN_AARHUS, "health": {"health": HEALTH}}
    del answers["ambassador"]  # she stopped just before the last question
    code = draft_with_a_code(app, answers)
    karl = staff_member(app, name="Karl Jensen", covers=("751",)).sign_in()
    found = karl.post_form("/staff/drafts", {"code": code})
    assert "Mette Hansen" in found.get_data(as_text=True)
    assert HEALTH not in found.get_data(as_text=True)
    intake = intake_of(carry_on(karl, code))

    health_page = f"{intake}/page/4"  # support, health and the meeting
    assert HEALTH not in karl.open(health_page).html
    shown, lines = reveal(karl, app, f"{health_page}/show-health", form_on=health_page)
    assert HEALTH in Page(shown).html
    assert [(r["action"], r["user_id"]) for r in lines] == [("viewed_health", karl.user.id)]

    consent = f"{intake}/consent"
    assert HEALTH not in karl.open(consent).html
    shown, lines = reveal(karl, app, f"{consent}/show-health", form_on=consent)
    assert HEALTH in Page(shown).text()
    assert [(r["action"], r["user_id"]) for r in lines] == [("viewed_health", karl.user.id)]


def test_without_asking_the_health_page_keeps_the_drafts_health_as_it_is(app):
    code = draft_with_a_code(app, {**MYSELF_IN_AARHUS, "health": {"health": HEALTH}})
    karl = staff_member(app, name="Karl Jensen", covers=("751",)).sign_in()
    intake = intake_of(carry_on(karl, code))
    health_page = f"{intake}/page/4"
    page = karl.open(health_page)
    assert page.soup.find(attrs={"name": "health"}) is None, "no field with her health"
    said = {name: value for step in MYSELF_IN_AARHUS.values() for name, value in step.items()}
    del said["health"]
    saved = karl.post_form(health_page, said)
    assert saved.status_code == 302, Page(saved).error_summary_links()
    assert location_path(saved).endswith("/consent"), "he goes on"
    db = connect(app.config["DATABASE"])
    [draft] = db.query("SELECT answers FROM drafts")
    db.close()
    assert HEALTH in draft["answers"], "nothing the person wrote is lost"


def test_a_draft_in_another_consultants_municipality_cannot_be_found_or_carried_on(app):
    code = draft_with_a_code(app, {**MYSELF_IN_AARHUS, "health": {"health": HEALTH}})
    ole = staff_member(app, name="Ole Olsen", covers=("101",)).sign_in()
    found = ole.post_form("/staff/drafts", {"code": code})
    assert "Mette Hansen" not in found.get_data(as_text=True)
    assert "Tjek koden" in found.get_data(as_text=True)
    response = carry_on(ole, code)
    assert location_path(response) == "/staff/drafts"
    db = connect(app.config["DATABASE"])
    assert next(db.query("SELECT count(*) AS n FROM staff_intakes"))["n"] == 0
    db.close()
    anna = staff_member(app, "admin", name="Anna Admin").sign_in()
    assert "Mette Hansen" in anna.post_form("/staff/drafts", {"code": code}).get_data(
        as_text=True
    ), "an admin finds every draft"
