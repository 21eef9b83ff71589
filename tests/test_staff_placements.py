"""Work trials and jobs as a history: Karl records Mette's work trial at Netto, then her
flexjob at Føtex. The flexjob does not overwrite the work trial; her own words stay beside
them; "7,5" hours is read as seven and a half, in Danish and in English."""

from datetime import timedelta
from decimal import Decimal

from app.core import clock
from app.staff.cases.forms.day import parse_hours
from pages import Page, location_path
from staff import TEST_MUNICIPALITIES, register, staff_member


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def history_items(page):
    section = page.soup.find(id="placements-heading").find_parent("section")
    return [li.get_text(" ", strip=True) for li in section.select("ol > li")]


def test_a_work_trial_and_then_a_flexjob_stay_side_by_side_in_the_history(app, db):
    mette = register(app, name="Mette Hansen", strengths_text="Jeg er god til at ordne varer.")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    trial_start = clock.today() - timedelta(days=60)
    response = karl.post_form(
        f"{url}/placements",
        {
            "placement-kind": "praktik",
            "placement-workplace": "Netto Aarhus C",
            "placement-contact_name": "Jens Butik",
            "placement-contact_phone": "86 12 34 56",
            "placement-starts_on": trial_start.isoformat(),
            "placement-hours": "7,5",
        },
        form_on=url,
    )
    assert location_path(response) == url
    job_start = clock.today() - timedelta(days=10)
    page = karl.open(url)
    end_form = page.soup.find("form", action=f"{url}/placements/end")
    trial_id = end_form.find("select", attrs={"name": "end-placement"}).find_all("option")[-1][
        "value"
    ]
    karl.post_form(
        f"{url}/placements/end",
        {
            "end-placement": trial_id,
            "end-ends_on": (job_start - timedelta(days=1)).isoformat(),
            "end-reason": "became_job",
        },
        form_on=url,
    )
    karl.post_form(
        f"{url}/placements",
        {
            "placement-kind": "fleksjob",
            "placement-workplace": "Føtex Bruuns Galleri",
            "placement-starts_on": job_start.isoformat(),
            "placement-hours": "12",
            "placement-granted": "y",
            "placement-granted_on": (job_start - timedelta(days=5)).isoformat(),
        },
        form_on=url,
    )

    page = karl.open(url)
    newest, oldest = history_items(page)
    assert "Fleksjob" in newest and "Føtex Bruuns Galleri" in newest and "stadig i gang" in newest
    assert "Bevilget af jobcentret Ja" in newest
    assert "Praktik" in oldest and "Netto Aarhus C" in oldest and "7,5" in oldest
    assert "Jens Butik" in oldest and "Gik videre til et job" in oldest
    assert page.soup.find("a", href="tel:86123456")
    words = page.soup.find(id="own-words-heading").find_parent("section").get_text(" ", strip=True)
    assert "Jeg er god til at ordne varer." in words and "Et roligt sted" in words
    row = next(
        db.query(
            "SELECT status, job_start, employer, job_hours, praktik_start "
            "FROM registrations WHERE id = ?",
            [mette["id"]],
        )
    )
    assert row == {
        "status": "in_job",
        "job_start": job_start.isoformat(),
        "employer": "Føtex Bruuns Galleri",
        "job_hours": 12.0,
        "praktik_start": trial_start.isoformat(),
    }
    assert [r["kind"] for r in db.query("SELECT kind FROM placements ORDER BY id")] == [
        "praktik",
        "fleksjob",
    ]
    details = [
        r["detail"]
        for r in db.query("SELECT detail FROM audit_log WHERE detail LIKE 'placement%' ORDER BY id")
    ]
    assert details == ["placement: praktik", "placement ended", "placement: fleksjob"]


def test_hours_are_read_as_people_write_them_and_bad_ones_get_a_kind_message(app):
    assert parse_hours("7,5") == Decimal("7.5")
    assert parse_hours("7.5") == Decimal("7.5")
    assert parse_hours("syv") is None
    mette = register(app)
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    page = Page(
        karl.post_form(
            f"{url}/placements",
            {
                "placement-kind": "praktik",
                "placement-workplace": "Netto",
                "placement-starts_on": clock.today().isoformat(),
                "placement-hours": "syv",
            },
            form_on=url,
        )
    )
    assert page.title.startswith("Fejl:")
    assert page.error_summary_links() == [
        ("#placement-hours", "Skriv timer om ugen som et tal fra 0 til 60, for eksempel 7,5")
    ]
    assert page.soup.find(id="placement-hours")["value"] == "syv", "what was typed comes back"
    karl.client.set_cookie("klapjob_lang", "en")
    karl.post_form(
        f"{url}/placements",
        {
            "placement-kind": "praktik",
            "placement-workplace": "Netto",
            "placement-starts_on": clock.today().isoformat(),
            "placement-hours": "7,5",
        },
        form_on=url,
    )
    assert "7.5" in " ".join(history_items(karl.open(url)))
