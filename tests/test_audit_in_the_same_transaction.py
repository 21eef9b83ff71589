"""A change in the back office and its audit entry are kept together or not at all: when
the audit entry cannot be written, the change is undone too (docs/architecture.md)."""

import contextlib

from app.core import clock
from app.core.db import connect
from staff import (
    PASSWORD,
    TEST_MUNICIPALITIES,
    add_ambassador,
    ambassador_choice,
    register,
    staff_member,
)
from test_meetings_and_ambassadors import NEXT_WEEK, add_meeting


def audit_log_refuses_entries(app):
    """From now on, every audit entry fails to be written, as on a broken disk."""
    db = connect(app.config["DATABASE"])
    db.execute(
        "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be written'); END"
    )
    db.conn.commit()
    db.close()


def count(app, sql, parameters=()):
    db = connect(app.config["DATABASE"])
    rows = list(db.query(sql, parameters))
    db.close()
    return len(rows)


def post_while_audit_fails(member, url, data, **kwargs):
    with contextlib.suppress(Exception):  # the failure may reach the test client
        member.post_form(url, data, **kwargs)


def test_a_meeting_is_not_created_without_its_audit_entry(app):
    karl = staff_member(app).sign_in()
    audit_log_refuses_entries(app)
    post_while_audit_fails(
        karl,
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
    assert count(app, "SELECT 1 FROM meetings") == 0


def test_a_meeting_is_not_deleted_without_its_audit_entry(app):
    karl = staff_member(app).sign_in()
    public_id = add_meeting(app, "751", by=karl)
    page = karl.open(f"/staff/meetings/{public_id}")
    assert page.soup.select("form[action$='/delete']"), "Karl added the meeting: he may delete it"
    token = page.csrf_token()
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        karl.client.post(f"/staff/meetings/{public_id}/delete", data={"csrf_token": token})
    assert count(app, "SELECT 1 FROM meetings") == 1


def test_a_user_is_not_created_without_its_audit_entry(app):
    anna = staff_member(app, "admin").sign_in()
    audit_log_refuses_entries(app)
    post_while_audit_fails(
        anna,
        "/staff/users/new",
        {
            "name": "Lise Larsen",
            "email": "lise@klapjob.dk",
            "role": "consultant",
            "password": PASSWORD,
        },
    )
    assert count(app, "SELECT 1 FROM users WHERE email = ?", ["lise@klapjob.dk"]) == 0


def test_an_ambassador_is_not_matched_without_its_audit_entry(app):
    mette = register(app, ambassador="yes")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    add_ambassador(karl, "Sofie Lund", "751", phone="30 40 50 60")
    sofie = ambassador_choice(karl, mette, "Sofie Lund")
    audit_log_refuses_entries(app)
    post_while_audit_fails(
        karl, f"/staff/registrations/{mette['public_id']}/ambassador", {"ambassador": sofie}
    )
    assert count(app, "SELECT 1 FROM ambassador_matches") == 0


def test_a_meeting_is_not_changed_without_its_audit_entry(app):
    karl = staff_member(app).sign_in()
    public_id = add_meeting(app, "751", place="Jobcenter Aarhus", by=karl)
    url = f"/staff/meetings/{public_id}/edit"
    token = karl.open(url).csrf_token()
    assert token, "Karl added the meeting: he may change it"
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        karl.client.post(
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
    assert count(app, "SELECT 1 FROM meetings WHERE place = 'Jobcenter Aarhus'") == 1


def test_attendance_is_not_marked_without_its_audit_entry(app):
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
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        karl.client.post(action, data={"csrf_token": page.csrf_token(), "attended": "1"})
    assert count(app, "SELECT 1 FROM meeting_signups WHERE attended IS NULL") == 1


def test_a_request_from_a_person_is_not_registered_without_its_audit_entry(app):
    mette = register(app)
    anna = staff_member(app, "admin").sign_in()
    url = f"/staff/registrations/{mette['public_id']}/requests"
    token = anna.open(url).csrf_token()
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        anna.client.post(
            url,
            data={
                "csrf_token": token,
                "kind": "deletion",
                "received_on": clock.local_now().date().isoformat(),
                "channel": "phone",
            },
        )
    assert count(app, "SELECT 1 FROM person_requests") == 0


def test_a_locked_account_is_not_opened_without_its_audit_entry(app):
    from test_staff_sign_in_strangers import seed_failures

    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app)
    seed_failures(app, karl.user.email, 12)
    token = anna.open(f"/staff/users/{karl.public_id}").csrf_token()
    failures = count(app, "SELECT 1 FROM rate_events")
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        anna.client.post(f"/staff/users/{karl.public_id}/unlock", data={"csrf_token": token})
    assert count(app, "SELECT 1 FROM rate_events") == failures > 0


def test_a_lost_phone_is_not_reset_without_its_audit_entry(app):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app).sign_in()
    token = anna.open(f"/staff/users/{karl.public_id}").csrf_token()
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        anna.client.post(
            f"/staff/users/{karl.public_id}/reset-two-factor", data={"csrf_token": token}
        )
    assert (
        count(app, "SELECT 1 FROM users WHERE totp_confirmed = 1 AND id = ?", [karl.user.id]) == 1
    )


def test_the_municipalities_are_not_changed_without_their_audit_entry(app):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app)
    token = anna.open("/staff/municipalities").csrf_token()
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):
        anna.client.post(
            "/staff/municipalities",
            data={"csrf_token": token, "agreement-751": "y", "consultant-751": karl.public_id},
        )
    assert count(app, "SELECT 1 FROM municipality_agreements WHERE has_agreement = 1") == 0
