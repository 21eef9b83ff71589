"""A team of consultants covers for each other (issue 24 §2): the members of a team read
each other's cases and every case in the municipalities the team covers (health still only
after "Vis helbred", logged), a handover does not hide a case from the one who covers its
municipality, the cases nobody covers wait in a queue every consultant sees, with an alarm
when one has waited too long, and a list of cases is given to a colleague in one go."""

import re
from datetime import timedelta

from app.core import clock
from app.core.db import connect
from pages import Page
from staff import register, staff_member

HEALTH = "Jeg har astma qx4"
AARHUS, KOBENHAVN, ODENSE, AALBORG = "751", "101", "461", "851"


def team_of(app, team, *members):
    """The admin puts `members` in `team` on each one's own page."""
    anna = staff_member(app, "admin", email=f"anna-{team.lower()}@klapjob.dk").sign_in()
    for member in members:
        page = anna.open(f"/staff/users/{member.public_id}")
        [form] = [f for f in page.soup.find_all("form") if f.find(attrs={"name": "team"})]
        data = {"name": member.user.name, "active": "y", "team": team}
        response = anna.post_form(f"/staff/users/{member.public_id}", data)
        assert response.status_code == 302, Page(response).error_summary_links()
        assert form is not None
    return anna


def given_to(app, registration, member):
    db = connect(app.config["DATABASE"])
    db.execute(
        "UPDATE registrations SET consultant_id = ? WHERE id = ?",
        [member.user.id if member else None, registration["id"]],
    )
    db.conn.commit()
    db.close()


def case_url(registration):
    return f"/staff/registrations/{registration['public_id']}"


def search(member, words):
    return Page(member.post_form("/staff/", {"search": words}))


def test_the_members_of_a_team_read_each_others_cases_and_their_municipalities(app):
    karl = staff_member(app, name="Karl Konsulent", covers=(AARHUS,))
    lise = staff_member(app, name="Lise Larsen", covers=(ODENSE,))
    team_of(app, "Midt", karl, lise)
    in_aarhus = register(app, name="Mette Aarhus")
    in_odense = register(app, name="Ole Odense", municipality=ODENSE)
    given_to(app, in_aarhus, None)  # nobody has it yet: it waits for the team

    karl.sign_in()
    lise.sign_in()
    assert karl.client.get(case_url(in_odense)).status_code == 200, "Lise's case"
    assert lise.client.get(case_url(in_aarhus)).status_code == 200, "Aarhus, Karl's"
    assert "Ole Odense" in search(karl, "Ole Odense").text()
    inbox = lise.open("/staff/").text()
    assert "Mette Aarhus" in inbox and "Ole Odense" in inbox


def test_a_teammates_case_shows_health_only_after_asking_and_the_reveal_is_logged(app):
    karl = staff_member(app, name="Karl Konsulent", covers=(AARHUS,))
    lise = staff_member(app, name="Lise Larsen")
    team_of(app, "Midt", karl, lise)
    mette = register(app, health=HEALTH)
    assert mette["consultant_id"] == karl.user.id

    lise.sign_in()
    page = lise.open(case_url(mette))
    assert page.status == 200 and HEALTH not in page.html
    before = audit_actions(app)
    shown = lise.post_form(f"{case_url(mette)}/health", {}, form_on=case_url(mette))
    assert HEALTH in Page(shown).text()
    reveals = [a for a in audit_actions(app)[len(before) :] if a[0] == "viewed_health"]
    assert reveals == [("viewed_health", lise.user.id)]


def audit_actions(app):
    db = connect(app.config["DATABASE"])
    rows = [(r["action"], r["user_id"]) for r in db.query("SELECT * FROM audit_log")]
    db.close()
    return rows


def test_a_case_handed_to_a_colleague_is_still_seen_by_the_one_who_covers_its_municipality(
    app,
):
    karl = staff_member(app, name="Karl Konsulent", covers=(AARHUS,)).sign_in()
    mads = staff_member(app, name="Mads Madsen", covers=(AALBORG,))
    mette = register(app, name="Mette Hansen")
    response = karl.post_form(
        f"{case_url(mette)}/consultant",
        {"assign-consultant": mads.public_id},
        form_on=case_url(mette),
    )
    assert response.status_code == 302

    assert karl.client.get(case_url(mette)).status_code == 200
    assert "Mette Hansen" in search(karl, "Mette Hansen").text()


def test_no_one_outside_the_team_reads_its_cases(app):
    karl = staff_member(app, name="Karl Konsulent", covers=(AARHUS,))
    lise = staff_member(app, name="Lise Larsen", covers=(ODENSE,))
    mads = staff_member(app, name="Mads Madsen", covers=(AALBORG,))
    team_of(app, "Midt", karl, lise)
    team_of(app, "Nord", mads)
    mette = register(app, name="Mette Hansen")
    in_odense = register(app, name="Ole Odense", municipality=ODENSE)

    mads.sign_in()
    for case in (mette, in_odense):
        assert mads.client.get(case_url(case)).status_code == 404
    assert "Mette Hansen" not in search(mads, "Mette Hansen").text()


def test_cases_nobody_covers_wait_in_a_queue_every_consultant_sees(app):
    staff_member(app, name="Karl Konsulent", covers=(AARHUS,))
    lise = staff_member(app, name="Lise Larsen", covers=(ODENSE,)).sign_in()
    nobody_covers = register(app, name="Ida Aalborg", municipality=AALBORG)
    assert nobody_covers["consultant_id"] is None

    queue = lise.open("/staff/?consultant=queue")
    assert "Ida Aalborg" in queue.text()
    assert lise.client.get(case_url(nobody_covers)).status_code == 200
    mette = register(app, name="Mette Aarhus")  # Karl's: not in the queue
    assert "Mette Aarhus" not in lise.open("/staff/?consultant=queue").text()
    assert mette["consultant_id"] is not None


def test_the_queue_sounds_an_alarm_when_a_case_has_waited_too_long(app):
    lise = staff_member(app, name="Lise Larsen", covers=(ODENSE,)).sign_in()
    waited = register(app, name="Ida Aalborg", municipality=AALBORG)
    register(app, name="Bo Aalborg", municipality=AALBORG)  # came today: no alarm yet
    assert "ventet for længe" not in lise.open("/staff/").text()

    a_week_ago = clock.iso(clock.now() - timedelta(days=7))
    db = connect(app.config["DATABASE"])
    db.execute("UPDATE registrations SET submitted_at = ? WHERE id = ?", [a_week_ago, waited["id"]])
    db.conn.commit()
    db.close()

    for page in (lise.open("/staff/"), lise.open("/staff/week")):
        alarm = page.soup.find(class_="staff-alarm")
        assert alarm is not None
        words = alarm.get_text(" ", strip=True)
        assert re.search(r"\b1 sag\b.*ventet for længe", words), words
        assert alarm.find("a")["href"] == "/staff/?consultant=queue"


def test_an_admin_gives_a_list_of_cases_to_a_colleague_in_one_go(app, db):
    karl = staff_member(app, name="Karl Konsulent", covers=(AARHUS,))
    lise = staff_member(app, name="Lise Larsen")
    people = [register(app, name=f"Person {n}") for n in range(3)]
    assert {p["consultant_id"] for p in people} == {karl.user.id}
    anna = staff_member(app, "admin").sign_in()

    inbox = anna.open("/staff/")
    [form] = inbox.soup.select("form#give-cases")
    boxes = inbox.soup.find_all("input", attrs={"form": "give-cases", "name": "give-cases"})
    assert len(boxes) == 3
    chosen = [p["public_id"] for p in people[:2]]
    response = anna.client.post(
        form["action"],
        data={"csrf_token": inbox.csrf_token(), "give-cases": chosen, "give-to": lise.public_id},
    )
    assert response.status_code == 302
    holders = {
        r["public_id"]: r["consultant_id"]
        for r in db.query("SELECT public_id, consultant_id FROM registrations")
    }
    assert [holders[p["public_id"]] for p in people] == [lise.user.id, lise.user.id, karl.user.id]
    history = list(db.query("SELECT kind FROM registration_history WHERE kind = 'assigned'"))
    assert len(history) == 2
    assert "2 sager er givet til Lise Larsen" in anna.open("/staff/").text()


def test_a_consultant_cannot_give_away_a_case_they_may_not_see(app, db):
    karl = staff_member(app, name="Karl Konsulent", covers=(AARHUS,))
    mads = staff_member(app, name="Mads Madsen", covers=(AALBORG,)).sign_in()
    mette = register(app, name="Mette Hansen")
    inbox = mads.open("/staff/")
    response = mads.client.post(
        "/staff/registrations/give",
        data={
            "csrf_token": inbox.csrf_token(),
            "give-cases": [mette["public_id"]],
            "give-to": mads.public_id,
        },
    )
    assert response.status_code in (302, 404)
    [row] = db.query("SELECT consultant_id FROM registrations WHERE id = ?", [mette["id"]])
    assert row["consultant_id"] == karl.user.id
