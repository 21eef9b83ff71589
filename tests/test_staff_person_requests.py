"""Mette calls and asks KLAPjob to delete her data; Ali writes to see his. Karl registers
both with the day they came; Anna (admin) sees what is due first, marks them done, and
after Mette is deleted the register still shows that her request was answered, and by
whom, without her name."""

from datetime import timedelta

from babel.dates import format_date

from app.core import clock
from app.core.db import connect
from staff import TEST_MUNICIPALITIES, register, staff_member

TODAY = clock.local_now().date()


def ask(member, person, kind, days_ago, channel="phone"):
    url = f"/staff/registrations/{person['public_id']}/requests"
    return member.post_form(
        url,
        {
            "kind": kind,
            "channel": channel,
            "received_on": (TODAY - timedelta(days=days_ago)).isoformat(),
        },
    )


def shown(day):
    return format_date(day, format="medium", locale="da")


def register_rows(page, heading):
    table = page.soup.find(attrs={"role": "region", "aria-label": heading}).find("table")
    return [
        [td.get_text(" ", strip=True) for td in row.find_all("td")]
        for row in table.select("tbody tr")
    ]


def test_an_admin_sees_a_deletion_request_due_in_three_days_before_one_due_next_month(app):
    mette = register(app, name="Mette Hansen")
    ali = register(app, name="Ali Khan", municipality="101")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    ask(karl, ali, "access", days_ago=0, channel="letter")
    ask(karl, mette, "deletion", days_ago=27)
    anna = staff_member(app, "admin").sign_in()
    page = anna.open("/staff/requests")
    rows = register_rows(page, "Ikke klaret endnu")
    assert [row[0] for row in rows] == ["Mette Hansen", "Ali Khan"]
    assert rows[0][1] == "Slette sine data" and "3 dage tilbage" in rows[0][4]
    assert rows[1][3] == "Med brev" and "30 dage tilbage" in rows[1][4]


def test_a_request_past_its_30_days_is_marked_late(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    ask(karl, mette, "access", days_ago=31)
    page = staff_member(app, "admin").sign_in().open("/staff/requests")
    assert "For sent" in register_rows(page, "Ikke klaret endnu")[0][4]


def test_karl_sees_on_mettes_own_page_that_her_request_is_late_or_how_long_is_left(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    ask(karl, mette, "access", days_ago=31)
    ask(karl, mette, "deletion", days_ago=27)
    page = karl.open(f"/staff/registrations/{mette['public_id']}/requests")
    rows = register_rows(page, "Anmodninger")
    answer_by = {row[0]: row[2] for row in rows}
    assert "For sent" in answer_by["Se sine data"]
    assert "3 dage tilbage" in answer_by["Slette sine data"]


def test_a_request_without_a_kind_or_day_is_not_saved_and_says_why(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = f"/staff/registrations/{mette['public_id']}/requests"
    response = karl.post_form(url, {"kind": "", "received_on": "", "channel": "phone"})
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Vælg hvad personen beder om" in text and "Skriv dagen vi fik den" in text
    tomorrow = (TODAY + timedelta(days=2)).isoformat()
    response = karl.post_form(url, {"kind": "access", "received_on": tomorrow, "channel": "phone"})
    assert response.status_code == 200
    db = connect(app.config["DATABASE"])
    assert list(db.query("SELECT * FROM person_requests")) == []
    db.close()


def test_consultants_cannot_see_the_register_of_requests(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    assert karl.open("/staff/requests").status == 403


def test_an_admin_marks_an_access_request_done_and_sees_who_did_it(app):
    ali = register(app, name="Ali Khan", municipality="101")
    anna = staff_member(app, "admin").sign_in()
    ask(anna, ali, "access", days_ago=2)
    action = anna.open("/staff/requests").soup.select_one("form[action$='/done']")["action"]
    anna.post_form(action, {}, form_on="/staff/requests")
    page = anna.open("/staff/requests")
    assert "Ingen anmodninger venter på svar." in page.text()
    [done] = register_rows(page, "Klaret")
    assert done[0] == "Ali Khan" and done[4] == "Anna Admin"
    db = connect(app.config["DATABASE"])
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log ORDER BY id")]
    db.close()
    assert actions.count("request_registered") == 1 and actions.count("request_done") == 1


def test_deleting_mette_answers_her_deletion_request_and_keeps_it_without_her(app):
    mette = register(app, name="Mette Hansen")
    anna = staff_member(app, "admin").sign_in()
    ask(anna, mette, "deletion", days_ago=5)
    case = f"/staff/registrations/{mette['public_id']}"
    anna.post_form(f"{case}/delete", {"reference": mette["reference"]})
    page = anna.open("/staff/requests")
    [done] = register_rows(page, "Klaret")
    assert done[0] == "Slettet" and done[1] == "Slette sine data"
    assert done[3] == shown(TODAY) and done[4] == "Anna Admin"
    assert "Mette" not in page.text()
    db = connect(app.config["DATABASE"])
    [row] = db.query("SELECT * FROM person_requests")
    db.close()
    assert row["registration_id"] is None and row["channel"] is None


def test_the_access_printout_lists_alis_requests(app):
    ali = register(app, name="Ali Khan", municipality="101")
    anna = staff_member(app, "admin").sign_in()
    ask(anna, ali, "access", days_ago=3)
    text = anna.open(f"/staff/registrations/{ali['public_id']}/print").text()
    due = shown(TODAY + timedelta(days=27))
    assert "Se sine data: modtaget" in text and f"skal besvares senest {due}" in text


def test_alis_data_file_holds_his_request(app):
    ali = register(app, name="Ali Khan", municipality="101")
    anna = staff_member(app, "admin").sign_in()
    ask(anna, ali, "access", days_ago=3)
    data = anna.client.get(f"/staff/registrations/{ali['public_id']}/data.json").get_json()
    assert data["requests"] == [
        {
            "kind": "access",
            "received_on": (TODAY - timedelta(days=3)).isoformat(),
            "due_on": (TODAY + timedelta(days=27)).isoformat(),
            "done_on": None,
        }
    ]
