"""Staff see what their work needs, not everything: for each role, which registrations and
which of their fields each page and each export shows. (test_staff_access.py proves who
may open which route; this proves what the routes show.)

Karl covers Aarhus, Lise covers København, Anna is an admin; Karl and Lise are in no team
(each a team of one). Five people have sent:

  karls    Aarhus, given to Karl           lises    København, given to Lise
  aarhus   Aarhus, nobody's yet            kbh      København, nobody's yet
  nowhere  Frederiksberg, nobody covers it: the queue every consultant sees

Each wrote about their health and something in their own words.
"""

import csv
import io

import pytest

from app.core.db import connect
from pages import Page
from staff import EVERY_FILTER, register, staff_member

PEOPLE = {
    "karls": ("Karen Karlsen", "751"),
    "aarhus": ("Aase Aarhus", "751"),
    "kbh": ("Bent Byen", "101"),
    "lises": ("Lone Lisesen", "101"),
    "nowhere": ("Niels Noget", "147"),
}
SEES = {
    "karl": {"karls", "aarhus", "nowhere"},
    "lise": {"lises", "kbh", "nowhere"},
    "anna": set(PEOPLE),
}
# Health shows at once only to the consultant a registration is given to.
HEALTH_AT_ONCE = {"karl": {"karls"}, "lise": {"lises"}, "anna": set()}


def health(key):
    return f"Helbred-{key}"


def own_words(key):
    return f"Egne-ord-{key}"


@pytest.fixture
def office(app):
    rows = {
        key: register(
            app,
            name=name,
            municipality=municipality,
            health=health(key),
            strengths_text=own_words(key),
            consent_jobcentre=True,
        )
        for key, (name, municipality) in PEOPLE.items()
    }
    staff = {
        "karl": staff_member(app, name="Karl Konsulent", covers=("751",)),
        "lise": staff_member(app, name="Lise Larsen", covers=("101",)),
        "anna": staff_member(app, "admin", name="Anna Admin"),
    }
    db = connect(app.config["DATABASE"])
    # Everybody here also said yes to the job centre having their health answers.
    db.execute("UPDATE registrations SET consent_health_jobcentre = 1")
    for key, role in (("karls", "karl"), ("lises", "lise")):
        db.execute(
            "UPDATE registrations SET consultant_id = ?, status = 'in_job', "
            "job_start = date('now', '-7 months') WHERE id = ?",
            [staff[role].user.id, rows[key]["id"]],
        )
    db.conn.commit()
    db.close()
    for member in staff.values():
        member.sign_in()
    return rows, staff


def names_on(page):
    return {key for key, (name, _) in PEOPLE.items() if name in page.text()}


def csv_rows(response):
    assert response.mimetype == "text/csv", response.get_data(as_text=True)[:500]
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True)[1:]), delimiter=";"))


def export(member, **choices):
    return csv_rows(member.post_form("/staff/export", {**EVERY_FILTER, **choices}))


@pytest.mark.parametrize("role", ["karl", "lise", "anna"])
def test_each_role_sees_its_registrations_on_every_list(office, role):
    rows, staff = office
    member = staff[role]
    assert names_on(member.open("/staff/")) == SEES[role], "the inbox"
    assert names_on(member.open("/staff/ambassadors")) == SEES[role], "who wants an ambassador"
    assert names_on(member.open("/staff/follow-ups")) == SEES[role] & {"karls", "lises"}
    exported = export(member, include_contact="y")
    assert {row["Navn"] for row in exported} == {PEOPLE[k][0] for k in SEES[role]}, "the export"
    for key, row in rows.items():
        status = member.client.get(f"/staff/registrations/{row['public_id']}").status_code
        assert status == (200 if key in SEES[role] else 404), key


@pytest.mark.parametrize("role", ["karl", "lise", "anna"])
def test_health_shows_at_once_only_to_the_consultant_it_is_given_to(office, role, db):
    rows, staff = office
    member = staff[role]
    for key in SEES[role]:
        url = f"/staff/registrations/{rows[key]['public_id']}"
        page = member.open(url)
        assert own_words(key) in page.text(), "the answers are there"
        if key in HEALTH_AT_ONCE[role]:
            assert health(key) in page.text()
            assert not page.soup.find("form", action=f"{url}/health")
            continue
        assert health(key) not in page.text(), f"{role} must ask to see {key}'s health"
        shown = Page(member.post_form(f"{url}/health", {}, form_on=url))
        assert health(key) in shown.text()
        logged = [
            r["action"]
            for r in db.query(
                "SELECT action FROM audit_log WHERE reference = ? AND user_id = ? ORDER BY id",
                [rows[key]["reference"], member.user.id],
            )
        ]
        assert "viewed_health" in logged


def test_a_consultant_exports_health_only_for_their_own_registrations(office):
    rows, staff = office
    exported = {
        row["Navn"]: row
        for row in export(staff["karl"], include_contact="y", include_sensitive="y")
    }
    assert exported["Karen Karlsen"]["Mit helbred"] == health("karls")
    assert exported["Aase Aarhus"]["Mit helbred"] == "(ikke med i filen)"


def test_an_admin_exports_health_only_with_a_purpose_kept_in_the_audit_log(office, db):
    rows, staff = office
    anna = staff["anna"]
    refused = anna.post_form("/staff/export", {**EVERY_FILTER, "include_sensitive": "y"})
    assert refused.mimetype == "text/html"
    assert Page(refused).error_summary_links() == [
        ("#purpose", "Skriv, hvorfor filen skal have helbredsoplysninger")
    ]
    exported = export(anna, include_sensitive="y", purpose="Aktindsigt efter art. 15")
    assert {row["Mit helbred"] for row in exported} == {health(k) for k in PEOPLE}
    details = {
        r["detail"]
        for r in db.query(
            "SELECT detail FROM audit_log WHERE action = 'exported_csv' AND user_id = ?",
            [anna.user.id],
        )
    }
    assert details == {"health (purpose: Aktindsigt efter art. 15)"}


@pytest.mark.parametrize("role", ["karl", "anna"])
def test_an_export_without_personal_data_points_at_nobody(office, role):
    rows, staff = office
    exported = export(staff[role])
    assert len(exported) == len(SEES[role])
    text = "\n".join(";".join(row.keys()) + ";" + ";".join(row.values()) for row in exported)
    for key in PEOPLE:
        for private in (
            rows[key]["reference"],
            PEOPLE[key][0],
            own_words(key),
            health(key),
            "20 30 40 50",
        ):
            assert private not in text, private
    assert "Nummer" not in exported[0] and "Arbejdsgiver" not in exported[0]


def test_own_words_come_only_when_chosen(office):
    rows, staff = office
    [karens] = [
        row
        for row in export(staff["karl"], include_free_text="y")
        if own_words("karls") in ";".join(row.values())
    ]
    assert "Mit helbred" not in karens
