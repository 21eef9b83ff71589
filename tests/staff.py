"""KLAPjob's staff in the tests: accounts made through the data layer, signing in
through the real pages (a password, then a code from the authenticator app), and
citizens' registrations to work on."""

import copy
import csv
import io

import pyotp

from app.core import codes
from app.core.db import connect
from app.domain.coverage import save_coverage
from app.domain.registrations.drafts import save_step
from app.domain.registrations.sending import Consents, submit_registration
from app.staff.core.users import create_user, user_by_id
from pages import Page, location_path
from people import MYSELF_IN_AARHUS

PASSWORD = "en lang og sikker adgangssætning"


class StaffMember:
    """A consultant or an admin with their own browser-like client."""

    def __init__(self, app, email, role, name):
        self.app = app
        self.client = app.test_client()
        db = connect(app.config["DATABASE"])
        # Someone who has already chosen their own password (an admin's first one is
        # replaced at first sign-in: test_staff_passwords.py).
        self.user = create_user(db, email, name, role, PASSWORD, must_change_password=False)
        db.close()

    def in_another_browser(self):
        """The same person at a browser they never used before."""
        other = copy.copy(self)
        other.client = self.app.test_client()
        return other

    @property
    def public_id(self):
        return self.user.public_id

    def current_code(self):
        """The code the app shows now, for a step not used yet (a code works once)."""
        db = connect(self.app.config["DATABASE"])
        db.execute("UPDATE users SET totp_last_step = 0 WHERE id = ?", [self.user.id])
        db.conn.commit()
        self.user = user_by_id(db, self.user.id)
        db.close()
        return pyotp.TOTP(self.user.totp_secret).now()

    def open(self, url):
        page = Page(self.client.get(url))
        if page.status == 200 and "text/html" in page.response.content_type:
            page.assert_well_formed()
        return page

    def post_form(self, url, data, *, form_on=None):
        """Send a form as its page gave it: with the page's security token."""
        token = self.open(form_on or url).csrf_token()
        return self.client.post(url, data={"csrf_token": token, **data})

    def enter_password(self, password=PASSWORD):
        return self.post_form("/staff/sign-in", {"email": self.user.email, "password": password})

    def sign_in(self):
        response = self.enter_password()
        code_page = location_path(response)
        assert code_page in ("/staff/two-factor", "/staff/two-factor/set-up"), code_page
        response = self.post_form(code_page, {"code": self.current_code()})
        assert response.status_code == 302, Page(response).error_summary_links()
        return self

    def sign_out(self):
        return self.post_form("/staff/sign-out", {}, form_on="/staff/")


def staff_member(app, role="consultant", email=None, name=None, covers=()):
    """A staff member; `covers`: the municipality codes they cover (a consultant sees the
    unassigned registrations of those only)."""
    name = name or ("Anna Admin" if role == "admin" else "Karl Konsulent")
    email = email or f"{name.split()[0].lower()}@klapjob.dk"
    member = StaffMember(app, email, role, name)
    if covers:
        db = connect(app.config["DATABASE"])
        save_coverage(db, dict.fromkeys(covers, (True, member.user.id)))
        db.close()
    return member


# Where the people in people.py live: Mette in Aarhus, Ali in København.
TEST_MUNICIPALITIES = ("751", "101")


def register(
    app,
    answers_by_step=MYSELF_IN_AARHUS,
    *,
    consent_health=True,
    consent_jobcentre=False,
    **changes,
):
    """A citizen sends a registration (the draft saved step by step, as the journey
    does). `changes` replace single answers: name="Ali", municipality="101"."""
    answers = copy.deepcopy(answers_by_step)
    answers["phone"] = {"phone": "+4520304050"}
    for step_answers in answers.values():
        for field in list(step_answers):
            if field in changes:
                step_answers[field] = changes[field]
    token = saved_draft(app, answers)
    db = connect(app.config["DATABASE"])
    try:
        with app.test_request_context():
            registration_id = submit_registration(
                db,
                token,
                language="da",
                consents=Consents(health=consent_health, jobcentre=consent_jobcentre),
            )
        return next(db.query("SELECT * FROM registrations WHERE id = ?", [registration_id]))
    finally:
        db.close()


def saved_draft(app, answers_by_step):
    """A draft with these answers, saved step by step as the journey does: its token."""
    db = connect(app.config["DATABASE"])
    token = codes.new_token()
    try:
        with app.test_request_context():
            for key, step_answers in answers_by_step.items():
                save_step(db, token, key, step_answers, complete=True, language="da")
        return token
    finally:
        db.close()


# What the form sends when nothing is chosen: each list's first ("All").
EVERY_FILTER = {"search": "", "status": "", "municipality": "", "consultant": ""}


def download_export(member, query=""):
    """The export form sent with the choices in `query` ("municipality=751&include_contact=y")."""
    choices = dict(pair.split("=", 1) for pair in query.split("&") if pair)
    response = member.post_form("/staff/export", {**EVERY_FILTER, **choices})
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def sign_up_for_meeting(app, meeting, name):
    """`name` signed up for the meeting `meeting` (its public id), as the meeting page does."""
    db = connect(app.config["DATABASE"])
    db.execute(
        "INSERT INTO meeting_signups (meeting_id, name, phone, created_at) "
        "SELECT id, ?, '+4520304050', '2026-11-20' FROM meetings WHERE public_id = ?",
        [name, meeting],
    )
    db.conn.commit()
    db.close()


def add_ambassador(member, name, municipality, *, phone="", line_of_work=""):
    """`member` adds an ambassador on the back office's form."""
    member.post_form(
        "/staff/ambassadors/new",
        {
            "name": name,
            "phone": phone,
            "email": "",
            "municipality": municipality,
            "note": "",
            "line_of_work": line_of_work,
        },
    )


def ambassador_choice(member, registration, name):
    """The value of the ambassador `name` in the match list of `registration`."""
    page = member.open(f"/staff/registrations/{registration['public_id']}/ambassador")
    return page.soup.find("option", string=lambda s: s and name in s)["value"]
