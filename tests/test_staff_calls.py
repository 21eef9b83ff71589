"""A consultant's morning: the inbox says who to call first. Karl covers Aarhus and
København; his inbox opens on his own open cases and those nobody has yet in his
municipalities, the one whose promised call day passed longest ago at the top."""

from datetime import timedelta

from app.core import clock
from app.core.db import connect
from pages import Page, location_path
from staff import TEST_MUNICIPALITIES, register, staff_member


def inbox_rows(page):
    """{name: the row's text} in the order the inbox shows them."""
    return {
        row.select_one("td a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in page.soup.select(".staff-table tbody tr")
    }


def promise(app, row, days_from_today, **columns):
    db = connect(app.config["DATABASE"])
    values = {
        "callback_promised_by": (clock.today() + timedelta(days=days_from_today)).isoformat(),
        **columns,
    }
    db.execute(
        f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
        [*values.values(), row["id"]],
    )
    db.conn.commit()
    db.close()


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def test_a_consultant_calls_the_oldest_overdue_case_first_and_counts_calls_nobody_answered(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    lise = staff_member(app, name="Lise Larsen")
    # New registrations go to the consultant who covers the municipality.
    tomorrow = register(app, name="Tove Tomorrow")
    promise(app, tomorrow, 1)
    long_late = register(app, name="Lars Langtid", municipality="101")
    # Sent before Karl covered København: nobody's yet.
    promise(app, long_late, -6, consultant_id=None)
    late = register(app, name="Mette Hansen")
    promise(app, late, -2)
    closed = register(app, name="Carl Closed")
    promise(app, closed, -9, status="closed", close_reason="declined")
    # Lise's, in Odense, which Karl does not cover: not in Karl's sight.
    lises = register(app, name="Lone Lisesen", municipality="461")
    promise(app, lises, -10, consultant_id=lise.user.id)
    karl.sign_in()

    inbox = karl.open("/staff/")
    rows = inbox_rows(inbox)
    assert list(rows) == ["Lars Langtid", "Mette Hansen", "Tove Tomorrow"], (
        "open cases only, the longest overdue first; a colleague's case is not mine"
    )
    assert "For sent" in rows["Lars Langtid"] and "For sent" not in rows["Tove Tomorrow"]
    assert "20 30 40 50" in rows["Mette Hansen"] and "Vil ringes op" in rows["Mette Hansen"]
    call_links = [a["href"] for a in inbox.soup.select(".staff-table a[href^='tel:']")]
    assert "tel:+4520304050" in call_links
    assert list(inbox_rows(karl.open("/staff/?status=closed"))) == ["Carl Closed"], (
        "closed cases are apart"
    )

    # "Jeg tager den" from the list: back in the list, the case is his.
    take = inbox.soup.find("form", action=f"{case_url(long_late)}/take")
    assert take.find("button").get_text(" ", strip=True).startswith("Jeg tager den")
    response = karl.post_form(
        take["action"],
        {"next": take.find("input", attrs={"name": "next"})["value"]},
        form_on="/staff/",
    )
    assert location_path(response) == "/staff/"
    rows = inbox_rows(karl.open("/staff/"))
    assert "Karl Konsulent" in rows["Lars Langtid"] and "Jeg tager den" not in rows["Lars Langtid"]

    # Nobody answers, twice: counted, and the case is still new and still late.
    for _ in range(2):
        response = karl.post_form(
            f"{case_url(long_late)}/contact",
            {"contact-outcome": "no_answer", "contact-note": "Ingen svarede."},
            form_on=case_url(long_late),
        )
        assert location_path(response) == case_url(long_late)
    case = karl.open(case_url(long_late))
    assert "2 opkald uden svar." in case.text()
    assert "Ringet, intet svar" in case.soup.find(class_="staff-history").get_text(" ")
    rows = inbox_rows(karl.open("/staff/"))
    assert list(rows)[0] == "Lars Langtid" and "For sent" in rows["Lars Langtid"]
    counts = [
        td.get_text(strip=True)
        for td in karl.open("/staff/").soup.select(".staff-table tbody tr td.staff-number")
    ]
    assert counts == ["2", "0", "0"]

    # He gives Mette's case to a colleague: it is hers, and still in his sight (Aarhus).
    karl.post_form(
        f"{case_url(late)}/consultant",
        {"assign-consultant": lise.public_id},
        form_on=case_url(late),
    )
    rows = inbox_rows(karl.open("/staff/"))
    assert list(rows) == ["Lars Langtid", "Mette Hansen", "Tove Tomorrow"]
    assert "Lise Larsen" in rows["Mette Hansen"]


def test_an_admin_chooses_mine_and_nobodys_in_my_municipalities(app):
    anna = staff_member(app, "admin", covers=("751",))
    karl = staff_member(app, name="Karl Konsulent")
    aarhus = register(app, name="Aase Aarhus")
    bent = register(app, name="Bent Byen", municipality="101")
    karls = register(app, name="Karen Karlsen")
    promise(app, karls, 0, consultant_id=karl.user.id)
    promise(app, aarhus, 0, consultant_id=None)
    promise(app, bent, 0, consultant_id=None)
    anna.sign_in()
    assert set(inbox_rows(anna.open("/staff/"))) == {"Aase Aarhus", "Bent Byen", "Karen Karlsen"}
    assert list(inbox_rows(anna.open("/staff/?consultant=mine"))) == ["Aase Aarhus"]


def test_a_call_without_an_answer_is_written_to_the_audit_log_and_needs_the_token(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    no_answer = {"contact-outcome": "no_answer"}
    assert karl.client.post(f"{case_url(mette)}/contact", data=no_answer).status_code == 400
    karl.post_form(f"{case_url(mette)}/contact", no_answer, form_on=case_url(mette))
    details = [
        row["detail"] for row in db.query("SELECT detail FROM audit_log WHERE action = 'changed'")
    ]
    assert details == ["call attempt"]
    assert Page(karl.client.get(case_url(mette))).status == 200


def test_a_case_sent_just_after_danish_midnight_counts_as_sent_that_day(app):
    """Who to call first compares a promised day with the day a case was sent where nothing
    was promised: that day is Denmark's, not the stored UTC stamp's (00:30 in Denmark on
    8 December is 23:30 UTC on the 7th)."""
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    promised = register(app, name="Pia Promised")
    promise(
        app,
        promised,
        0,
        callback_promised_by="2026-12-08",
        submitted_at="2026-12-06T10:00:00+00:00",
    )
    after_midnight = register(app, name="Niels Natlig")
    promise(
        app, after_midnight, 0, callback_promised_by=None, submitted_at="2026-12-07T23:30:00+00:00"
    )
    karl.sign_in()

    rows = inbox_rows(karl.open("/staff/"))

    assert list(rows) == ["Pia Promised", "Niels Natlig"], (
        "both are for 8 December in Denmark: the one who waited longest first"
    )
