"""Every back-office page is valid HTML by the Nu Html Checker (vnu.jar), in Danish and
English, empty and with its errors showing."""

import pytest

from app.core import clock
from app.web.page_state_setup import add_meeting
from html_checker import html_errors
from staff import PASSWORD, register, staff_member


def every_staff_page(app, language):
    mette = register(app, health="Jeg har autisme.")
    twin = register(app, health="", strengths_text="Jeg er god til dyr.")  # Mette again
    meeting = add_meeting(app)
    karl = staff_member(app)
    anna = staff_member(app, "admin")
    for member in (karl, anna):
        member.client.set_cookie("klapjob_lang", language)
    yield "sign-in", karl.client.get("/staff/sign-in")
    yield "sign-in-error", karl.enter_password("forkert")
    karl.enter_password(PASSWORD)
    yield "set-up", karl.client.get("/staff/two-factor/set-up")
    yield "set-up-error", karl.post_form("/staff/two-factor/set-up", {"code": "1"})
    anna.sign_in()
    anna.sign_out()
    anna.enter_password()
    yield "two-factor", anna.client.get("/staff/two-factor")
    anna.post_form("/staff/two-factor", {"code": anna.current_code()})
    case = f"/staff/registrations/{mette['public_id']}"
    anna.post_form(f"{case}/job", {"job-job_start": "2025-01-10"}, form_on=case)
    anna.post_form(
        f"{case}/status", {"status-status": "in_job", "status-note": "Godt"}, form_on=case
    )
    anna.post_form(f"{case}/take", {}, form_on=case)
    anna.post_form(
        f"{case}/appointments",
        {
            "appointment-day": clock.today().isoformat(),
            "appointment-starts_at": "10:00",
            "appointment-place": "Jobcenter Aarhus",
            "appointment-with_jobcentre": "y",
        },
        form_on=case,
    )
    for name, path in (
        ("inbox", "/staff/?status=in_job"),
        ("registration", case),
        ("week", "/staff/week"),
        ("reports", "/staff/reports"),
        ("follow-ups", "/staff/follow-ups"),
        ("statistics", "/staff/statistics"),
        ("export", "/staff/export"),
        ("municipalities", "/staff/municipalities"),
        ("users", "/staff/users"),
        ("new-user", "/staff/users/new"),
        ("edit-user", f"/staff/users/{karl.public_id}"),
        ("audit", "/staff/audit"),
        ("print", f"{case}/print"),
        ("delete", f"{case}/delete"),
        ("not-found", "/staff/registrations/nothing"),
        ("ambassadors", "/staff/ambassadors"),
        ("new-ambassador", "/staff/ambassadors/new"),
        ("match-ambassador", f"{case}/ambassador"),
        ("meetings", "/staff/meetings"),
        ("new-meeting", "/staff/meetings/new"),
        ("meeting", f"/staff/meetings/{meeting}"),
        ("device", "/staff/device"),
        ("find-draft", "/staff/drafts"),
        ("new-registration", "/staff/registrations/new"),
    ):
        yield name, anna.client.get(path)
    yield (
        "registration-error",
        anna.post_form(f"{case}/status", {"status-status": "closed"}, form_on=case),
    )
    yield "appointment-error", anna.post_form(f"{case}/appointments", {}, form_on=case)
    month = f"{clock.today():%Y-%m}"
    kept = anna.post_form(
        "/staff/reports/keep",
        {"municipality": "751", "first_month": month, "last_month": month},
        form_on="/staff/reports",
    )
    yield "sent-report", anna.client.get(kept.headers["Location"])
    yield "new-user-error", anna.post_form("/staff/users/new", {})
    yield "new-meeting-error", anna.post_form("/staff/meetings/new", {})
    yield "new-ambassador-error", anna.post_form("/staff/ambassadors/new", {})
    yield "find-draft-error", anna.post_form("/staff/drafts", {})
    yield "delete-error", anna.post_form(f"{case}/delete", {"reference": "x"})
    yield "compare", anna.client.get(f"{case}/merge?other={twin['public_id']}")
    yield (
        "compare-error",
        anna.post_form(f"{case}/merge", {"other": twin["public_id"]}, form_on=case),
    )
    anna.post_form(f"{case}/merge", {"other": twin["public_id"], "same_person": "y"}, form_on=case)
    yield "registration-merged", anna.client.get(case)
    yield from registration_by_phone_pages(anna)
    karl.post_form("/staff/two-factor/set-up", {"code": karl.current_code()})
    yield "forbidden", karl.client.get("/staff/users")
    # Karl covers no municipality and did not add the meeting: no sign-ups, no changes.
    yield "meeting-not-covered", karl.client.get(f"/staff/meetings/{meeting}")
    yield "meeting-forbidden", karl.client.get(f"/staff/meetings/{meeting}/edit")


def registration_by_phone_pages(member):
    """A journey's question on a staff page, with an error, and the consent page with a
    likely duplicate (Mette's phone number)."""
    yield "new-registration-error", member.post_form("/staff/registrations/new", {})
    started = member.post_form("/staff/registrations/new", {"channel": "phone"})
    intake = started.headers["Location"].rsplit("/page/", 1)[0]
    yield "intake-page", member.client.get(f"{intake}/page/1")
    yield "intake-page-error", member.post_form(f"{intake}/page/1", {})
    said = {"filled_by": "self", "name": "Mette Hansen", "contact_method": "phone"}
    member.post_form(f"{intake}/page/1", {**said, "phone": "20 30 40 50"})
    yield "intake-page-duplicates", member.client.get(f"{intake}/page/1")
    yield "intake-page-later", member.client.get(f"{intake}/page/4")
    yield "intake-consent", member.client.get(f"{intake}/consent")
    yield "intake-consent-error", member.post_form(f"{intake}/consent", {})


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_staff_page_is_valid_html(app, tmp_path, language):
    files = []
    for name, response in every_staff_page(app, language):
        html = response.get_data(as_text=True)
        assert "<html" in html, name
        path = tmp_path / f"{name}.html"
        path.write_text(html)
        files.append(str(path))
    assert len(files) > 20
    assert html_errors(files) == []
