"""A CSV file for municipal reporting: the filtered list, without contact details or
health unless chosen, and no cell a spreadsheet would run as a formula."""

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
    other = register(app, name="Ali Khan", consent_jobcentre=True)
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


def test_hours_and_days_read_as_danish_excel_reads_them(app, db):
    """'7.5' is a date or a text in Danish Excel: hours have a decimal comma, as in the
    report's CSV, and the days of a placement are days, not ISO text to guess at."""
    mette = register(app, name="Mette Hansen", consent_jobcentre=True)
    db.execute(
        "UPDATE registrations SET job_start = '2026-03-02', job_hours = 7.5 WHERE id = ?",
        [mette["id"]],
    )
    db.conn.commit()
    anna = staff_member(app, "admin").sign_in()
    [row] = download(anna, "")
    assert row["Timer om ugen i jobbet"] == "7,5"
    assert row["Job fra"] == "02-03-2026"
