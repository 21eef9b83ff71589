""" "Det er mig": the job profile built from a person's answers, its versions, and what
the data rules say about it (access export, deletion, the purge, the audit log)."""

import json

from app.domain.registrations.profile import Additions, build_profile
from app.domain.registrations.profile_versions import (
    latest_version,
    profile_of,
    record_employer_yes,
    save_version,
    versions,
)
from app.domain.registrations.sending import answers_of
from app.staff.data_requests.data.personal_data import purge
from staff import register, staff_member
from test_staff_personal_data import days_ago, file_bytes

HEALTH = "Jeg har autisme qz9"


def lines(profile):
    return {
        str(section.lead): [item.text for item in section.items] for section in profile.sections
    }


def test_the_profile_says_in_the_first_person_what_mette_answered(app, db):
    mette = register(app, health=HEALTH)
    with app.test_request_context(headers={"Accept-Language": "da"}):
        profile = build_profile(answers_of(db, mette["id"]))
        said = lines(profile)
        pictures = {str(s.lead): [i.pictogram for i in s.items] for s in profile.sections}
    assert profile.name == "Mette Hansen"
    assert said["Jeg vil gerne arbejde med:"] == ["Køkken og kantine", "Café og fastfood"]
    assert pictures["Jeg vil gerne arbejde med:"] == ["kitchen", "cafe"]
    assert said["Jeg kan godt lide:"] == [
        "At være sammen med andre",
        "At lave mad",
        "Jeg kan lide at bage.",
    ]
    assert said["Det hjælper mig på arbejdet:"] == ["Et roligt sted", "De samme opgaver hver dag"]
    assert said["Jeg vil arbejde så mange timer om ugen:"] == ["5 til 9 timer"]
    assert "Sådan kommer jeg på arbejde:" in said
    assert HEALTH not in json.dumps(said), "health stays off unless the person chooses it"


def test_health_is_on_the_profile_only_when_the_person_chose_it_and_then_marked(app, db):
    mette = register(app, health=HEALTH)
    answers = answers_of(db, mette["id"])
    with app.test_request_context():
        assert not profile_of(db, mette["id"], answers).shows_health
        assert save_version(db, mette["id"], include_health=True) == 1
        profile = profile_of(db, mette["id"], answers)
        [health] = [s for s in profile.sections if s.health]
        employer = build_profile(answers, include_health=True, for_employer="Netto")
    assert profile.shows_health and [i.text for i in health.items] == [HEALTH]
    assert not employer.shows_health and not any(s.health for s in employer.sections)


def test_each_version_keeps_who_made_it_and_when_in_the_audit_log(app, db):
    mette = register(app)
    karl = staff_member(app, "consultant", name="Karl Jensen")
    with app.test_request_context():
        save_version(db, mette["id"], include_health=False)  # nothing changed: no version
        save_version(db, mette["id"], user=karl.user, additions=Additions(good_at="At bage boller"))
        save_version(
            db,
            mette["id"],
            user=karl.user,
            additions=Additions(good_at="At bage boller", went_well="Kaffen til mødet"),
        )
    found = versions(db, mette["id"])
    assert [(v.number, v.made_by_name) for v in found] == [(1, "Karl Jensen"), (2, "Karl Jensen")]
    assert found[0].additions.good_at == "At bage boller" and found[0].made_at
    assert latest_version(db, mette["id"]).additions.went_well == "Kaffen til mødet"
    log = list(
        db.query(
            "SELECT user_id, action, reference, detail FROM audit_log "
            "WHERE action = 'profile_changed' ORDER BY id"
        )
    )
    assert [(e["user_id"], e["reference"], e["detail"]) for e in log] == [
        (karl.user.id, mette["reference"], "version 1"),
        (karl.user.id, mette["reference"], "version 2"),
    ]
    assert "bage" not in json.dumps(log), "the log holds no personal text"


def test_the_access_export_has_every_version_of_the_profile(app, db):
    mette = register(app, health=HEALTH)
    anna = staff_member(app, "admin", name="Anna Admin")
    with app.test_request_context():
        save_version(db, mette["id"], include_health=True)
        save_version(
            db, mette["id"], user=anna.user, additions=Additions(was_hard="Larm i køkkenet")
        )
    anna.sign_in()
    data = json.loads(anna.client.get(f"/staff/registrations/{mette['public_id']}/data.json").data)
    profile = data["job_profile"]
    assert {
        "line": "Jeg vil gerne arbejde med:",
        "answers": ["Køkken og kantine", "Café og fastfood"],
    } in profile["first_version"]
    assert [(v["version"], v["made_by"], v["health_shown"]) for v in profile["versions"]] == [
        (1, "the person", True),
        (2, "Anna Admin", True),
    ]
    assert profile["versions"][1]["added"]["was_hard"] == "Larm i køkkenet"
    assert {"line": "Om mit helbred:", "answers": [HEALTH]} in profile["versions"][1]["profile"]


def test_the_access_export_says_where_she_said_yes_to_her_own_voice(app, db):
    mette = register(app)
    anna = staff_member(app, "admin", name="Anna Admin")
    with app.test_request_context():
        save_version(db, mette["id"], include_voice=True)
        record_employer_yes(
            db,
            mette["id"],
            user=anna.user,
            employer="Kantinen Syd",
            agreed_on="2026-12-01",
            with_voice=True,
        )
    anna.sign_in()
    data = json.loads(anna.client.get(f"/staff/registrations/{mette['public_id']}/data.json").data)
    profile = data["job_profile"]
    assert [(v["version"], v["voice_shown"]) for v in profile["versions"]] == [(1, True)]
    assert [(y["employer"], y["with_voice"]) for y in profile["employer_consents"]] == [
        ("Kantinen Syd", True)
    ]


def test_deleting_the_person_removes_every_version_from_the_file(app, db):
    mette = register(app)
    anna = staff_member(app, "admin")
    with app.test_request_context():
        save_version(db, mette["id"], user=anna.user, additions=Additions(good_at="Unikt7 bagværk"))
    anna.sign_in()
    url = f"/staff/registrations/{mette['public_id']}"
    anna.open(f"{url}/delete")
    anna.post_form(f"{url}/delete", {"reference": mette["reference"]})
    assert list(db.query("SELECT * FROM profile_versions")) == []
    assert b"Unikt7" not in file_bytes(app)


def test_the_purge_removes_the_profile_of_an_old_closed_registration(app, db):
    old = register(app)
    with app.test_request_context():
        save_version(db, old["id"], additions=Additions(good_at="Gammelt9 bagværk"))
    db.execute(
        "UPDATE registrations SET status = 'closed', closed_at = ? WHERE id = ?",
        [days_ago(400), old["id"]],
    )
    db.conn.commit()
    purge(db)
    assert list(db.query("SELECT * FROM profile_versions")) == []
    assert b"Gammelt9" not in file_bytes(app)
