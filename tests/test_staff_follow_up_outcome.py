"""A follow-up says how it went in a way the team can count (issue 24 §5): whether the
person is still in the work trial or job, their hours a week now, and whether the consultant
talked with the employer, beside the note. A follow-up without the first answer is refused
beside that field, and the typed note stays."""

from datetime import timedelta

from app.core import clock
from pages import Page
from staff import TEST_MUNICIPALITIES, register, staff_member


def mette_in_a_job_for_seven_months(app):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    case = f"/staff/registrations/{mette['public_id']}"
    started = clock.today() - timedelta(days=210)
    karl.post_form(
        f"{case}/job",
        {"job-job_start": started.isoformat(), "job-employer": "Netto Aarhus", "job-hours": "10"},
        form_on=case,
    )
    karl.post_form(f"{case}/status", {"status-status": "in_job"}, form_on=case)
    return karl, mette, case


def test_karl_records_that_mette_is_still_in_her_job_with_more_hours(app, db):
    karl, mette, case = mette_in_a_job_for_seven_months(app)
    form = karl.open(case).soup.find("form", action=f"{case}/follow-up")
    assert form.find("select", attrs={"name": "follow_up-still_in_job"}) is not None

    response = karl.post_form(
        f"{case}/follow-up",
        {
            "follow_up-still_in_job": "yes",
            "follow_up-hours": "12,5",
            "follow_up-employer_spoken": "y",
            "follow_up-note": "Går godt.",
        },
        form_on=case,
    )
    assert response.status_code == 302

    history = karl.open(case).soup.find(class_="staff-history").get_text(" ", strip=True)
    assert "stadig i jobbet" in history
    assert "12,5 timer om ugen" in history
    assert "talt med arbejdsgiveren" in history
    [row] = db.query(
        "SELECT json_extract(after, '$.still_in_job') AS still, json_extract(after, '$.hours')"
        " AS hours, json_extract(after, '$.employer_spoken') AS spoken"
        " FROM registration_history WHERE kind = 'follow_up'"
    )
    assert (row["still"], row["hours"], row["spoken"]) == (1, 12.5, 1)


def test_a_follow_up_without_saying_whether_the_job_goes_on_is_refused_and_the_note_stays(app):
    karl, mette, case = mette_in_a_job_for_seven_months(app)
    response = karl.post_form(
        f"{case}/follow-up", {"follow_up-note": "Ringede til Mette."}, form_on=case
    )
    page = Page(response)
    assert response.status_code == 200
    error = page.soup.find(id="follow_up-still_in_job-error")
    assert error is not None and "ja eller nej" in error.get_text()
    assert "Ringede til Mette." in page.soup.find(attrs={"name": "follow_up-note"}).get_text()
