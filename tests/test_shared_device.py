"""A tablet passed from person to person: nothing of one person is left for the next."""

from pages import Page, location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor

PERSONAL = (
    "klapjob_draft",
    "klapjob_receipt",
    "klapjob_helper",
    "klapjob_display",
    "klapjob_lang",
    "klapjob_session",
    "klapjob_staff_session",  # a staff member's sign-in on the tablet goes too
    "klapjob_listen_speed",
)


def shared_tablet(client, cookie):
    client.set_cookie("klapjob_shared_device", cookie)
    return Visitor(client)


def test_i_am_done_is_only_on_shared_devices(client, shared_device_cookie):
    assert Page(client.get("/register/name")).soup.select("[data-finish-device]") == []
    shared_tablet(client, shared_device_cookie)
    page = Page(client.get("/register/name"))
    [button] = page.soup.select("[data-finish-device]")
    assert button.get_text(strip=True) == "Jeg er færdig"
    assert button["form"] == "step-form"
    assert Page(client.get("/about")).soup.select(
        "form[action='/device/finished'] [data-finish-device]"
    )


def test_a_forged_mark_is_not_a_shared_device(client):
    client.set_cookie("klapjob_shared_device", "eyJieSI6MX0.forged")
    assert Page(client.get("/")).soup.select("[data-finish-device]") == []


def test_i_am_done_saves_what_was_typed_then_clears_the_device(client, db, shared_device_cookie):
    ali = shared_tablet(client, shared_device_cookie)
    ali.post_form(
        "/settings",
        {
            "text_size": "large",
            "contrast": "high",
            "spacing": "normal",
            "motion": "normal",
            "pictures": "many",
        },
    )
    ali.answer("who", {"filled_by": "helper"})
    ali.answer("helper", HELPED_BY_SUPPORT_WORKER["helper"])
    token = ali.open("/register/name").csrf_token()
    response = client.post(
        "/register/name", data={"csrf_token": token, "name": "Ali Khan", "finish_device": "1"}
    )
    assert location_path(response) == "/"
    cleared = {h.split("=")[0] for h in response.headers.getlist("Set-Cookie") if "Max-Age=0" in h}
    assert set(PERSONAL) <= cleared
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get_cookie("klapjob_shared_device") is not None, "the device stays shared"

    [draft] = db.query("SELECT answers FROM drafts")
    assert "Ali Khan" in draft["answers"], "the draft waits on the server for a link or code"

    next_person = Visitor(client)
    for url in ("/", "/register/name", "/register/helper", "/register/check", "/register/done"):
        html = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert "Ali Khan" not in html and "Jonas Berg" not in html, url
    assert "Fortsæt" not in next_person.open("/").text()
    assert "contrast-high" not in next_person.open("/").soup.html.get("class", [])


def test_after_sending_the_receipt_stays_until_i_am_done(client, shared_device_cookie):
    mette = shared_tablet(client, shared_device_cookie)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    done = mette.open("/register/done")
    assert "Tak. KLAPjob har fået dine svar." in done.h1
    response = client.post("/device/finished", data={"csrf_token": done.csrf_token()})
    assert location_path(response) == "/"
    assert location_path(client.get("/register/done")) == "/"
    assert "Mette" not in client.get("/register/receipt", follow_redirects=True).get_data(
        as_text=True
    )


def test_the_idle_question_is_set_up_only_on_shared_devices(client, shared_device_cookie):
    assert Page(client.get("/")).soup.body.get("data-idle-seconds") is None
    shared_tablet(client, shared_device_cookie)
    page = Page(client.get("/"))
    assert page.soup.body["data-idle-seconds"] == "600"
    assert page.soup.body["data-idle-grace-seconds"] == "120"
    assert page.soup.find("dialog", id="still-here").find("h2").get_text() == "Er du her stadig?"
