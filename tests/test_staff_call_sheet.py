"""A consultant on the phone all day: beside "Før du ringer" one form says what came of
a call, a text message or a mail, takes a note and the next step in one press, and the
newest notes stand at the top of the case."""

from datetime import timedelta

from app.core import clock
from pages import Page, location_path
from staff import TEST_MUNICIPALITIES, register, staff_member


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def contact_url(row):
    return f"{case_url(row)}/contact"


def tell(karl, row, outcome, **fields):
    """One press on an outcome button of the call sheet, with what was typed beside it."""
    data = {"contact-outcome": outcome, **{f"contact-{k}": v for k, v in fields.items()}}
    return karl.post_form(contact_url(row), data, form_on=case_url(row))


def fact(page, name):
    """What the case's facts say under `name`."""
    term = next(dt for dt in page.soup.select(".staff-facts dt") if dt.get_text() == name)
    return term.find_next_sibling("dd").get_text(" ", strip=True)


def history_lines(page):
    return [li.get_text(" ", strip=True) for li in page.soup.select(".staff-history > li")]


def test_the_call_sheet_stands_beside_before_you_call_with_one_button_an_outcome(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()

    case = karl.open(case_url(mette))
    sheet = case.soup.find("form", action=contact_url(mette))
    assert sheet is not None, "a call sheet on the case"
    assert sheet.find_parent(class_="staff-call-row") is case.soup.find(
        id="overview-heading"
    ).find_parent(class_="staff-call-row"), "beside 'Før du ringer'"
    buttons = {
        button["value"]: button.get_text(" ", strip=True)
        for button in sheet.find_all("button", attrs={"name": "contact-outcome"})
        if not button.has_attr("hidden")
    }
    assert buttons == {
        "no_answer": "Ringet, intet svar",
        "voicemail": "Ringet, lagt en besked",
        "sms_sent": "Sendt en sms",
        "mail_sent": "Sendt en mail",
        "reached": "Talt med personen",
    }
    assert sheet.find("textarea", attrs={"name": "contact-note"}) is not None
    assert sheet.find("select", attrs={"name": "contact-next_kind"}) is not None
    assert sheet.find("input", attrs={"name": "contact-next_due"}) is not None
    assert sheet.find("input", attrs={"name": "csrf_token"}) is not None


def test_a_first_call_from_no_answer_to_reached_with_the_next_step_in_one_press(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()

    for _ in range(2):
        response = tell(karl, mette, "no_answer")
        assert location_path(response) == case_url(mette)
    tell(karl, mette, "voicemail", note="Bad hende ringe tilbage.")
    case = karl.open(case_url(mette))
    assert "3 opkald uden svar." in case.text(), "a message on the machine is no answer too"

    tomorrow = clock.today() + timedelta(days=1)
    tell(
        karl,
        mette,
        "sms_sent",
        note="Sms om en tid i morgen.",
        next_kind="meeting",
        next_due=tomorrow.isoformat(),
    )
    case = karl.open(case_url(mette))
    assert fact(case, "Næste skridt").startswith("Møde"), "the next step came in the same press"
    newest = history_lines(case)[:2]
    assert any("Sendt en sms" in line and "Karl Konsulent" in line for line in newest)
    assert any("Sms om en tid i morgen." in line for line in newest)
    latest = case.soup.find(id="latest-heading").find_parent("section")
    latest_text = latest.get_text(" ", strip=True)
    assert "Sms om en tid i morgen." in latest_text and "Bad hende ringe tilbage." in latest_text
    assert latest_text.index("Sms om en tid") < latest_text.index("Bad hende"), "newest first"
    assert case.text().index("Sms om en tid") < case.text().index("Status"), "at the top"

    tell(karl, mette, "reached", note="Vi mødes på tirsdag.")
    case = karl.open(case_url(mette))
    assert "0 opkald uden svar." in case.text(), "reaching the person starts the count again"
    assert fact(case, "Status") == "Kontaktet", "and is a contact"
    assert "Talt med personen" in history_lines(case)[0]
    inbox_counts = [
        td.get_text(strip=True)
        for td in karl.open("/staff/").soup.select(".staff-table tbody tr td.staff-number")
    ]
    assert inbox_counts == ["0"]

    tell(karl, mette, "no_answer")
    assert "1 opkald uden svar." in karl.open(case_url(mette)).text()

    details = [
        row["detail"]
        for row in db.query("SELECT detail FROM audit_log WHERE action = 'changed' ORDER BY id")
    ]
    assert details == [
        "call attempt",
        "call attempt",
        "contact: voicemail",
        "next step",
        "contact: sms_sent",
        "status: contacted",
        "contact: reached",
        "call attempt",
    ]
    first_contact = db.execute(
        "SELECT first_contact_at FROM registrations WHERE id = ?", [mette["id"]]
    ).fetchone()[0]
    assert first_contact is not None, "counted as the first contact"


def test_a_next_step_without_a_day_keeps_the_note_and_says_what_is_missing(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    history_before = db.execute("SELECT count(*) FROM registration_history").fetchone()[0]

    page = Page(tell(karl, mette, "reached", note="Hun vil gerne i praktik.", next_kind="meeting"))
    assert page.status == 200
    error = page.soup.find(id="contact-next_due-error")
    assert error is not None and "Skriv den dag" in error.get_text()
    assert page.soup.find("textarea", attrs={"name": "contact-note"}).get_text().strip() == (
        "Hun vil gerne i praktik."
    ), "nothing typed is lost"
    history_after = db.execute("SELECT count(*) FROM registration_history").fetchone()[0]
    assert history_after == history_before, "nothing is saved half"

    page = Page(tell(karl, mette, "gone_fishing"))
    assert page.status == 200 and page.soup.find(id="contact-outcome-error") is not None


def test_the_call_sheet_needs_the_security_token(app):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    response = karl.client.post(contact_url(mette), data={"contact-outcome": "reached"})
    assert response.status_code == 400
