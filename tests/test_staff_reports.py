"""The municipality's report: Karl takes the oldest overdue case in Aarhus, fails to reach
Mette twice, books a meeting with the job centre, records a work trial and then a flexjob,
and the report for Aarhus shows it, in a CSV file in Danish conventions and in an .xlsx
workbook. When Mette is deleted, the report stays the same."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from app.core import clock
from app.core.db import connect
from app.staff.data_requests.data.personal_data import purge
from pages import Page, location_path
from staff import TEST_MUNICIPALITIES, register, staff_member


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def report_counts(page):
    """{line label: the count in all} from the report's table."""
    counts = {}
    for tr in page.soup.select(".staff-table tbody tr"):
        cells = tr.find_all("td")
        label = cells[0].find(string=True, recursive=False).strip()
        counts[label] = int(cells[-1].get_text(strip=True))
    return counts


def this_year_so_far():
    today = clock.today()
    first = clock.add_months(today, -11)
    return f"first_month={first:%Y-%m}&last_month={today:%Y-%m}"


def test_a_consultants_year_shows_in_the_municipalitys_report_and_survives_deletion(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    mette = register(app, name="Mette Hansen")
    unreachable = register(app, name="Ukendt Person")
    db = connect(app.config["DATABASE"])
    db.execute(
        "UPDATE registrations SET consultant_id = NULL, callback_promised_by = ?",
        [(clock.today() - timedelta(days=3)).isoformat()],
    )
    db.conn.commit()
    karl.sign_in()
    url = case_url(mette)
    take = Page(karl.client.get("/staff/")).soup.find("form", action=f"{url}/take")
    karl.post_form(take["action"], {}, form_on="/staff/")
    for _ in range(2):
        karl.post_form(f"{url}/contact", {"contact-outcome": "no_answer"}, form_on=url)
    karl.post_form(
        f"{url}/appointments",
        {
            "appointment-day": (clock.today() + timedelta(days=3)).isoformat(),
            "appointment-starts_at": "9:30",
            "appointment-place": "Jobcenter Aarhus",
            "appointment-with_person": "y",
            "appointment-with_jobcentre": "y",
        },
        form_on=url,
    )
    karl.post_form(f"{url}/status", {"status-status": "meeting"}, form_on=url)
    trial = clock.today() - timedelta(days=300)
    job = clock.today() - timedelta(days=200)
    karl.post_form(
        f"{url}/placements",
        {
            "placement-kind": "praktik",
            "placement-workplace": "Netto",
            "placement-starts_on": trial.isoformat(),
            "placement-hours": "7,5",
        },
        form_on=url,
    )
    karl.post_form(
        f"{url}/placements",
        {
            "placement-kind": "fleksjob",
            "placement-workplace": "Føtex",
            "placement-starts_on": job.isoformat(),
            "placement-hours": "12,5",
            "placement-granted": "y",
        },
        form_on=url,
    )
    # The other person never answers: closed as "could not be reached", which is no contact.
    karl.post_form(
        f"{case_url(unreachable)}/status",
        {"status-status": "closed", "status-reason": "not_reached"},
        form_on=case_url(unreachable),
    )
    purge(db)  # the nightly run: counts the jobs still going 6 months after their start
    db.close()

    address = f"/staff/reports?municipality=751&{this_year_so_far()}"
    before = karl.open(address)
    counts = report_counts(before)
    assert counts["Tilmeldt"] == 2
    assert counts["Første rigtige kontakt"] == 1, "could not be reached is not a contact"
    assert counts["Praktikker startet"] == 1 and counts["Job startet: Fleksjob"] == 1
    assert counts["Job startet: Skånejob"] == 0
    assert counts["Stadig i jobbet 6 måneder efter starten"] == 1
    assert counts["Lukket: Kunne ikke træffes"] == 1
    assert "12,5 timer om ugen, i gennemsnit" in before.text()
    assert (
        report_counts(karl.open(f"/staff/reports?municipality=101&{this_year_so_far()}"))[
            "Tilmeldt"
        ]
        == 0
    )

    csv_response = karl.client.get(f"{address}&download=csv")
    assert csv_response.mimetype == "text/csv"
    text = csv_response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    job_month = job.replace(day=1).strftime("%d-%m-%Y")
    fleksjob = next(
        r for r in rows if r["Hvad"] == "Job startet: Fleksjob" and r["Måned"] == job_month
    )
    assert fleksjob["Gennemsnit"] == "12,5" and fleksjob["Antal"] == "1"
    assert fleksjob["Kommune"] == "Aarhus"

    workbook = load_workbook(io.BytesIO(karl.client.get(f"{address}&download=xlsx").data))
    sheet = workbook.active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("Måned", "Kommune", "Hvad", "Antal")
    fleksjob_row = next(
        row
        for row in values
        if row[2] == "Job startet: Fleksjob" and row[0] == datetime(job.year, job.month, 1)
    )
    assert fleksjob_row[3] == 1 and fleksjob_row[4] == 12.5

    anna = staff_member(app, "admin").sign_in()
    anna.post_form(f"{url}/delete", {"reference": mette["reference"]}, form_on=f"{url}/delete")
    assert anna.client.get(url).status_code == 404, "Mette is deleted"
    assert report_counts(karl.open(address)) == counts, "last year's report does not change"


def test_closing_because_the_person_could_not_be_reached_is_no_first_contact(app, db):
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    karl.post_form(
        f"{case_url(mette)}/status",
        {"status-status": "closed", "status-reason": "not_reached"},
        form_on=case_url(mette),
    )
    row = next(db.query("SELECT status, first_contact_at FROM registrations"))
    assert row == {"status": "closed", "first_contact_at": None}


def test_a_consultant_reads_the_months_of_the_report_by_their_danish_names(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES)
    karl.sign_in()
    today = clock.today()
    page = karl.open("/staff/reports")  # as first opened: this quarter, all municipalities
    danish_months = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ]
    this_month = f"{danish_months[today.month - 1]} {today.year}"
    headers = [th.get_text(strip=True) for th in page.soup.select(".staff-table thead th")]
    assert this_month in headers
    offered = [option.get_text(strip=True) for option in page.soup.select("#first_month option")]
    assert this_month in offered
    assert f"{today:%Y-%m}" not in headers + offered


def columns_out_of_line(page):
    """Columns whose numbers stand to the right while their heading stands to the left."""
    wrong = []
    for table in page.soup.select(".staff-table"):
        headings = table.select("thead th")
        for index, heading in enumerate(headings):
            cells = [row.find_all(["th", "td"])[index] for row in table.select("tbody tr")]
            numbers = cells and all("staff-number" in cell.get("class", []) for cell in cells)
            if numbers and "staff-number" not in heading.get("class", []):
                wrong.append(heading.get_text(strip=True))
    return wrong


def test_each_number_stands_under_its_month(app):
    register(app)
    anna = staff_member(app, "admin").sign_in()
    for address in ("/staff/reports", "/staff/statistics", "/staff/"):
        page = anna.open(address)
        assert page.soup.select(".staff-table tbody tr"), address
        assert columns_out_of_line(page) == [], address


def test_a_month_with_nothing_to_count_says_0_in_the_files(app):
    """Aarhus asks how many started a job in each month: a month with none is a 0 in the
    CSV and the spreadsheet, as on the page, not a missing line to wonder about."""
    register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    address = f"/staff/reports?municipality=751&{this_year_so_far()}"
    page_counts = report_counts(karl.open(address))
    assert page_counts["Job startet: Skånejob"] == 0

    text = karl.client.get(f"{address}&download=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    skaanejob = [row for row in rows if row["Hvad"] == "Job startet: Skånejob"]
    assert len(skaanejob) == 12 and {row["Antal"] for row in skaanejob} == {"0"}

    workbook = load_workbook(io.BytesIO(karl.client.get(f"{address}&download=xlsx").data))
    values = list(workbook.active.iter_rows(values_only=True))
    assert len([row for row in values if row[2] == "Job startet: Skånejob"]) == 12
    assert len(values) - 1 == len(rows), "the two files hold the same lines"


def add_work_trial(member, row, starts_on):
    url = case_url(row)
    response = member.post_form(
        f"{url}/placements",
        {
            "placement-kind": "praktik",
            "placement-workplace": "Netto",
            "placement-starts_on": starts_on.isoformat(),
        },
        form_on=url,
    )
    assert response.status_code == 302


def kept_counts(page):
    """{line label: (the count as sent, the count now or None)} of a kept report."""
    kept = {}
    for tr in page.soup.select(".staff-table tbody tr"):
        cells = tr.find_all("td")
        label = cells[0].find(string=True, recursive=False).strip()
        last = cells[-1]
        now = last.select_one(".staff-corrected")
        kept[label] = (
            int(last.find("strong").get_text(strip=True)),
            now.get_text(" ", strip=True) if now else None,
        )
    return kept


def test_a_report_sent_to_aarhus_is_kept_as_it_was_and_later_corrections_show_as_such(app):
    """Karl sends Aarhus its report for the month, and keeps it as sent. A work trial typed
    the day after, that started last month, changes the live report; the kept one still
    says what Aarhus got, and marks the line corrected since, with today's number."""
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    this_month = clock.today().replace(day=1)
    add_work_trial(karl, mette, this_month)
    address = f"/staff/reports?municipality=751&first_month={this_month:%Y-%m}"
    report = karl.open(address)
    keep = report.soup.find("form", attrs={"data-keep-report": True})
    kept_response = karl.post_form(
        keep["action"],
        {field["name"]: field.get("value", "") for field in keep.select("input[type=hidden]")},
        form_on=address,
    )
    assert kept_response.status_code == 302
    kept_url = location_path(kept_response)
    assert report_counts(karl.open(kept_url))["Praktikker startet"] == 1

    add_work_trial(karl, mette, this_month + timedelta(days=1))

    assert report_counts(karl.open(address))["Praktikker startet"] == 2
    kept = kept_counts(karl.open(kept_url))
    assert kept["Praktikker startet"][0] == 1, "as it was sent"
    assert "2" in kept["Praktikker startet"][1], "the correction since, marked as such"
    assert kept["Tilmeldt"] == (1, None)
    listed = karl.open(address).soup.select("[data-kept-reports] a")
    assert [a["href"] for a in listed] == [kept_url]
    kept_file = karl.client.get(f"{kept_url}?download=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(kept_file[1:]), delimiter=";"))
    trials = [r for r in rows if r["Hvad"] == "Praktikker startet"]
    assert [r["Antal"] for r in trials] == ["1"], "the file as it was sent"


@pytest.mark.parametrize(
    "period",
    [
        {"municipality": "751", "first_month": "1999-01", "last_month": "1999-01"},
        {"municipality": "9999", "first_month": "", "last_month": ""},
    ],
    ids=["months-never-offered", "no-such-municipality"],
)
def test_only_a_report_the_page_offers_can_be_kept(app, db, period):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    this_month = f"{clock.today():%Y-%m}"
    asked = {key: value or this_month for key, value in period.items()}

    response = karl.post_form("/staff/reports/keep", asked, form_on="/staff/reports")

    assert response.status_code == 400
    assert db["sent_reports"].count == 0
