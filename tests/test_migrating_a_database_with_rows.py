"""A database that has served people is brought up to date with its rows: every migration
keeps what was there and gives the new columns their values for the old rows. (A new,
empty database is tested in test_db.py.)"""

import re

from app.core.db import connect
from app.core.migrations import migrations

SENT_IN_MARCH = "2025-03-03T09:00:00+00:00"


def database_before(tmp_path, migration):
    """A database file as the site left it before `migration` shipped."""
    db = connect(str(tmp_path / "klapjob.sqlite3"))
    migrations.apply(db, stop_before=migration)
    assert migrations.pending(db)[0].name == migration
    return db


def one(db, sql):
    [row] = db.query(sql)
    return row


def test_mettes_registration_from_the_first_version_comes_through_every_migration(tmp_path):
    db = database_before(tmp_path, "m002_back_office")
    db.execute(
        "INSERT INTO registrations (reference, submitted_at, language, name, filled_by,"
        " contact_method, phone, municipality_code, wants_ambassador, consent_health)"
        " VALUES ('K7M4PX', ?, 'da', 'Mette Hansen', 'self', 'phone', '+4520304050',"
        " '751', 'yes', 1)",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO answers (registration_id, field, position, value) VALUES"
        " (1, 'work_wishes', 0, 'shop'), (1, 'work_wishes', 1, 'kitchen'),"
        " (1, 'health', 0, 'Jeg bliver hurtigt træt')"
    )
    db.execute(
        "INSERT INTO drafts (token_hash, answers, language, created_at, updated_at)"
        " VALUES ('abc', '{\"name\": \"Ali Khan\"}', 'da', ?, ?)",
        [SENT_IN_MARCH, SENT_IN_MARCH],
    )
    db.conn.commit()

    migrations.apply(db)

    assert migrations.pending(db) == []
    mette = one(db, "SELECT * FROM registrations")
    assert (mette["reference"], mette["name"], mette["phone"]) == (
        "K7M4PX",
        "Mette Hansen",
        "+4520304050",
    )
    assert mette["submitted_at"] == SENT_IN_MARCH and mette["consent_health"] == 1
    # Her new columns: an unguessable address, and the values every old row must have.
    assert re.fullmatch(r"[A-Za-z0-9_-]{16}", mette["public_id"])
    assert mette["status"] == "new" and mette["consultant_id"] is None
    assert mette["channel"] == "site" and mette["consent_taken_by"] is None
    assert mette["consent_jobcentre"] == 0 and mette["consent_contact_helper"] == 0
    assert mette["callback_promised_by"] is None
    assert mette["follow_up_plan"] == "standard" and mette["health_withheld"] == 0
    answers = [(r["field"], r["value"]) for r in db.query("SELECT * FROM answers ORDER BY id")]
    assert answers == [
        ("work_wishes", "shop"),
        ("work_wishes", "kitchen"),
        ("health", "Jeg bliver hurtigt træt"),
    ]
    assert one(db, "SELECT answers FROM drafts")["answers"] == '{"name": "Ali Khan"}'
    db.close()


def test_a_meeting_sign_up_and_an_ambassador_keep_their_rows_when_attendance_came(tmp_path):
    db = database_before(tmp_path, "m013_attendance_and_requests")
    db.execute(
        "INSERT INTO meetings (public_id, starts_at, place, municipality_code,"
        " description_da, created_at) VALUES ('m1', '2025-04-01T10:00', 'Dokk1', '751',"
        " 'Vi fortæller om job.', ?)",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO meeting_signups (meeting_id, name, phone, created_at)"
        " VALUES (1, 'Ali Khan', '+4520304050', ?)",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO ambassadors (public_id, name, phone, created_at)"
        " VALUES ('a1', 'Sofie Lund', '+4530405060', ?)",
        [SENT_IN_MARCH],
    )
    db.conn.commit()

    migrations.apply(db)

    ali = one(db, "SELECT * FROM meeting_signups")
    assert (ali["name"], ali["phone"], ali["attended"]) == ("Ali Khan", "+4520304050", None)
    sofie = one(db, "SELECT * FROM ambassadors")
    assert (sofie["name"], sofie["line_of_work"], sofie["active"]) == ("Sofie Lund", "", 1)
    assert list(db.query("SELECT * FROM person_requests")) == []
    db.close()


def test_a_draft_that_answered_days_and_times_on_one_page_has_answered_both_pages(tmp_path):
    db = database_before(tmp_path, "m019_days_apart_from_times")
    db.execute(
        "INSERT INTO drafts (token_hash, answers, completed, language, created_at, updated_at)"
        " VALUES ('old', ?, '[\"who\", \"hours\", \"times\"]', 'da', ?, ?),"
        " ('early', '{}', '[\"who\"]', 'da', ?, ?)",
        ['{"work_days": ["weekdays"], "work_times": ["morning"]}', *[SENT_IN_MARCH] * 4],
    )
    db.conn.commit()

    migrations.apply(db)

    completed = {row["token_hash"]: row["completed"] for row in db.query("SELECT * FROM drafts")}
    assert completed == {"old": '["who","hours","times","days"]', "early": '["who"]'}


def test_a_note_kept_at_a_sign_out_before_phone_registrations_could_keep_theirs_is_kept(tmp_path):
    db = database_before(tmp_path, "m023_typed_work_on_phone_registrations")
    db.execute(
        "INSERT INTO users (public_id, email, name, role, password_hash, totp_secret,"
        " created_at) VALUES ('u1', 'karl@klapjob.test', 'Karl', 'consultant', 'x', 'y', ?)",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO registrations (reference, submitted_at, language, name, filled_by,"
        " contact_method, municipality_code) VALUES ('K7M4PX', ?, 'da', 'Mette Hansen',"
        " 'self', 'phone', '751')",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO typed_work (user_id, registration_id, fields, kept_at)"
        ' VALUES (1, 1, \'[["contact-note", "Ringer fredag"]]\', ?)',
        [SENT_IN_MARCH],
    )
    db.conn.commit()

    migrations.apply(db)

    kept = one(db, "SELECT * FROM typed_work")
    assert (kept["user_id"], kept["registration_id"], kept["intake_id"], kept["page"]) == (
        1,
        1,
        None,
        None,
    )
    assert "Ringer fredag" in kept["fields"]
    db.close()


def test_a_profile_and_an_employers_yes_from_before_voice_keep_their_rows_and_say_no(tmp_path):
    db = database_before(tmp_path, "m024_voice_on_the_profile")
    db.execute(
        "INSERT INTO registrations (reference, submitted_at, language, name, filled_by,"
        " contact_method, municipality_code) VALUES ('K7M4PX', ?, 'da', 'Mette Hansen',"
        " 'self', 'phone', '751')",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO profile_versions (registration_id, number, made_at, include_health,"
        " good_at) VALUES (1, 1, ?, 1, 'At bage boller')",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO employer_consents (public_id, registration_id, employer, agreed_on,"
        " recorded_at) VALUES ('y1', 1, 'Bageriet Hansen', '2025-03-03', ?)",
        [SENT_IN_MARCH],
    )
    db.conn.commit()

    migrations.apply(db)

    version = one(db, "SELECT * FROM profile_versions")
    assert (version["include_health"], version["good_at"]) == (1, "At bage boller")
    assert version["include_voice"] == 0, "her voice waits for her own yes"
    yes = one(db, "SELECT * FROM employer_consents")
    assert (yes["employer"], yes["withdrawn_at"]) == ("Bageriet Hansen", None)
    assert yes["with_voice"] == 0, "an employer hears her only with that version's own yes"
    db.close()


def test_karl_from_before_teams_is_in_no_team_and_keeps_his_municipality(tmp_path):
    db = database_before(tmp_path, "m026_teams")
    db.execute(
        "INSERT INTO users (public_id, email, name, role, password_hash, totp_secret,"
        " created_at) VALUES ('u1', 'karl@klapjob.test', 'Karl', 'consultant', 'x', 'y', ?)",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO municipality_agreements (code, has_agreement, consultant_id)"
        " VALUES ('751', 1, 1)"
    )
    db.conn.commit()

    migrations.apply(db)

    assert one(db, "SELECT team_id FROM users")["team_id"] is None
    assert one(db, "SELECT consultant_id FROM municipality_agreements")["consultant_id"] == 1
    assert list(db.query("SELECT * FROM teams")) == []
    db.close()


def test_typed_work_kept_before_any_form_page_could_keep_it_stays_kept(tmp_path):
    db = database_before(tmp_path, "m029_typed_work_on_any_form_page")
    db.execute(
        "INSERT INTO users (public_id, email, name, role, password_hash, totp_secret,"
        " created_at) VALUES ('u1', 'karl@klapjob.test', 'Karl', 'consultant', 'x', 'y', ?)",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO registrations (reference, submitted_at, language, name, filled_by,"
        " contact_method, municipality_code) VALUES ('K7M4PX', ?, 'da', 'Mette Hansen',"
        " 'self', 'phone', '751')",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO typed_work (user_id, registration_id, page, fields, kept_at)"
        " VALUES (1, 1, '/staff/registrations/x', '[[\"contact-note\", \"Ringer fredag\"]]', ?)",
        [SENT_IN_MARCH],
    )
    db.conn.commit()

    migrations.apply(db)

    kept = one(db, "SELECT * FROM typed_work")
    assert (kept["user_id"], kept["registration_id"], kept["intake_id"]) == (1, 1, None)
    assert "Ringer fredag" in kept["fields"]
    db.execute(
        "INSERT INTO typed_work (user_id, page, fields, kept_at)"
        " VALUES (1, '/staff/meetings/new', '[]', ?)",
        [SENT_IN_MARCH],
    )
    assert db["typed_work"].count == 2, "a page of no person's keeps work too"
    db.close()


def test_an_employers_yes_from_before_the_photo_says_no_to_it_and_no_profile_has_one(tmp_path):
    db = database_before(tmp_path, "m027_a_photo_on_the_profile")
    db.execute(
        "INSERT INTO registrations (reference, submitted_at, language, name, filled_by,"
        " contact_method, municipality_code) VALUES ('K7M4PX', ?, 'da', 'Mette Hansen',"
        " 'self', 'phone', '751')",
        [SENT_IN_MARCH],
    )
    db.execute(
        "INSERT INTO employer_consents (public_id, registration_id, employer, agreed_on,"
        " recorded_at, with_voice) VALUES ('y1', 1, 'Bageriet Hansen', '2025-03-03', ?, 1)",
        [SENT_IN_MARCH],
    )
    db.conn.commit()

    migrations.apply(db)

    yes = one(db, "SELECT * FROM employer_consents")
    assert (yes["employer"], yes["with_voice"]) == ("Bageriet Hansen", 1)
    assert yes["with_photo"] == 0, "an employer sees her photo only with that version's own yes"
    assert list(db.query("SELECT * FROM profile_photos")) == []
    db.execute("DELETE FROM registrations")
    db.conn.commit()
    db.close()
