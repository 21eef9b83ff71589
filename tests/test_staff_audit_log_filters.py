"""An admin looks for what happened in the audit log: by the person's reference, by who did
it, by what was done and by the days it happened (Denmark's days, whatever the hour in UTC),
and is told kindly, beside the field, when a day is not a day."""

from datetime import UTC, datetime

from app.staff.core import audit
from pages import Page
from staff import staff_member


def logged(db, who, action, reference, at):
    audit.record_now(db, who.user if who else None, action, reference=reference, now=at)


def rows_of(page):
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")][1:4]
        for row in page.soup.select("table tbody tr")
    ]


def a_week_of_work(app, db):
    karl = staff_member(app, name="Karl Jensen")
    eva = staff_member(app, name="Eva Holm", email="eva@klapjob.dk")
    logged(db, karl, "viewed_health", "K7M4PX", datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    # 23:30 in UTC is half past midnight on 2 December in Denmark.
    logged(db, eva, "viewed", "H3T9WQ", datetime(2026, 12, 1, 23, 30, tzinfo=UTC))
    logged(db, karl, "printed", "K7M4PX", datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    return karl, eva, staff_member(app, "admin").sign_in()


def test_an_admin_sees_what_one_colleague_did(app, db):
    karl, _eva, anna = a_week_of_work(app, db)
    page = anna.open(f"/staff/audit?user={karl.user.public_id}")
    assert rows_of(page) == [
        ["Karl Jensen", "Udskrev personens data", "K7M 4PX"],
        ["Karl Jensen", "Viste svarene om helbred", "K7M 4PX"],
    ]


def test_an_admin_sees_every_time_the_health_answers_were_shown(app, db):
    _karl, _eva, anna = a_week_of_work(app, db)
    page = anna.open("/staff/audit?action=viewed_health")
    assert rows_of(page) == [["Karl Jensen", "Viste svarene om helbred", "K7M 4PX"]]


def test_a_day_is_a_danish_day(app, db):
    _karl, _eva, anna = a_week_of_work(app, db)
    page = anna.open("/staff/audit?since=2026-12-02&until=2026-12-02")
    assert rows_of(page) == [["Eva Holm", "Så registreringen", "H3T 9WQ"]]


def test_a_day_that_is_not_a_day_is_named_beside_its_field(app, db):
    _karl, _eva, anna = a_week_of_work(app, db)
    response = anna.client.get("/staff/audit?since=2026-13-40")
    assert response.status_code == 200
    page = Page(response)
    assert page.soup.select_one("#since-error") is not None
    assert page.soup.select_one("#since")["aria-invalid"] == "true"


def test_the_message_beside_a_wrong_day_is_in_plain_danish(app, db):
    _karl, _eva, anna = a_week_of_work(app, db)
    page = anna.open("/staff/audit?since=2026-12-05&until=2026-12-01")
    assert (
        page.soup.select_one("#until-error")
        .get_text(" ", strip=True)
        .endswith("Skriv en dag, der er samme dag som den første dag eller senere")
    )
    page = anna.open("/staff/audit?since=i går")
    assert "Skriv dagen som" in page.soup.select_one("#since-error").get_text(" ", strip=True)


def test_a_day_far_outside_the_log_is_refused_kindly_not_with_an_error(app, db):
    _karl, _eva, anna = a_week_of_work(app, db)
    response = anna.client.get("/staff/audit?since=0001-01-01&until=9999-12-31")
    assert response.status_code == 200
    page = Page(response)
    for name in ("since", "until"):
        assert (
            page.soup.select_one(f"#{name}-error")
            .get_text(" ", strip=True)
            .startswith("Fejl: Skriv en dag fra")
        )
