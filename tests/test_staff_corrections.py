"""Karl puts Mette's case right after the first call: her phone number was typed wrong, her
name is spelled otherwise, she now knows her municipality, and she says yes to the job
centre on the phone. Each change is in the case's history (who, when, before and after)
and in the audit log, which names the question and never the answer."""

from datetime import timedelta

from app.core import clock
from app.staff.core import monthly_figures
from pages import Page, location_path
from staff import TEST_MUNICIPALITIES, register, staff_member


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def history_text(page):
    return page.soup.find_all("ol", class_="staff-history")[-1].get_text(" ", strip=True)


def audit_details(db):
    return [
        r["detail"]
        for r in db.query("SELECT detail FROM audit_log WHERE action = 'changed' ORDER BY id")
    ]


def test_a_consultant_corrects_a_wrong_phone_number_after_the_first_call(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    page = karl.open(url)
    assert page.soup.find("a", href=f"{url}/answers/phone")

    page = karl.open(f"{url}/answers/phone")
    assert page.status == 200 and page.field_value("phone") == "20 30 40 50"
    response = karl.post_form(f"{url}/answers/phone", {"phone": "21 31 41 51"})
    assert location_path(response) == url

    page = karl.open(url)
    assert page.soup.find("a", href="tel:+4521314151")
    history = history_text(page)
    assert "20 30 40 50" in history and "21 31 41 51" in history and "Karl Konsulent" in history
    assert next(db.query("SELECT phone FROM registrations"))["phone"] == "+4521314151"
    assert audit_details(db)[-1] == "corrected: phone"
    assert not any("2131" in detail or "2030" in detail for detail in audit_details(db))
    # The inbox search finds her by the new number.
    inbox = karl.open("/staff/?search=21314151&status=&municipality=&consultant=")
    assert "Mette Hansen" in inbox.text()


def test_a_mistyped_email_says_why_beside_the_field_and_keeps_what_was_typed(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    response = karl.post_form(f"{url}/answers/name", {"name": ""})
    page = Page(response)
    assert response.status_code == 400
    assert page.soup.find(id="name-error") and page.error_summary_links()

    karl.post_form(f"{url}/answers/contact", {"contact_method": "email"})
    # Mail now: the email question comes next, as the person was not asked it before.
    response = karl.post_form(f"{url}/answers/email", {"email": "mette@"})
    page = Page(response)
    assert response.status_code == 400
    assert page.soup.find(id="email-error") and page.field_value("email") == "mette@"
    response = karl.post_form(f"{url}/answers/email", {"email": "mette@example.dk"})
    assert location_path(response) == url
    row = next(db.query("SELECT contact_method, email, name FROM registrations"))
    assert (row["contact_method"], row["email"], row["name"]) == (
        "email",
        "mette@example.dk",
        "Mette Hansen",
    )


def test_the_municipality_the_person_did_not_know_is_set_and_the_report_counts_her_there(app, db):
    mette = register(app, name="Mette Hansen", municipality="dont_know")
    anna = staff_member(app, "admin").sign_in()
    url = case_url(mette)
    month = monthly_figures.month_of(clock.today())
    start = clock.today() - timedelta(days=1)
    anna.post_form(
        f"{url}/placements",
        {
            "placement-kind": "praktik",
            "placement-workplace": "Netto",
            "placement-starts_on": start.isoformat(),
            "placement-hours": "5",
        },
        form_on=url,
    )
    page = anna.open(url)
    assert page.soup.find("a", href=f"{url}/answers/municipality")

    response = anna.post_form(f"{url}/answers/municipality", {"municipality": "751"})
    assert location_path(response) == url
    assert next(db.query("SELECT municipality_code FROM registrations"))["municipality_code"] == (
        "751"
    )

    def counted(municipality, measure, kind=""):
        found = monthly_figures.figures(
            db, municipality=municipality, first_month=month, last_month=month
        )
        return found.get((measure, kind), {}).get(month, (0, 0))[0]

    assert counted("751", monthly_figures.REGISTERED) == 1
    assert counted("751", monthly_figures.PLACEMENT, "praktik") == 1
    everywhere = monthly_figures.figures(db, municipality="", first_month=month, last_month=month)
    assert everywhere[(monthly_figures.REGISTERED, "")][month][0] == 1
    assert "Aarhus" in history_text(anna.open(url))


def test_a_colleague_sees_a_corrected_health_answer_only_after_show_health(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    db.execute("UPDATE registrations SET consultant_id = ?", [karl.user.id])
    db.conn.commit()
    response = karl.post_form(f"{url}/answers/health", {"health": "Jeg har ADHD."})
    assert location_path(response) == url
    assert "Jeg har ADHD." in history_text(karl.open(url))
    assert audit_details(db)[-1] == "corrected: health"
    assert not any("ADHD" in detail or "autisme" in detail for detail in audit_details(db))

    anna = staff_member(app, "admin").sign_in()
    page = anna.open(url)
    assert "ADHD" not in page.html and "autisme" not in page.html
    page = anna.open(f"{url}/answers/health")
    assert "ADHD" not in page.html
    page = Page(anna.post_form(f"{url}/answers/health/show-health", {}, form_on=url))
    assert page.field_value("health") == "Jeg har ADHD."


def test_health_is_not_corrected_where_the_person_said_no_to_keeping_it(app, db):
    mette = register(app, name="Mette Hansen", consent_health=False)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    assert karl.open(f"{url}/answers/health").status == 404
    response = karl.post_form(f"{url}/answers/health", {"health": "x"}, form_on=url)
    assert response.status_code == 404
    assert not list(db.query("SELECT 1 FROM answers WHERE field = 'health'"))


def test_a_later_yes_to_the_job_centre_is_recorded_with_who_when_and_how(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    today = clock.today().isoformat()
    yes_to_health_alone = {
        "consent-jobcentre": "no",
        "consent-health_jobcentre": "yes",
        "consent-how": "phone",
        "consent-given_on": today,
        "consent-note": "Hun ringede selv.",
    }
    response = karl.post_form(f"{url}/consents", yes_to_health_alone, form_on=url)
    page = Page(response)
    assert response.status_code == 200
    assert page.soup.find(id="consent-health_jobcentre-error")
    assert page.field_value("consent-note").strip() == "Hun ringede selv."

    response = karl.post_form(
        f"{url}/consents", {**yes_to_health_alone, "consent-jobcentre": "yes"}, form_on=url
    )
    assert location_path(response) == url
    row = next(db.query("SELECT consent_jobcentre, consent_health_jobcentre FROM registrations"))
    assert (row["consent_jobcentre"], row["consent_health_jobcentre"]) == (1, 1)
    history = history_text(karl.open(url))
    assert "Ja til jobcentret: Ja" in history and "Hvordan: I telefonen" in history
    assert "consent_jobcentre: yes (phone)" in audit_details(db)

    # She takes both back in a letter.
    response = karl.post_form(
        f"{url}/consents",
        {
            "consent-jobcentre": "no",
            "consent-health_jobcentre": "no",
            "consent-how": "letter",
            "consent-given_on": today,
        },
        form_on=url,
    )
    assert location_path(response) == url
    row = next(db.query("SELECT consent_jobcentre, consent_health_jobcentre FROM registrations"))
    assert (row["consent_jobcentre"], row["consent_health_jobcentre"]) == (0, 0)


def test_nobody_who_may_not_see_the_case_corrects_it(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    db.execute("UPDATE registrations SET consultant_id = ?", [karl.user.id])
    db.conn.commit()
    olga = staff_member(app, name="Olga Odense", covers=("461",)).sign_in()
    url = case_url(mette)
    assert olga.open(f"{url}/answers/phone").status == 404
    response = olga.post_form(f"{url}/answers/phone", {"phone": "21314151"}, form_on="/staff/")
    assert response.status_code == 404
    response = olga.post_form(
        f"{url}/consents",
        {"consent-jobcentre": "yes", "consent-health_jobcentre": "no", "consent-how": "phone"},
        form_on="/staff/",
    )
    assert response.status_code == 404
    # Without the form's security token, even Karl's correction is refused.
    response = karl.client.post(f"{url}/answers/phone", data={"phone": "21314151"})
    assert response.status_code == 400
    assert next(db.query("SELECT phone FROM registrations"))["phone"] == "+4520304050"
