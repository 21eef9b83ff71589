"""Statistics drawn on the server: each chart an SVG with a title and a description,
each with the same numbers in a table beside it; counts, never names."""

from datetime import UTC, date, datetime, timedelta

from app.staff.reporting.data import figures
from people import HELPED_BY_SUPPORT_WORKER
from staff import TEST_MUNICIPALITIES, register, staff_member


def table_of(section):
    return {
        tr.th.get_text(strip=True): int(tr.td.get_text(strip=True))
        for tr in section.select("tbody tr")
    }


def test_the_statistics_page_shows_four_charts_each_with_its_table(app, db):
    mette = register(app, name="Mette Hansen")
    register(app, name="Ida Jensen")
    register(app, HELPED_BY_SUPPORT_WORKER, name="Ali Khan")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    url = f"/staff/registrations/{mette['public_id']}/status"
    form_on = f"/staff/registrations/{mette['public_id']}"
    for status in ("contacted", "meeting", "praktik", "in_job"):
        karl.post_form(url, {"status-status": status}, form_on=form_on)
    karl.post_form(url, {"status-status": "closed", "status-reason": "finished"}, form_on=form_on)

    page = karl.open("/staff/statistics")
    sections = page.soup.select(".staff-stat")
    assert len(sections) == 4
    for section in sections:
        svg = section.find("svg")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text() and svg.find("desc", id=desc_id).get_text()
        assert section.find("table"), "the numbers beside the chart"
        assert svg.find_all("rect"), "one bar a row"
    months, municipalities, funnel, contact = (table_of(s) for s in sections)
    assert sum(months.values()) == 3
    assert municipalities == {"Aarhus": 2, "København": 1}
    assert funnel["Ny"] == 3 and funnel["Kontaktet"] == 1 and funnel["I job"] == 1
    assert funnel["Opfølgning"] == 0, "closed after the job: counted as far as the job"
    assert contact["0 til 1 dag"] == 1 and contact["Ikke kontaktet endnu"] == 2
    assert "Mette" not in page.html and "Ali" not in page.html


def test_registrations_per_month_counts_in_danish_time(app, db):
    register(app)
    # 23:30 UTC on 31 January is 00:30 on 1 February in Copenhagen.
    db.execute("UPDATE registrations SET submitted_at = '2026-01-31T23:30:00+00:00'")
    db.conn.commit()
    months = dict(figures.per_month(db, today=date(2026, 3, 15), months=3))
    assert months == {date(2026, 1, 1): 0, date(2026, 2, 1): 1, date(2026, 3, 1): 0}


def test_days_to_first_contact_and_the_median(app, db):
    for waited in (0, 2, 2, 20):
        row = register(app)
        sent = datetime(2026, 3, 2, 9, tzinfo=UTC)
        db.execute(
            "UPDATE registrations SET submitted_at = ?, first_contact_at = ? WHERE id = ?",
            [sent.isoformat(), (sent + timedelta(days=waited)).isoformat(), row["id"]],
        )
    db.conn.commit()
    times = figures.days_to_first_contact(db)
    assert [count for _label, count in times.buckets] == [1, 2, 0, 0, 1]
    assert times.median_days == 2 and times.not_yet == 0


def test_a_chart_scales_its_bars_to_the_largest_value():
    from app.staff.reporting.views._charts import CHART_WIDTH, LABEL_WIDTH, VALUE_WIDTH, bar_chart

    chart = bar_chart("x", "T", "D", [("a", 10), ("b", 5), ("c", 0)])
    full = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    assert [bar.width for bar in chart.bars] == [full, full / 2, 0]
    assert bar_chart("empty", "T", "D", []).height > 0
