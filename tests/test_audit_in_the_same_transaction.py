"""A change in the back office and its audit entry are kept together or not at all: when
the audit entry cannot be written, the change is undone too (docs/architecture.md).

Each test runs twice. With the audit log working (the control) the change is made and
its entry written: a test that changed nothing at all could not pass. With the audit
log refusing entries, the request fails with exactly that error and nothing changed."""

import sqlite3

import pytest

from app.core import clock
from app.core.db import connect
from app.staff.core.sign_in_guard import KINDS
from staff import (
    PASSWORD,
    TEST_MUNICIPALITIES,
    add_ambassador,
    ambassador_choice,
    register,
    staff_member,
)
from test_meetings_and_ambassadors import NEXT_WEEK, add_meeting


def count(app, sql, parameters=()):
    db = connect(app.config["DATABASE"])
    rows = list(db.query(sql, parameters))
    db.close()
    return len(rows)


class AuditLog:
    """The audit log of one test: working, or refusing entries from `cut_off()` on, as on
    a broken disk."""

    def __init__(self, app, refuses):
        self.app, self.refuses = app, refuses
        self.entries = 0

    def cut_off(self):
        self.entries = count(self.app, "SELECT 1 FROM audit_log")
        if self.refuses:
            db = connect(self.app.config["DATABASE"])
            db.execute(
                "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be written'); END"
            )
            db.conn.commit()
            db.close()

    def send(self, request):
        """Make the change (`request()` posts it): it fails only because of the audit log."""
        if self.refuses:
            with pytest.raises(sqlite3.IntegrityError, match="the audit log cannot be written"):
                request()
            return
        response = request()
        assert response.status_code < 400, response.status_code
        assert count(self.app, "SELECT 1 FROM audit_log") > self.entries, "no audit entry"

    def kept(self, *, changed, unchanged):
        """What the database holds after: the change with a working log, none without."""
        return unchanged if self.refuses else changed


def audit_log_refuses_entries(app):
    """From now on the audit log refuses entries (for the tests of other files)."""
    AuditLog(app, refuses=True).cut_off()


@pytest.fixture(params=["audit log works", "audit log refuses"])
def audit(app, request):
    return AuditLog(app, refuses=request.param == "audit log refuses")


def test_a_meeting_is_not_created_without_its_audit_entry(app, audit):
    karl = staff_member(app).sign_in()
    audit.cut_off()
    audit.send(
        lambda: karl.post_form(
            "/staff/meetings/new",
            {
                "starts_on": NEXT_WEEK.date().isoformat(),
                "starts_at": "10.00",
                "ends_at": "",
                "place": "Jobcenter Aarhus",
                "municipality": "751",
                "description_da": "Vi fortæller om job.",
                "description_en": "",
            },
        )
    )
    assert count(app, "SELECT 1 FROM meetings") == audit.kept(changed=1, unchanged=0)


def test_a_meeting_is_not_deleted_without_its_audit_entry(app, audit):
    karl = staff_member(app).sign_in()
    public_id = add_meeting(app, "751", by=karl)
    page = karl.open(f"/staff/meetings/{public_id}")
    assert page.soup.select("form[action$='/delete']"), "Karl added the meeting: he may delete it"
    token = page.csrf_token()
    audit.cut_off()
    audit.send(
        lambda: karl.client.post(f"/staff/meetings/{public_id}/delete", data={"csrf_token": token})
    )
    assert count(app, "SELECT 1 FROM meetings") == audit.kept(changed=0, unchanged=1)


def test_a_user_is_not_created_without_its_audit_entry(app, audit):
    anna = staff_member(app, "admin").sign_in()
    audit.cut_off()
    audit.send(
        lambda: anna.post_form(
            "/staff/users/new",
            {
                "name": "Lise Larsen",
                "email": "lise@klapjob.dk",
                "role": "consultant",
                "password": PASSWORD,
            },
        )
    )
    lise = count(app, "SELECT 1 FROM users WHERE email = ?", ["lise@klapjob.dk"])
    assert lise == audit.kept(changed=1, unchanged=0)


def test_an_ambassador_is_not_matched_without_its_audit_entry(app, audit):
    mette = register(app, ambassador="yes")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    add_ambassador(karl, "Sofie Lund", "751", phone="30 40 50 60")
    sofie = ambassador_choice(karl, mette, "Sofie Lund")
    audit.cut_off()
    audit.send(
        lambda: karl.post_form(
            f"/staff/registrations/{mette['public_id']}/ambassador", {"ambassador": sofie}
        )
    )
    matches = count(app, "SELECT 1 FROM ambassador_matches")
    assert matches == audit.kept(changed=1, unchanged=0)


def test_a_meeting_is_not_changed_without_its_audit_entry(app, audit):
    karl = staff_member(app).sign_in()
    public_id = add_meeting(app, "751", place="Jobcenter Aarhus", by=karl)
    url = f"/staff/meetings/{public_id}/edit"
    token = karl.open(url).csrf_token()
    assert token, "Karl added the meeting: he may change it"
    audit.cut_off()
    audit.send(
        lambda: karl.client.post(
            url,
            data={
                "csrf_token": token,
                "starts_on": NEXT_WEEK.date().isoformat(),
                "starts_at": "10:00",
                "place": "Dokk1",
                "municipality": "751",
                "description_da": "Vi fortæller om job.",
            },
        )
    )
    db = connect(app.config["DATABASE"])
    places = [row["place"] for row in db.query("SELECT place FROM meetings")]
    db.close()
    assert places == [audit.kept(changed="Dokk1", unchanged="Jobcenter Aarhus")]


def test_attendance_is_not_marked_without_its_audit_entry(app, audit):
    public_id = add_meeting(app, "751")
    db = connect(app.config["DATABASE"])
    db.execute(
        "INSERT INTO meeting_signups (meeting_id, name, phone, created_at) "
        "SELECT id, 'Ali Khan', '+4520304050', '2026-11-20' FROM meetings"
    )
    db.conn.commit()
    db.close()
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(f"/staff/meetings/{public_id}")
    action = page.soup.select_one("form[action$='/attendance']")["action"]
    audit.cut_off()
    audit.send(
        lambda: karl.client.post(action, data={"csrf_token": page.csrf_token(), "attended": "1"})
    )
    unmarked = count(app, "SELECT 1 FROM meeting_signups WHERE attended IS NULL")
    assert unmarked == audit.kept(changed=0, unchanged=1)


def test_a_request_from_a_person_is_not_registered_without_its_audit_entry(app, audit):
    mette = register(app)
    anna = staff_member(app, "admin").sign_in()
    url = f"/staff/registrations/{mette['public_id']}/requests"
    token = anna.open(url).csrf_token()
    audit.cut_off()
    audit.send(
        lambda: anna.client.post(
            url,
            data={
                "csrf_token": token,
                "kind": "deletion",
                "received_on": clock.today().isoformat(),
                "channel": "phone",
            },
        )
    )
    requests = count(app, "SELECT 1 FROM person_requests")
    assert requests == audit.kept(changed=1, unchanged=0)


def test_a_locked_account_is_not_opened_without_its_audit_entry(app, audit):
    from test_staff_sign_in_strangers import seed_failures

    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app)
    seed_failures(app, karl.user.email, 12)
    token = anna.open(f"/staff/users/{karl.public_id}").csrf_token()
    account_failures = "SELECT 1 FROM rate_events WHERE kind = ?", [KINDS["account"]]
    failures = count(app, *account_failures)
    assert failures > 0
    audit.cut_off()
    audit.send(
        lambda: anna.client.post(
            f"/staff/users/{karl.public_id}/unlock", data={"csrf_token": token}
        )
    )
    left = count(app, *account_failures)
    assert left == audit.kept(changed=0, unchanged=failures)


def test_a_lost_phone_is_not_reset_without_its_audit_entry(app, audit):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app).sign_in()
    token = anna.open(f"/staff/users/{karl.public_id}").csrf_token()
    audit.cut_off()
    audit.send(
        lambda: anna.client.post(
            f"/staff/users/{karl.public_id}/reset-two-factor", data={"csrf_token": token}
        )
    )
    confirmed = count(
        app, "SELECT 1 FROM users WHERE totp_confirmed = 1 AND id = ?", [karl.user.id]
    )
    assert confirmed == audit.kept(changed=0, unchanged=1)


def test_the_municipalities_are_not_changed_without_their_audit_entry(app, audit):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app)
    token = anna.open("/staff/municipalities").csrf_token()
    audit.cut_off()
    audit.send(
        lambda: anna.client.post(
            "/staff/municipalities",
            data={"csrf_token": token, "agreement-751": "y", "consultant-751": karl.public_id},
        )
    )
    agreements = count(app, "SELECT 1 FROM municipality_agreements WHERE has_agreement = 1")
    assert agreements == audit.kept(changed=1, unchanged=0)
