"""An access request's printout in words: Mette asks what KLAPjob keeps about her. The
printout says what happened in sentences (no internal codes such as `ambassador_talked`
or `no_answer`), shows each kind of look by staff once a day with how many times, and
holds her meeting sign-up and the unsent answers she started again with the same phone."""

from app.core.db import connect
from app.web.page_state_setup import add_meeting
from people import MYSELF_IN_AARHUS
from staff import TEST_MUNICIPALITIES, register, saved_draft, sign_up_for_meeting, staff_member


def test_an_access_printout_is_in_words_without_repeated_views(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = f"/staff/registrations/{mette['public_id']}"
    for _ in range(3):
        karl.open(url)
    for outcome in ("no_answer", "sms_sent", "reached"):
        karl.post_form(f"{url}/contact", {"contact-outcome": outcome}, form_on=url)
    sign_up_for_meeting(app, add_meeting(app), "Mette H.")
    db = connect(app.config["DATABASE"])
    db.close()
    again = {**MYSELF_IN_AARHUS, "name": {"name": "Mette Igen"}}
    again["phone"] = {"phone": "20 30 40 50"}
    saved_draft(app, again)

    anna = staff_member(app, "admin").sign_in()
    page = anna.open(f"{url}/print")
    text = page.text()
    assert "En konsulent ringede, og ingen svarede" in text
    assert "En konsulent sendte en sms til personen" in text
    assert "En konsulent talte med personen" in text
    assert "Status blev ændret: Kontaktet" in text
    for code in ("no_answer", "sms_sent", "reached", "status", "assigned", "ambassador_talked"):
        assert f": {code}" not in text, code
    seen = page.soup.find("h2", string="Hvornår KLAPjobs medarbejdere så data").find_next("ul")
    viewed = [
        li.get_text(" ", strip=True)
        for li in seen.find_all("li")
        if "Så registreringen" in li.get_text()
    ]
    db = connect(app.config["DATABASE"])
    views = next(db.query("SELECT count(*) AS n FROM audit_log WHERE action = 'viewed'"))["n"]
    db.close()
    assert views >= 3 and len(viewed) == 1 and f"({views} gange)" in viewed[0], viewed
    assert "Jobcenter Aarhus: Mette H., 20 30 40 50" in text
    assert "Mette Igen" in text, "the unsent answers with the same phone are in it"
