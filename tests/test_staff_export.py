"""A CSV file for municipal reporting: the filtered list, without contact details or
health unless chosen, and no cell a spreadsheet would run as a formula."""

from app.core import clock
from app.staff.cases.data.csv_export import safe_cell
from people import HELPED_BY_SUPPORT_WORKER
from staff import TEST_MUNICIPALITIES, register, staff_member
from staff import download_export as download


def test_the_export_follows_the_filters_and_leaves_out_personal_details(app):
    register(app, name="Mette Hansen", health="Jeg har autisme.", consent_jobcentre=True)
    register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan", consent_jobcentre=True)
    anna = staff_member(app, "admin").sign_in()
    rows = download(anna, "municipality=751")
    assert len(rows) == 1
    [mette] = rows
    assert mette["Kommune"] == "Aarhus" and mette["Status"] == "Ny"
    assert mette["Arbejde, jeg vil have"] == "Køkken og kantine, Café og fastfood"
    text = ";".join(f"{k}={v}" for k, v in mette.items())
    for private in ("Mette", "Hansen", "20 30 40 50", "autisme"):
        assert private not in text, private
    assert "Mit helbred" not in mette


def test_contact_details_and_health_come_only_when_chosen(app, db):
    mette = register(app, name="Mette Hansen", health="Jeg har autisme.", consent_jobcentre=True)
    db.execute("UPDATE registrations SET consent_health_jobcentre = 1 WHERE id = ?", [mette["id"]])
    db.conn.commit()
    anna = staff_member(app, "admin").sign_in()
    [with_contact] = download(anna, "include_contact=y")
    assert with_contact["Navn"] == "Mette Hansen" and "Mit helbred" not in with_contact
    [with_health] = download(anna, "include_contact=y&include_sensitive=y&purpose=Aktindsigt")
    assert with_health["Mit helbred"] == "Jeg har autisme."


def test_a_formula_in_an_answer_stays_text_in_the_spreadsheet(app):
    register(
        app, name='=HYPERLINK("http://evil")', strengths_text="+SUM(A1:A9)", consent_jobcentre=True
    )
    anna = staff_member(app, "admin").sign_in()
    [row] = download(anna, "include_contact=y&include_free_text=y")
    assert row["Navn"] == '\'=HYPERLINK("http://evil")'
    assert row["Mere om, hvad jeg kan lide"] == "'+SUM(A1:A9)"


def test_every_dangerous_first_character_is_defused():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1").startswith("'")
    assert safe_cell("Mette") == "Mette" and safe_cell(None) == "" and safe_cell(12.5) == "12.5"


def test_a_consultant_exports_only_what_they_may_see_and_each_row_is_logged(app, db):
    register(app, name="Mette Hansen", consent_jobcentre=True)
    # Lise's, in Odense, which Karl does not cover.
    other = register(app, name="Ali Khan", consent_jobcentre=True, municipality="461")
    lise = staff_member(app, name="Lise Larsen")
    db.execute(
        "UPDATE registrations SET consultant_id = ? WHERE id = ?", [lise.user.id, other["id"]]
    )
    db.conn.commit()
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    assert len(download(karl, "")) == 1
    logged = [
        r["reference"]
        for r in db.query("SELECT reference FROM audit_log WHERE action = 'exported_csv'")
    ]
    assert other["reference"] not in logged and len(logged) == 1


def test_the_export_page_offers_the_choices(app):
    karl = staff_member(app).sign_in()
    page = karl.open("/staff/export")
    assert page.soup.find("input", {"name": "include_sensitive"}).get("checked") is None
    assert page.soup.find("input", {"name": "include_contact"}).get("checked") is None


def test_every_work_trial_and_job_is_a_line_of_its_own_with_its_kind_grant_days_and_end(
    app, db, time_machine
):
    """Aarhus counts work trials and jobs from the file: each of Mette's is a line (a work
    trial that became a flexjob, granted by the job centre), her person number the same on
    both; Ali, with none yet, is one line. They send at half past midnight in Denmark."""
    from datetime import UTC, date, datetime

    time_machine.move_to(datetime(2026, 12, 7, 23, 30, tzinfo=UTC))

    from app.staff.cases.data.placements import add_placement, end_placement
    from app.staff.core.access import visible_registration

    mette = register(app, name="Mette Hansen", consent_jobcentre=True)
    ali = register(app, name="Ali Khan", consent_jobcentre=True)
    anna = staff_member(app, "admin")
    with app.test_request_context():
        case = visible_registration(db, anna.user, mette["public_id"])
        trial = add_placement(
            db, anna.user, case, kind="praktik", workplace="Netto", starts_on=date(2026, 3, 2)
        )
        case = visible_registration(db, anna.user, mette["public_id"])
        end_placement(db, anna.user, case, trial, ends_on=date(2026, 3, 20), reason="became_job")
        case = visible_registration(db, anna.user, mette["public_id"])
        add_placement(
            db,
            anna.user,
            case,
            kind="fleksjob",
            workplace="Netto",
            starts_on=date(2026, 4, 1),
            hours=12.5,
            granted=True,
            granted_on=date(2026, 3, 25),
        )
    anna.sign_in()
    rows = download(anna, "")
    assert len(rows) == 3
    hers = [row for row in rows if row["Praktik eller job"]]
    assert [row["Praktik eller job"] for row in hers] == ["Praktik", "Fleksjob"]
    assert len({row["Person i filen"] for row in hers}) == 1
    trial_line, job_line = hers
    [his] = [row for row in rows if not row["Praktik eller job"]]
    assert (trial_line["Starter"], trial_line["Slutter"]) == ("02-03-2026", "20-03-2026")
    assert trial_line["Hvorfor det sluttede"] == "Gik videre til et job"
    assert (job_line["Bevilget af jobcentret"], job_line["Bevilget den"]) == ("Ja", "25-03-2026")
    # As Danish Excel reads them: a decimal comma ('12.5' is a date or a text there), and
    # days day-month-year.
    assert job_line["Timer om ugen i jobbet"] == "12,5" and job_line["Slutter"] == ""
    # The day he sent it in Denmark, not the stored UTC stamp's day (7 December).
    assert (
        his["Sendt"]
        == "08-12-2026"
        == clock.day_in_denmark(ali["submitted_at"]).strftime("%d-%m-%Y")
    )
    assert his["Person i filen"] not in {row["Person i filen"] for row in hers}
