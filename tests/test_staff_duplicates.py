"""A likely duplicate: the same person on the site and by phone. The consultant sees the
warning, and merges the two into one case that keeps both histories."""

import contextlib
from datetime import timedelta

from app.core import clock
from app.core.db import connect
from app.domain.registrations.profile import Additions
from app.domain.registrations.profile_versions import save_version
from app.staff.cases.data.appointments import add_appointment
from app.staff.cases.data.calls import NO_ANSWER, record_contact
from app.staff.cases.data.changes import add_note
from app.staff.cases.data.placements import add_placement
from app.staff.core.access import visible_registration
from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_audit_in_the_same_transaction import audit_log_refuses_entries, count
from test_staff_registers_by_phone import answer_questions, row_of


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def give_a_history(app, member, row):
    """A note, a call nobody answered, a work trial, a meeting and a profile version."""
    db = connect(app.config["DATABASE"])
    with app.test_request_context():
        case = visible_registration(db, member.user, row["public_id"])
        add_note(db, member.user, case, "Talte med Mette om bageriet.")
        record_contact(db, member.user, case, NO_ANSWER)
        add_placement(
            db,
            member.user,
            case,
            kind="praktik",
            workplace="Bageriet",
            starts_on=clock.today() - timedelta(days=20),
        )
        add_appointment(
            db,
            member.user,
            case,
            place="Jobcentret",
            attendees=["person"],
            starts_at=clock.local_now().replace(tzinfo=None) + timedelta(days=3),
            ends_at=None,
        )
        save_version(db, row["id"], user=member.user, additions=Additions(good_at="Bage brød"))
    db.close()


def test_a_consultant_sees_a_likely_duplicate_and_merges_it_keeping_both_histories(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    on_the_site = register(app, health="")  # Mette Hansen, 20 30 40 50, no health answer
    give_a_history(app, karl, on_the_site)

    # Mette calls, and Karl starts a registration: the same phone number shows a warning.
    response = karl.post_form("/staff/registrations/new", {"channel": "phone"})
    consent_url, _ = answer_questions(
        karl, location_path(response), {**MYSELF_IN_AARHUS, "phone": {"phone": "20 30 40 50"}}
    )
    warning = karl.open(consent_url).soup.find(id="duplicates-heading").parent
    assert "Mette Hansen" in warning.get_text() and "Samme telefonnummer" in warning.get_text()
    saved = karl.post_form(consent_url, {"consent": "y"})
    kept_url = location_path(saved)
    by_phone = row_of(app, "SELECT * FROM registrations WHERE channel = 'phone'")
    give_a_history(app, karl, by_phone)

    page = karl.open(kept_url)
    panel = page.soup.find(id="duplicates-heading").parent
    assert on_the_site["public_id"] in str(panel)
    compare_url = f"{kept_url}/merge?other={on_the_site['public_id']}"
    merged = karl.post_form(
        f"{kept_url}/merge",
        {"other": on_the_site["public_id"], "same_person": "y"},
        form_on=compare_url,
    )
    assert location_path(merged) == kept_url

    assert karl.open(case_url(on_the_site)).status == 404
    kept = by_phone["id"]
    for table in ("placements", "appointments"):
        assert count(app, f"SELECT 1 FROM {table} WHERE registration_id = ?", [kept]) == 2
    assert (
        count(
            app,
            "SELECT 1 FROM registration_history WHERE registration_id = ? AND kind = 'note'",
            [kept],
        )
        == 2
    )
    assert (
        count(
            app,
            "SELECT 1 FROM registration_history WHERE registration_id = ? AND kind = 'no_answer'",
            [kept],
        )
        == 2
    )
    versions = row_of(
        app,
        "SELECT group_concat(number) AS n FROM (SELECT number FROM"
        " profile_versions WHERE registration_id = ? ORDER BY number)",
        [kept],
    )
    assert versions["n"] == "1,2"
    # The audit log's entries about the other registration stay as they were; a new one
    # on the kept registration names it.
    assert count(app, "SELECT 1 FROM audit_log WHERE reference = ?", [on_the_site["reference"]])
    entry = row_of(app, "SELECT * FROM audit_log WHERE action = 'merged'")
    assert entry["reference"] == by_phone["reference"]
    assert entry["detail"] == f"merged: {on_the_site['reference']}"
    page = karl.open(kept_url)
    assert page.soup.find(id="duplicates-heading") is None
    assert "Talte med Mette om bageriet." in page.text()


def test_same_name_and_age_group_is_a_likely_duplicate_but_the_name_alone_is_not(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    first = register(app)
    db = connect(app.config["DATABASE"])
    db.execute("UPDATE registrations SET phone = '+4511223344' WHERE id = ?", [first["id"]])
    db.conn.commit()
    db.close()
    second = register(app)
    assert karl.open(case_url(second)).soup.find(id="duplicates-heading") is not None
    other_age = register(app, age_group="25_39")
    db = connect(app.config["DATABASE"])
    db.execute("UPDATE registrations SET phone = '+4599887766' WHERE id = ?", [other_age["id"]])
    db.conn.commit()
    db.close()
    panel = karl.open(case_url(other_age)).soup.find(id="duplicates-heading")
    assert panel is None or other_age["public_id"] not in str(panel.parent)
    shown = str(karl.open(case_url(second)).soup.find(id="duplicates-heading").parent)
    assert first["public_id"] in shown and other_age["public_id"] not in shown


def test_a_merge_is_not_made_without_its_audit_entry(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    one, two = register(app), register(app, health="")
    url = case_url(one)
    token = karl.open(url).csrf_token()
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):  # the failure may reach the test client
        karl.client.post(
            f"{url}/merge",
            data={"csrf_token": token, "other": two["public_id"], "same_person": "y"},
        )
    assert count(app, "SELECT 1 FROM registrations") == 2
    assert count(app, "SELECT 1 FROM registration_history WHERE kind = 'merged'") == 0


def test_the_inbox_search_finds_a_person_by_their_helpers_phone_or_email(app):
    register(app, name="Mette Hansen")  # her other contact: Hanne, 40 50 60 70
    register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")  # helper Jonas, jonas@bosted.dk
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    for search, found in (
        ("jonas@bosted.dk", ["Ali Khan"]),
        ("JONAS@bosted", ["Ali Khan"]),
        ("40 50 60 70", ["Mette Hansen"]),
        ("40506070", ["Mette Hansen"]),
    ):
        page = Page(karl.post_form("/staff/", {"search": search}))
        names = [
            a.get_text(strip=True) for a in page.soup.select(".staff-table tbody td:first-child a")
        ]
        assert names == found, search
