"""A merge of two registrations of one person: only a pair the likely-duplicate rule finds,
after a side-by-side comparison and a yes, checked again on the server. Nothing of the
person is lost or moved to somebody else: the answers of the registration that goes are
kept in the kept case's history, each registration's choices stay its own, open requests
move with the case, and the audit log is only ever added to."""

import json
import sqlite3

import pytest

from app.core import clock
from app.core.db import connect
from app.domain.registrations.profile import Additions
from app.domain.registrations.profile_versions import save_version, versions
from app.staff.cases.data.changes import change_status
from app.staff.core import audit
from app.staff.core.access import visible_registration
from app.staff.core.monthly_figures import CONTACTED, REGISTERED, figures, month_of
from app.staff.data_requests.data.person_requests import register_request
from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_audit_in_the_same_transaction import count


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def compare_url(kept, other):
    return f"{case_url(kept)}/merge?other={other['public_id']}"


def change(app, sql, parameters=()):
    db = connect(app.config["DATABASE"])
    db.execute(sql, parameters)
    db.conn.commit()
    db.close()


def mette_twice(app, *, health=""):
    """Mette on the site twice, with the same phone; the second time she wrote other words
    about what she is good at."""
    first = register(app, health=health)
    second = register(app, health=health, strengths_text="Jeg er god til dyr.")
    return first, second


def ali_in_aarhus(app):
    """Another person, with his own phone and email, in Mette's municipality."""
    ali = register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan", municipality="751")
    change(
        app,
        "UPDATE registrations SET phone = '+4511223344', email = 'ali@example.dk' WHERE id = ?",
        [ali["id"]],
    )
    return ali


def confirm_merge(member, kept, other, *, same_person="y"):
    data = {"other": other["public_id"]}
    if same_person:
        data["same_person"] = same_person
    # The token is the session's: the case page's is the comparison page's.
    return member.post_form(f"{case_url(kept)}/merge", data, form_on=case_url(kept))


def still_there(app, *rows):
    return all(count(app, "SELECT 1 FROM registrations WHERE id = ?", [r["id"]]) for r in rows)


def test_a_consultant_cannot_merge_two_unrelated_people(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    mette, ali = register(app, health=""), ali_in_aarhus(app)
    token = karl.open(case_url(mette)).csrf_token()

    response = karl.client.post(
        f"{case_url(mette)}/merge",
        data={"csrf_token": token, "other": ali["public_id"], "same_person": "y"},
    )

    page = Page(response)
    assert page.status == 409
    assert "do not look like the same person" in page.text() or "ligner ikke" in page.text()
    assert "Intet er lagt sammen" in page.text()
    assert still_there(app, mette, ali)
    assert karl.open(case_url(ali)).status == 200
    assert count(app, "SELECT 1 FROM audit_log WHERE action = 'merged'") == 0


def test_the_comparison_page_of_two_unrelated_people_offers_no_merge(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    mette, ali = register(app, health=""), ali_in_aarhus(app)
    page = karl.open(compare_url(mette, ali))
    assert page.status == 409
    assert page.soup.find("button", string=lambda s: s and "Læg" in s) is None
    assert still_there(app, mette, ali)


def test_the_consultant_compares_the_two_side_by_side_and_merges_after_a_yes(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)

    case = karl.open(case_url(kept))
    panel = case.soup.find(id="duplicates-heading").parent
    assert panel.find("form") is None  # no merge with one click: a link to compare first
    link = panel.find("a", href=compare_url(kept, other))
    assert link is not None

    page = karl.open(link["href"])
    assert page.status == 200
    columns = page.soup.select(".staff-compare__column")
    assert len(columns) == 2
    assert kept["reference"] in columns[0].get_text().replace(" ", "")
    assert "Jeg er god til dyr." in columns[1].get_text()
    assert "Jeg kan lide at bage." in columns[0].get_text()
    assert "Samme telefonnummer" in page.text()
    assert page.soup.find(id="what-happens") is not None

    # Without the yes that it is the same person, nothing happens.
    refused = Page(confirm_merge(karl, kept, other, same_person=None))
    assert refused.status == 200
    assert refused.title.startswith("Fejl:")
    assert refused.error_summary_links()
    assert still_there(app, kept, other)

    merged = confirm_merge(karl, kept, other)
    assert location_path(merged) == case_url(kept)
    assert not still_there(app, other)
    history = karl.open(case_url(kept)).soup.find(class_="staff-history").get_text()
    # The answers of the registration that went are kept in the kept case's history.
    assert "Jeg er god til dyr." in history


def test_a_merge_leaves_the_audit_log_as_it_was_and_links_the_two_references(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)
    karl.open(case_url(other))
    before = count(app, "SELECT 1 FROM audit_log WHERE reference = ?", [other["reference"]])
    assert before > 0

    confirm_merge(karl, kept, other)

    assert (
        count(app, "SELECT 1 FROM audit_log WHERE reference = ?", [other["reference"]])
        == before + 1
    )
    link = connect(app.config["DATABASE"]).query(
        "SELECT * FROM audit_log WHERE action = 'merged_into'"
    )
    (entry,) = list(link)
    assert (entry["reference"], entry["linked_reference"]) == (
        other["reference"],
        kept["reference"],
    )
    # The kept case's audit trail shows what was done to the other registration too.
    anna = staff_member(app, role="admin").sign_in()
    page = anna.open(f"/staff/audit?reference={kept['reference']}")
    shown = [row.get_text(" ", strip=True) for row in page.soup.select("tbody tr")]
    assert any(
        "Så registreringen" in row and other["reference"] in row.replace(" ", "") for row in shown
    )


def test_the_audit_log_refuses_to_be_changed_or_deleted(app):
    db = connect(app.config["DATABASE"])
    audit.record_now(db, None, "signed_in")
    for statement in ("UPDATE audit_log SET action = 'changed'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.DatabaseError):
            db.execute(statement)
        db.conn.rollback()
    assert [row["action"] for row in db.query("SELECT action FROM audit_log")] == ["signed_in"]
    db.close()


def test_only_an_admin_can_merge_away_health_answers(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app, health="Jeg har autisme.")

    page = Page(confirm_merge(karl, kept, other))
    assert page.status == 409
    assert "administrator" in page.text()
    assert still_there(app, kept, other)

    anna = staff_member(app, role="admin").sign_in()
    merged = confirm_merge(anna, kept, other)
    assert location_path(merged) == case_url(kept)
    assert not still_there(app, other)
    assert count(app, "SELECT 1 FROM answers WHERE registration_id = ?", [other["id"]]) == 0


def test_the_other_registrations_choice_to_show_health_does_not_come_to_the_kept_profile(app):
    anna = staff_member(app, role="admin").sign_in()
    kept, other = mette_twice(app, health="Jeg har autisme.")
    db = connect(app.config["DATABASE"])
    save_version(db, kept["id"], additions=Additions(good_at="Bage"))
    save_version(db, other["id"], include_health=True)
    db.close()

    confirm_merge(anna, kept, other)
    assert not still_there(app, other)

    db = connect(app.config["DATABASE"])
    kept_versions = versions(db, kept["id"])
    db.close()
    assert kept_versions[-1].include_health is False
    assert kept_versions[-1].additions.good_at == "Bage"
    assert not any(version.include_health for version in kept_versions)


def test_the_other_registrations_yes_to_her_voice_stays_behind_and_her_own_stands(app):
    anna = staff_member(app, role="admin").sign_in()
    kept, other = mette_twice(app)
    db = connect(app.config["DATABASE"])
    save_version(db, other["id"], include_voice=True)
    db.close()
    confirm_merge(anna, kept, other)
    db = connect(app.config["DATABASE"])
    assert not any(version.include_voice for version in versions(db, kept["id"]))
    db.close()

    kept, other = mette_twice(app)
    db = connect(app.config["DATABASE"])
    save_version(db, kept["id"], include_voice=True)
    save_version(db, other["id"], additions=Additions(good_at="Bage"))
    db.close()
    confirm_merge(anna, kept, other)
    db = connect(app.config["DATABASE"])
    assert versions(db, kept["id"])[-1].include_voice is True, "her own yes to her voice"
    db.close()


def test_an_open_deletion_request_moves_with_the_merged_case(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)
    db = connect(app.config["DATABASE"])
    with app.test_request_context():
        row = visible_registration(db, karl.user, other["public_id"])
        register_request(
            db,
            karl.user,
            row,
            kind="deletion",
            received_on=clock.now().astimezone(clock.DANISH_TIME).date(),
            channel="phone",
        )
    db.close()
    what_happens = karl.open(compare_url(kept, other)).soup.find(id="what-happens").parent
    assert "1 åben anmodning" in what_happens.get_text()

    confirm_merge(karl, kept, other)
    assert not still_there(app, other)

    assert (
        count(
            app,
            "SELECT 1 FROM person_requests WHERE registration_id = ? AND done_on IS NULL",
            [kept["id"]],
        )
        == 1
    )


def test_the_persons_data_export_after_a_merge_holds_what_both_registrations_said(app):
    anna = staff_member(app, role="admin").sign_in()
    kept, other = mette_twice(app)
    anna.open(case_url(other))
    confirm_merge(anna, kept, other)

    data = json.loads(anna.client.get(f"{case_url(kept)}/data.json").data)

    (merged,) = data["merged_registrations"]
    assert merged["reference"] == other["reference"]
    said = [answer for row in merged["answers_as_shown"] for answer in row["answer"]]
    assert "Jeg er god til dyr." in said
    assert "merged_into" in [entry["action"] for entry in data["seen_by_staff"]]


def test_a_merged_pair_counts_once_in_the_monthly_figures(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)
    month = month_of(kept["submitted_at"])

    def registered():
        db = connect(app.config["DATABASE"])
        found = figures(db, municipality="751", first_month=month, last_month=month)
        db.close()
        return found[(REGISTERED, "")][month][0]

    assert registered() == 2
    confirm_merge(karl, kept, other)
    assert registered() == 1


def test_a_merged_pair_that_was_contacted_twice_counts_one_first_contact(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)
    db = connect(app.config["DATABASE"])
    with app.test_request_context():
        for row in (kept, other):
            change_status(
                db, karl.user, visible_registration(db, karl.user, row["public_id"]), "contacted"
            )
    db.close()
    month = month_of(clock.now())

    def contacts():
        db = connect(app.config["DATABASE"])
        found = figures(db, municipality="751", first_month=month, last_month=month)
        db.close()
        return found[(CONTACTED, "")][month][0]

    assert contacts() == 2
    confirm_merge(karl, kept, other)
    assert contacts() == 1


def said(app, row, field, audio):
    change(
        app,
        "INSERT INTO voice_answers (public_id, registration_id, field, mime_type, seconds, size,"
        " audio, recorded_at) VALUES (?, ?, ?, 'audio/ogg', 3, ?, ?, '2026-12-01T10:00:00+00:00')",
        [f"voice{row['id']}{field}", row["id"], field, len(audio), audio],
    )


def recordings(app, row):
    return {
        r["field"]: r["audio"]
        for r in connect(app.config["DATABASE"]).query(
            "SELECT field, audio FROM voice_answers WHERE registration_id = ?", [row["id"]]
        )
    }


def test_what_mette_said_in_her_own_voice_the_second_time_is_kept_by_the_merge(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)
    said(app, kept, "needs_text", b"kept-needs")
    said(app, other, "needs_text", b"other-needs")
    said(app, other, "strengths_text", b"other-strengths")
    assert location_path(confirm_merge(karl, kept, other)) == case_url(kept)
    # As with written answers: the kept case's own stays, the other's fills what it lacks.
    assert recordings(app, kept) == {
        "needs_text": b"kept-needs",
        "strengths_text": b"other-strengths",
    }


def test_a_health_answer_said_and_not_written_is_merged_away_only_by_an_admin(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    kept, other = mette_twice(app)
    said(app, other, "health", b"other-health")
    page = Page(confirm_merge(karl, kept, other))
    assert page.status == 409 and "administrator" in page.text()
    assert still_there(app, kept, other)
