"""A wrong work trial or job is put right: Karl typed Mette's work trial at the wrong
workplace and with the wrong start, and a job she never had. He corrects the one and
removes the other, each with a reason, in the case's history and the audit log, and the
municipality's figures follow. Ending one never chooses for him which one ends."""

from datetime import timedelta

from app.core import clock
from app.staff.core import monthly_figures
from pages import Page, location_path
from staff import TEST_MUNICIPALITIES, register, staff_member


def case_url(row):
    return f"/staff/registrations/{row['public_id']}"


def add(karl, url, kind, workplace, starts_on, hours="7,5"):
    response = karl.post_form(
        f"{url}/placements",
        {
            "placement-kind": kind,
            "placement-workplace": workplace,
            "placement-starts_on": starts_on.isoformat(),
            "placement-hours": hours,
        },
        form_on=url,
    )
    assert location_path(response) == url


def placement_ids(db, row):
    return {
        r["workplace"]: r["public_id"]
        for r in db.query(
            "SELECT workplace, public_id FROM placements WHERE registration_id = ?", [row["id"]]
        )
    }


def placements_figure(db, kind, month):
    found = monthly_figures.figures(db, municipality="751", first_month=month, last_month=month)
    return found.get((monthly_figures.PLACEMENT, kind), {}).get(month, (0, 0.0))


def test_ending_a_placement_chooses_none_so_one_press_cannot_end_the_job_instead(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    add(karl, url, "praktik", "Netto Aarhus C", clock.today() - timedelta(days=30))
    add(karl, url, "skaanejob", "Føtex Bruuns Galleri", clock.today() - timedelta(days=5))

    page = karl.open(url)
    select = page.soup.find("select", attrs={"name": "end-placement"})
    options = select.find_all("option")
    assert options[0]["value"] == "" and not any(o.has_attr("selected") for o in options)

    response = karl.post_form(
        f"{url}/placements/end",
        {"end-placement": "", "end-ends_on": clock.today().isoformat(), "end-reason": "other"},
        form_on=url,
    )
    page = Page(response)
    assert response.status_code == 200
    assert page.soup.find(id="end-placement-error").get_text(strip=True).endswith("Vælg hvilken")
    assert page.field_value("end-ends_on") == clock.today().isoformat()
    assert not list(db.query("SELECT 1 FROM placements WHERE ends_on IS NOT NULL"))


def test_a_consultant_corrects_a_work_trial_typed_at_the_wrong_workplace(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    wrong_start = clock.today() - timedelta(days=70)
    add(karl, url, "praktik", "Netto Aarhus N", wrong_start)
    trial = placement_ids(db, mette)["Netto Aarhus N"]

    page = karl.open(url)
    assert page.soup.find("a", href=f"{url}/placements/{trial}")
    page = karl.open(f"{url}/placements/{trial}")
    assert page.status == 200
    assert page.field_value("edit-workplace") == "Netto Aarhus N"

    right_start = clock.today() - timedelta(days=3)
    form = {
        "edit-kind": "praktik",
        "edit-workplace": "Netto Aarhus C",
        "edit-starts_on": right_start.isoformat(),
        "edit-hours": "10",
        "edit-reason": "",
    }
    # No reason: said beside the field, and what he typed is still there.
    response = karl.post_form(f"{url}/placements/{trial}/edit", form, form_on=url)
    page = Page(response)
    assert response.status_code == 200
    assert page.soup.find(id="edit-reason-error")
    assert page.field_value("edit-workplace") == "Netto Aarhus C"

    form["edit-reason"] = "Jeg skrev den forkerte butik."
    response = karl.post_form(f"{url}/placements/{trial}/edit", form, form_on=url)
    assert location_path(response) == url

    row = next(db.query("SELECT workplace, starts_on, hours FROM placements"))
    assert row["workplace"] == "Netto Aarhus C" and row["starts_on"] == right_start.isoformat()
    history = (
        karl.open(url).soup.find_all("ol", class_="staff-history")[-1].get_text(" ", strip=True)
    )
    assert "Jeg skrev den forkerte butik." in history and "Netto Aarhus N" in history
    audit = [r["detail"] for r in db.query("SELECT detail FROM audit_log WHERE action = 'changed'")]
    assert "placement corrected" in audit
    assert not any("Netto" in detail or "butik" in detail for detail in audit)
    # The report counts the work trial in the month it really started, with its hours.
    old_month, new_month = (
        monthly_figures.month_of(wrong_start),
        monthly_figures.month_of(right_start),
    )
    assert placements_figure(db, "praktik", new_month) == (1, 10.0)
    if old_month != new_month:
        assert placements_figure(db, "praktik", old_month) == (0, 0.0)


def test_a_job_typed_on_the_wrong_case_is_removed_with_a_reason(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    start = clock.today() - timedelta(days=2)
    add(karl, url, "skaanejob", "Bilka Tilst", start, hours="12")
    job = placement_ids(db, mette)["Bilka Tilst"]

    response = karl.post_form(f"{url}/placements/{job}/remove", {"remove-reason": ""}, form_on=url)
    assert response.status_code == 200 and Page(response).soup.find(id="remove-reason-error")
    response = karl.post_form(
        f"{url}/placements/{job}/remove",
        {"remove-reason": "Det var en anden persons job."},
        form_on=url,
    )
    assert location_path(response) == url

    assert not list(db.query("SELECT 1 FROM placements"))
    case = next(db.query("SELECT job_start, employer, status FROM registrations"))
    assert case["job_start"] is None and case["employer"] is None
    assert placements_figure(db, "skaanejob", monthly_figures.month_of(start)) == (0, 0.0)
    history = (
        karl.open(url).soup.find_all("ol", class_="staff-history")[-1].get_text(" ", strip=True)
    )
    assert "Det var en anden persons job." in history and "Bilka Tilst" in history


def test_a_colleague_who_may_not_see_the_case_cannot_touch_its_placements(app, db):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = case_url(mette)
    add(karl, url, "praktik", "Netto Aarhus C", clock.today())
    trial = placement_ids(db, mette)["Netto Aarhus C"]
    db.execute("UPDATE registrations SET consultant_id = ?", [karl.user.id])
    db.conn.commit()
    olga = staff_member(app, name="Olga Odense", covers=("461",)).sign_in()

    assert olga.open(f"{url}/placements/{trial}").status == 404
    response = olga.post_form(
        f"{url}/placements/{trial}/remove", {"remove-reason": "x"}, form_on="/staff/"
    )
    assert response.status_code == 404
    # Another case's placement is not reached through this case's address.
    ali = register(app, name="Ali Khan")
    assert karl.open(f"{case_url(ali)}/placements/{trial}").status == 404
    assert list(db.query("SELECT 1 FROM placements"))
