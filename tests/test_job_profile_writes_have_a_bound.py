"""What Mette does on her own job profile writes only what is needed: looking at it again
and again is one line in the audit log per while, showing her health and taking it off
again leaves no new version behind, and nobody can flip the choice without end."""

import contextlib

from app.citizen.journey.profile import HEALTH_CHOICES_PER_HOUR
from app.domain.registrations.profile import Additions
from app.domain.registrations.profile_versions import save_version
from test_audit_in_the_same_transaction import audit_log_refuses_entries
from test_what_the_site_promises import sent

HEALTH = "Jeg har autisme."


def logged(db, action):
    return next(db.query("SELECT count(*) AS n FROM audit_log WHERE action = ?", [action]))["n"]


def versions(db):
    return [
        (r["number"], r["include_health"])
        for r in db.query("SELECT number, include_health FROM profile_versions ORDER BY number")
    ]


def choose(client, token, choice):
    return client.post(f"/register/profile/health/{choice}", data={"csrf_token": token})


def test_mette_looks_at_her_profile_many_times_and_the_log_has_one_line(client, db):
    mette = sent(client)
    for _ in range(12):
        assert mette.open("/register/profile").status == 200
    assert logged(db, "viewed_profile") == 1


def test_showing_her_health_and_taking_it_off_again_makes_no_new_version(client, db):
    mette = sent(client)
    token = mette.open("/register/profile").csrf_token()
    choose(client, token, "show")
    assert versions(db) == [(1, 1)]
    choose(client, token, "hide")
    assert versions(db) == [], "the choice went back: no version is left"
    assert HEALTH not in mette.open("/register/profile").text()
    for choice in ("show", "hide", "show"):
        choose(client, token, choice)
    assert versions(db) == [(1, 1)]
    assert HEALTH in mette.open("/register/profile").text()


def test_a_version_a_consultant_made_stays_when_mette_changes_her_mind(client, db, app):
    mette = sent(client)
    token = mette.open("/register/profile").csrf_token()
    choose(client, token, "show")
    [registration] = db.query("SELECT id FROM registrations")
    with app.test_request_context():
        save_version(db, registration["id"], additions=Additions(good_at="At bage"))
    choose(client, token, "hide")
    assert versions(db) == [(1, 1), (2, 1), (3, 0)], "what the consultant added is kept"


def test_nobody_can_flip_the_health_choice_without_end(client, db):
    mette = sent(client)
    token = mette.open("/register/profile").csrf_token()
    for number in range(HEALTH_CHOICES_PER_HOUR):
        assert choose(client, token, "show" if number % 2 == 0 else "hide").status_code == 302
    before = versions(db)
    refused = choose(client, token, "show" if len(before) == 0 else "hide")
    assert refused.status_code == 429
    assert "Du har skiftet mange gange" in refused.get_data(as_text=True)
    assert versions(db) == before, "nothing changed"


def test_a_version_is_not_taken_back_without_its_audit_entry(app, client, db):
    mette = sent(client)
    token = mette.open("/register/profile").csrf_token()
    choose(client, token, "show")
    audit_log_refuses_entries(app)
    with contextlib.suppress(Exception):  # the failure may reach the test client
        choose(client, token, "hide")
    assert versions(db) == [(1, 1)], "the version stays when its entry cannot be written"
