"""GDPR: an access request gets all of one person's data (JSON and a page to print); a
request to be forgotten really removes the rows from the file; `flask data purge` keeps
the privacy page's promises (1 year after closing, 30 days for a draft not sent)."""

import json
from datetime import timedelta
from pathlib import Path

from app.core import clock, codes
from app.domain.registrations.drafts import save_step
from app.staff.data_requests.data.personal_data import CLOSED_REGISTRATION_DAYS, DRAFT_DAYS, purge
from pages import location_path
from staff import TEST_MUNICIPALITIES, register, staff_member

NAME = "Mette Uniknavnesen"
HEALTH = "Jeg har en sjælden diagnose xq7"


def file_bytes(app):
    path = Path(app.config["DATABASE"])
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def days_ago(days):
    return (clock.now() - timedelta(days=days)).isoformat(timespec="seconds")


def registered_mette(app):
    return register(app, name=NAME, health=HEALTH)


def test_an_admin_exports_one_persons_data_as_json(app, db):
    mette = registered_mette(app)
    anna = staff_member(app, "admin").sign_in()
    anna.open(f"/staff/registrations/{mette['public_id']}")
    response = anna.client.get(f"/staff/registrations/{mette['public_id']}/data.json")
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.data)
    assert data["reference"] == mette["reference"]
    assert data["answers"]["name"] == NAME
    assert data["answers"]["health"] == HEALTH
    assert data["answers"]["work_wishes"] == ["kitchen", "cafe"]
    assert ["Køkken og kantine", "Café og fastfood"] in [
        a["answer"] for a in data["answers_as_shown"]
    ]
    assert data["municipality"] == {"code": "751", "name": "Aarhus"}
    assert data["ambassador"] is None and data["helper_may_be_contacted"] is False
    assert [e["action"] for e in data["seen_by_staff"]] == ["viewed", "exported_json"]
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-1] == "exported_json"


def test_an_admin_prints_one_persons_data(app, db):
    mette = registered_mette(app)
    anna = staff_member(app, "admin").sign_in()
    page = anna.open(f"/staff/registrations/{mette['public_id']}/print")
    assert page.h1.startswith("Alle data om registrering")
    assert NAME in page.text() and HEALTH in page.text()
    assert "Køkken" in page.text()
    assert next(db.query("SELECT action FROM audit_log ORDER BY id DESC"))["action"] == "printed"


def test_deleting_a_person_really_removes_the_rows_from_the_file(app, db):
    mette = registered_mette(app)
    anna = staff_member(app, "admin").sign_in()
    url = f"/staff/registrations/{mette['public_id']}"
    anna.post_form(
        f"{url}/status", {"status-status": "contacted", "status-note": "Ring igen"}, form_on=url
    )
    assert NAME.encode() in file_bytes(app)

    page = anna.open(f"{url}/delete")
    assert NAME in page.text()
    wrong = anna.post_form(f"{url}/delete", {"reference": "XXXXXX"})
    assert wrong.status_code == 200 and anna.client.get(url).status_code == 200
    response = anna.post_form(f"{url}/delete", {"reference": mette["reference"].lower()})
    assert location_path(response) == "/staff/"
    assert anna.client.get(url).status_code == 404

    for table in ("registrations", "answers", "registration_history"):
        assert next(db.query(f"SELECT count(*) AS n FROM {table}"))["n"] == 0, table
    stored = file_bytes(app)
    for secret in (NAME, HEALTH, "Ring igen", "+4520304050"):
        assert secret.encode() not in stored, f"{secret} is still in the file"
    log = list(db.query("SELECT action, reference, detail FROM audit_log ORDER BY id"))
    assert log[-1]["action"] == "deleted" and log[-1]["reference"] == mette["reference"]
    assert all(NAME not in (row["detail"] or "") for row in log)


def test_a_consultant_cannot_delete(app):
    mette = registered_mette(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    assert karl.client.get(f"/staff/registrations/{mette['public_id']}/delete").status_code == 403


def test_the_purge_defaults_keep_the_promises_of_the_privacy_page(client):
    privacy = client.get("/privacy", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert CLOSED_REGISTRATION_DAYS == 365 and "after 1 year" in privacy
    assert DRAFT_DAYS == 30 and "deleted after 30 days" in privacy


def purge_setup(app, db):
    old = register(app, name="Gammel Lukket")
    recent = register(app, name="Nylig Lukket")
    open_case = register(app, name="Stadig Åben")
    db.execute(
        "UPDATE registrations SET status = 'closed', closed_at = ? WHERE id = ?",
        [days_ago(400), old["id"]],
    )
    db.execute(
        "UPDATE registrations SET status = 'closed', closed_at = ? WHERE id = ?",
        [days_ago(100), recent["id"]],
    )
    db.execute(
        "UPDATE registrations SET submitted_at = ? WHERE id = ?", [days_ago(900), open_case["id"]]
    )
    with app.test_request_context():
        for token, age in ((codes.new_token(), 45), (codes.new_token(), 5)):
            save_step(db, token, "name", {"name": f"Kladde {age}"}, complete=True, language="da")
            db.execute(
                "UPDATE drafts SET updated_at = ?, created_at = ? WHERE answers LIKE ?",
                [days_ago(age), days_ago(age), f"%Kladde {age}%"],
            )
    db.conn.commit()
    return old


def names(db):
    return sorted(r["name"] for r in db.query("SELECT name FROM registrations"))


def test_a_dry_run_lists_what_the_purge_would_delete_and_deletes_nothing(app, db):
    old = purge_setup(app, db)
    result = app.test_cli_runner().invoke(args=["data", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Would delete 1 registrations" in result.output
    assert old["reference"] in result.output
    assert "Would delete 1 drafts" in result.output
    assert "Gammel" not in result.output, "the listing names no one"
    assert names(db) == ["Gammel Lukket", "Nylig Lukket", "Stadig Åben"]


def test_the_purge_deletes_old_closed_registrations_and_abandoned_drafts(app, db):
    old = purge_setup(app, db)
    result = app.test_cli_runner().invoke(args=["data", "purge"])
    assert result.exit_code == 0, result.output
    assert names(db) == ["Nylig Lukket", "Stadig Åben"]
    drafts = [r["answers"] for r in db.query("SELECT answers FROM drafts")]
    assert len(drafts) == 1 and "Kladde 5" in drafts[0]
    assert b"Gammel Lukket" not in file_bytes(app) and b"Kladde 45" not in file_bytes(app)
    entry = next(db.query("SELECT user_id, action, reference FROM audit_log"))
    assert dict(entry) == {"user_id": None, "action": "purged", "reference": old["reference"]}


def test_the_purge_periods_can_be_shorter(app, db):
    purge_setup(app, db)
    report = purge(db, closed_days=90, draft_days=3)
    assert len(report.registrations) == 2 and len(report.drafts) == 2
    assert names(db) == ["Stadig Åben"]
    result = app.test_cli_runner().invoke(args=["data", "purge", "--closed-days", "0"])
    assert result.exit_code != 0, "a period of 0 days is refused"


def test_the_audit_log_is_only_for_admins_and_shows_who_did_what(app):
    mette = registered_mette(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    karl.open(f"/staff/registrations/{mette['public_id']}")
    assert karl.client.get("/staff/audit").status_code == 403
    anna = staff_member(app, "admin").sign_in()
    page = anna.open("/staff/audit")
    rows = [tr.get_text(" ", strip=True) for tr in page.soup.select(".staff-table tbody tr")]
    assert any("Karl Konsulent" in r and "Så registreringen" in r for r in rows)
    assert any("Loggede ind" in r for r in rows)
