"""Karl talks with Mette for 35 minutes and types the call's note as they talk. The back
office signs him out after 30 idle minutes; when he presses the button, what he typed is
not lost: after he signs in again it stands in its fields on Mette's case, not saved until
he presses again, and nobody else who signs in on that browser sees it."""

from datetime import timedelta

from app.core import clock
from app.staff.data_requests.data.personal_data import purge
from pages import location_path
from staff import TEST_MUNICIPALITIES, register, staff_member
from test_staff_call_sheet import case_url, contact_url, history_lines

NOTE = "Mette vil gerne arbejde i et køkken. Hun ringer tilbage om mødet på fredag."


def idle_past_the_limit(app, db):
    idle = app.config["STAFF_IDLE_MINUTES"] + 5
    stale = (clock.now() - timedelta(minutes=idle)).isoformat(timespec="seconds")
    db.execute("UPDATE staff_sessions SET last_seen_at = ?", [stale])
    db.conn.commit()


def press_after_the_call(karl, mette, token):
    data = {"csrf_token": token, "contact-outcome": "reached", "contact-note": NOTE}
    return karl.client.post(contact_url(mette), data=data)


def note_field(case):
    """The note field's text as a browser shows it (it drops a textarea's first newline)."""
    text = case.soup.find(id="contact-note").get_text()
    return text.removeprefix("\n").removeprefix("\r\n")


def sign_in_again(member, response):
    member.open(location_path(response))
    response = member.enter_password()
    return member.post_form(location_path(response), {"code": member.current_code()})


def karl_presses_after_being_signed_out(app, db):
    """Karl opens Mette's case, stays idle past the limit on the phone, then presses."""
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    token = karl.open(case_url(mette)).csrf_token()
    idle_past_the_limit(app, db)
    return karl, mette, press_after_the_call(karl, mette, token)


def test_a_note_typed_while_the_back_office_signed_out_stands_in_its_field_after_sign_in(app, db):
    karl, mette, response = karl_presses_after_being_signed_out(app, db)

    assert location_path(response).startswith("/staff/sign-in")
    sign_in_page = karl.open(location_path(response))
    assert "Det, du skrev, er gemt" in sign_in_page.text()
    response = sign_in_again(karl, response)
    assert location_path(response) == case_url(mette)
    case = karl.open(case_url(mette))
    assert note_field(case) == NOTE
    assert "står i feltet igen" in case.text()
    assert not any("Talt med personen" in line for line in history_lines(case)), "not saved"
    assert note_field(karl.open(case_url(mette))) == "", "shown once"


def test_what_was_typed_is_kept_in_the_database_only_and_for_the_one_who_typed_it(app, db):
    karl, mette, response = karl_presses_after_being_signed_out(app, db)
    assert NOTE not in str(response.headers)
    assert all(NOTE not in cookie.value for cookie in karl.client._cookies.values())

    anna = staff_member(app, name="Anna Kollega", covers=TEST_MUNICIPALITIES)
    anna.client = karl.client  # the same browser
    sign_in_again(anna, response)
    assert NOTE not in anna.open(case_url(mette)).html


def test_the_nightly_purge_forgets_typed_work_nobody_came_back_for(app, db, time_machine):
    karl, mette, _ = karl_presses_after_being_signed_out(app, db)
    assert db["typed_work"].count == 1
    time_machine.move_to(clock.now() + timedelta(hours=13))

    purge(db)  # what `flask data purge` runs every night

    assert db["typed_work"].count == 0, "not kept past the longest session"


WORK_SAID_ON_THE_PHONE = "Noget med dyr. Hun har passet heste på en gård i to somre."


def test_answers_typed_on_a_phone_registration_stand_in_their_field_after_signing_in(app, db):
    """Karl takes Mette's registration on the phone; she talks about her work for a long
    time, and the back office signs him out before he presses "Næste"."""
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    started = karl.post_form("/staff/registrations/new", {"channel": "phone"})
    work_page = location_path(started).replace("/page/1", "/page/2")  # the work wishes
    token = karl.open(work_page).csrf_token()
    idle_past_the_limit(app, db)

    response = karl.client.post(
        work_page, data={"csrf_token": token, "work_other": WORK_SAID_ON_THE_PHONE}
    )

    assert location_path(response).startswith("/staff/sign-in")
    assert "Det, du skrev, er gemt" in karl.open(location_path(response)).text()
    response = sign_in_again(karl, response)
    assert location_path(response) == work_page
    page = karl.open(work_page)
    assert page.field_value("work_other") == WORK_SAID_ON_THE_PHONE
    assert "står i feltet igen" in page.text()


def signed_out_while_typing(app, db, member, page, typed):
    """`member` opens `page`, is idle past the limit, then sends `typed` from it."""
    token = member.open(page).csrf_token()
    idle_past_the_limit(app, db)
    response = member.client.post(page, data={"csrf_token": token, **typed})
    assert location_path(response).startswith("/staff/sign-in")
    assert "Det, du skrev, er gemt" in member.open(location_path(response)).text()
    return sign_in_again(member, response)


def test_a_correction_typed_on_its_own_page_stands_there_after_signing_in(app, db):
    """Mette's new number is typed on the correction's page, not on the case: it comes
    back there, not on the case where no field holds it."""
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    correction = f"{case_url(mette)}/answers/phone"

    response = signed_out_while_typing(app, db, karl, correction, {"phone": "21 31 41 51"})

    assert location_path(response) == correction
    page = karl.open(correction)
    assert page.field_value("phone") == "21 31 41 51"
    assert "står i feltet igen" in page.text()
    assert next(db.query("SELECT phone FROM registrations"))["phone"] == "+4520304050", (
        "not saved until he presses again"
    )
    assert karl.open(case_url(mette)).soup.find(id="contact-note") is not None
    assert db["typed_work"].count == 0, "taken once"


MEETING_SAID = "Vi fortæller om job i køkkener. Du kan spørge om alt. Der er kaffe."


def test_a_meetings_description_stands_in_its_field_after_signing_in(app, db):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    typed = {"place": "Jobcenter Aarhus", "municipality": "751", "description_da": MEETING_SAID}

    response = signed_out_while_typing(app, db, karl, "/staff/meetings/new", typed)

    assert location_path(response) == "/staff/meetings/new"
    page = karl.open("/staff/meetings/new")
    assert page.soup.find(id="description_da").get_text().strip() == MEETING_SAID
    assert page.field_value("place") == "Jobcenter Aarhus"
    assert "står i feltet igen" in page.text()
    assert db["meetings"].count == 0, "not saved until he presses again"
    anna = staff_member(app, name="Anna Kollega", covers=TEST_MUNICIPALITIES).sign_in()
    assert MEETING_SAID not in anna.open("/staff/meetings/new").html


def test_a_password_is_never_kept_as_typed_work(app, db):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    typed = {"current_password": "det gamle ord", "new_password": "et nyt langt ord 123"}
    token = karl.open("/staff/account/password").csrf_token()
    idle_past_the_limit(app, db)
    karl.client.post("/staff/account/password", data={"csrf_token": token, **typed})
    assert db["typed_work"].count == 0
