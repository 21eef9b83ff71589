"""The first call on one screen: Karl opens a registration and has, above everything
else, what he needs for the call: who the person is, how to reach them, what they have and
want, what they answered "Ved ikke" to, and what happened to their health answer."""

from pages import Page
from people import HELPED_BY_SUPPORT_WORKER
from staff import TEST_MUNICIPALITIES, register, staff_member


def overview(page):
    return page.soup.find(id="overview-heading").find_parent("section")


def facts(section):
    return {
        div.find("dt").get_text(strip=True): div.find("dd").get_text(" ", strip=True)
        for div in section.select("dl.staff-facts > div")
    }


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def test_the_first_call_has_everything_on_one_screen(app):
    ung = register(
        app,
        name="Uffe Ung",
        age_group="under_18",
        hours="dont_know",
        travel_time="dont_know",
        health="Jeg har ADHD.",
        consent_health=False,
    )
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(case_url(ung))
    section = overview(page)
    first_heading = page.soup.find("main").find("h2")
    assert first_heading.get_text(strip=True) == "Før du ringer", "the overview comes first"
    assert "Under 18 år" in section.get_text(" ", strip=True)
    shown = facts(section)
    assert shown["Navn"] == "Uffe Ung" and shown["Kommune"] == "Aarhus"
    assert "Køkken og kantine" in shown["Arbejde, jeg vil have"]
    assert shown["Helbred"] == "Ikke gemt – intet samtykke"
    assert section.find("a", href="tel:+4520304050")
    asked = [li.get_text(strip=True) for li in section.select("ul li")]
    assert len(asked) == 2 and all(asked), asked
    assert "Ikke gemt – personen skrev om sit helbred" in page.text()
    assert "Ikke besvaret" not in [
        dd.get_text(strip=True)
        for dd in page.soup.select(".summary__value")
        if "Helbred" in dd.find_previous("dt").get_text()
    ]
    assert "Jeg har ADHD." not in page.html, "nothing without a yes is kept"


def test_a_person_who_said_nothing_about_health_is_not_marked_as_withheld(app):
    quiet = register(app, name="Stille Person", health="", consent_health=False)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    page = karl.open(case_url(quiet))
    assert "Helbred" not in facts(overview(page))
    assert "Ikke gemt" not in page.text()


def test_the_overview_says_whether_the_helper_may_be_contacted(app, db):
    ali = register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    shown = facts(overview(Page(karl.client.get(case_url(ali)))))
    assert shown["Hjælperen"].endswith("Har ikke sagt ja til at blive kontaktet")
    db.execute("UPDATE registrations SET consent_contact_helper = 1 WHERE id = ?", [ali["id"]])
    db.conn.commit()
    shown = facts(overview(Page(karl.client.get(case_url(ali)))))
    assert shown["Hjælperen"].endswith("Må kontaktes")


def test_before_you_call_says_who_the_helper_is_how_to_reach_them_and_when_stu_ends(app, db):
    """Karl calls Ali's support worker, as Ali asked: the name, what the helper is to Ali
    and the helper's mail are beside the call sheet, and when Ali finishes STU (a placement
    is planned towards that day), without scrolling to the answers."""
    ali = register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    db.execute("UPDATE registrations SET consent_contact_helper = 1 WHERE id = ?", [ali["id"]])
    db.conn.commit()
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    section = overview(Page(karl.client.get(case_url(ali))))
    shown = facts(section)
    assert shown["Jeg bliver færdig med STU"] == "Om mindre end et halvt år"
    helper = shown["Hjælperen"]
    assert "Jonas Berg" in helper and "Bostøtte eller pædagog" in helper
    assert "Må kontaktes" in helper
    assert section.find("a", href="mailto:jonas@bosted.dk")


def test_a_helper_who_has_no_yes_is_named_but_not_offered_as_a_way_to_call(app):
    ali = register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    section = overview(Page(karl.client.get(case_url(ali))))
    helper = facts(section)["Hjælperen"]
    assert "Jonas Berg" in helper and "Har ikke sagt ja til at blive kontaktet" in helper
    assert "jonas@bosted.dk" not in helper
    assert not section.find("a", href="mailto:jonas@bosted.dk")
