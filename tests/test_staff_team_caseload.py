"""The team of ten covers for each other: on "I dag og denne uge" each consultant sees how
many open cases every colleague has, by where they are, and how many nobody has yet, so
that a case can go to the one with room. Counts only: no person in them."""

from staff import TEST_MUNICIPALITIES, register, staff_member


def caseload(page):
    table = page.soup.find(id="caseload-heading").find_next("table")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    team = {}
    for row in table.select("tbody tr"):
        name, *counts = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        team[name] = dict(zip(headings[1:], counts, strict=True))
    return team


def test_each_consultant_sees_the_teams_open_cases_by_where_they_are(app, db):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    lise = staff_member(app, name="Lise Larsen")
    people = [register(app, name=f"Person {number}") for number in range(5)]
    given = [
        (karl, "new"),
        (karl, "new"),
        (karl, "in_job"),
        (lise, "contacted"),
    ]
    for person, (member, status) in zip(people, given, strict=False):
        db.execute(
            "UPDATE registrations SET consultant_id = ?, status = ? WHERE id = ?",
            [member.user.id, status, person["id"]],
        )
    db.execute("UPDATE registrations SET consultant_id = NULL WHERE id = ?", [people[4]["id"]])
    closed = register(app, name="Lukket Person")
    db.execute(
        "UPDATE registrations SET consultant_id = ?, status = 'closed' WHERE id = ?",
        [lise.user.id, closed["id"]],
    )
    db.conn.commit()

    page = lise.sign_in().open("/staff/week")
    team = caseload(page)

    assert team["Karl Konsulent"]["Ny"] == "2" and team["Karl Konsulent"]["I job"] == "1"
    assert team["Karl Konsulent"]["I alt"] == "3"
    assert team["Lise Larsen"]["Kontaktet"] == "1" and team["Lise Larsen"]["I alt"] == "1"
    assert team["Ingen endnu"]["I alt"] == "1"
    assert "Person" not in page.soup.find(id="caseload-heading").find_next("table").get_text()


def test_cases_in_a_municipality_nobody_covers_stand_apart_for_the_admin_to_give(app, db):
    """A case nobody has yet in Aarhus waits for Karl, who covers Aarhus; one in Odense,
    which no consultant covers, waits for nobody: it is counted apart, so that the admin
    gives it to someone."""
    staff_member(app, covers=TEST_MUNICIPALITIES)
    waiting = register(app, name="Ny i Aarhus")
    uncovered = register(app, name="Ny i Odense", municipality="461")
    db.execute("UPDATE registrations SET consultant_id = NULL")
    db.conn.commit()
    assert (waiting["municipality_code"], uncovered["municipality_code"]) == ("751", "461")

    anna = staff_member(app, "admin").sign_in()
    team = caseload(anna.open("/staff/week"))

    assert team["Ingen endnu"]["I alt"] == "1"
    assert team["Ingen dækker kommunen"]["I alt"] == "1"
