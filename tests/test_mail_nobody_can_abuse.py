"""Mail a visitor can make the site send is bounded, and every link in it leads to KLAPjob.

A stranger must not be able to use KLAPjob's own mail server to flood somebody's inbox
("continue later" to any address, again and again), nor to mail a link to a site of their
own (a Host header of their choosing, when links were built from the request)."""

import re

import pytest

from app import create_app
from app.core.mail import may_mail
from pages import Page
from people import HELPED_BY_SUPPORT_WORKER, Visitor
from test_helpers_and_coming_back import half_way

VICTIM = "victim@example.org"
PUBLIC_URL = "https://tilmelding.klapjob.dk"


def site(tmp_path, mail_server, **settings):
    return create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": mail_server.port,
            "SPEECH_ENGINE": "fake",
            **settings,
        }
    )


def from_address(app, address):
    """A visitor on their own machine, with their own client address."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return Visitor(client)


def ask_for_links(visitor, times, email=VICTIM):
    return [visitor.post_form("/register/later", {"email": email}) for _ in range(times)]


def live_links(db):
    [row] = db.query(
        "SELECT count(*) AS n FROM resume_keys WHERE kind = 'link' AND used_at IS NULL"
    )
    return row["n"]


def test_thirty_requests_for_a_link_send_a_few_mails_and_then_a_kind_answer(
    app_with_mail, mail_server, db
):
    mette = Visitor(app_with_mail.test_client())
    half_way(mette)
    answers = ask_for_links(mette, 30)

    sent = len(mail_server.inbox.messages)
    assert 1 <= sent <= 3, f"{sent} mails for 30 requests"
    refused = [Page(response) for response in answers if response.status_code == 429]
    assert len(refused) == 30 - sent, [response.status_code for response in answers]
    page = refused[-1]
    assert page.title.startswith("Fejl: ")
    assert page.error_summary_links() == [
        (
            "#email",
            "Vi har sendt mange links nu. Brug en kode i stedet, "
            "eller ring til KLAPjob på 12 34 56 78.",
        )
    ]
    assert "Dine svar er gemt." in page.text()
    assert page.soup.find("button", {"name": "show_code"}), "a code is still offered"
    assert mette.open("/register/name").field_value("name") == "Mette Hansen", "the draft is kept"
    assert live_links(db) == 1, "one live link per draft"


def test_only_the_last_link_mailed_opens_the_draft(app_with_mail, mail_server):
    mette = Visitor(app_with_mail.test_client())
    half_way(mette)
    ask_for_links(mette, 2)
    first, last = (
        re.search(r"http://localhost(/register/resume/\S+)", body).group(1)
        for body in mail_server.inbox.bodies()
    )
    elsewhere = Visitor(app_with_mail.test_client())
    assert elsewhere.post_form(first, {}).status_code == 410
    assert elsewhere.post_form(last, {}).status_code == 302


def test_the_kind_answer_comes_in_the_persons_language(app_with_mail, mail_server):
    mette = Visitor(app_with_mail.test_client())
    mette.client.get("/language/en?next=/")
    half_way(mette)
    page = Page(ask_for_links(mette, 10)[-1])
    assert page.status == 429
    assert page.error_summary_links() == [
        (
            "#email",
            "We have sent many links now. Use a code instead, or call KLAPjob on 12 34 56 78.",
        )
    ]


def test_many_people_cannot_flood_one_inbox(tmp_path, mail_server):
    app = site(tmp_path, mail_server)
    for number in range(30):
        stranger = from_address(app, f"198.51.100.{number}")
        half_way(stranger)
        ask_for_links(stranger, 1)
    allowed = app.config["MAILS_PER_RECIPIENT_PER_DAY"]
    assert len(mail_server.inbox.messages) == allowed < 30


def test_one_client_cannot_mail_many_inboxes_from_new_drafts(tmp_path, mail_server):
    app = site(tmp_path, mail_server)
    for number in range(30):
        stranger = from_address(app, "203.0.113.7")
        half_way(stranger)
        ask_for_links(stranger, 1, email=f"person{number}@example.org")
    allowed = app.config["RESUME_MAILS_PER_HOUR"]
    assert len(mail_server.inbox.messages) == allowed < 30


def test_a_receipt_is_not_mailed_to_an_address_that_has_had_enough(tmp_path, mail_server, db):
    """The registration is sent and the receipt shown: only the copy by mail is left out."""
    app = site(tmp_path, mail_server)
    with app.test_request_context():
        for _ in range(app.config["MAILS_PER_RECIPIENT_PER_DAY"]):
            assert may_mail(db, "jonas@bosted.dk"), "mails the helper had today"
    helper = Visitor(app.test_client())
    helper.answer_all(HELPED_BY_SUPPORT_WORKER)
    helper.send()
    done = helper.open("/register/done")
    helper.client.post(
        "/register/copy-for-helper", data={"csrf_token": done.csrf_token(), "person_agrees": "y"}
    )
    assert mail_server.inbox.messages == []
    assert "Tak. KLAPjob har fået dine svar." in helper.open("/register/done").h1


def links_in(mail_server):
    return [link for body in mail_server.inbox.bodies() for link in re.findall(r"\S+://\S+", body)]


def with_cookies_of(visitor, host):
    """The visitor's own browser, its cookies and all, naming a Host a stranger chose."""
    cookies = [visitor.client.get_cookie(name) for name in ("klapjob_session", "klapjob_draft")]
    return {"Host": host, "Cookie": "; ".join(f"{c.key}={c.value}" for c in cookies if c)}


@pytest.mark.parametrize("public_url", ["", PUBLIC_URL])
def test_a_foreign_host_never_reaches_a_mailed_link(tmp_path, mail_server, public_url):
    from staff import staff_member

    app = site(tmp_path, mail_server, PUBLIC_URL=public_url)
    staff_member(app, "admin")  # gets the mail about a new registration
    mette = Visitor(app.test_client())
    half_way(mette)
    token = mette.open("/register/later").csrf_token()
    stranger = app.test_client(use_cookies=False)
    for host in ("evil.example", "evil.example:8000", "localhost.evil.example"):
        response = stranger.post(
            "/register/later",
            data={"csrf_token": token, "email": "mette@mail.dk"},
            headers=with_cookies_of(mette, host),
        )
        assert response.status_code == 400, host
    mette.answer_all(HELPED_BY_SUPPORT_WORKER, start="/register/municipality")
    token = mette.open("/register/send").csrf_token()
    stranger.post(
        "/register/send",
        data={"csrf_token": token, "consent": "y", "consent_health": "y"},
        headers=with_cookies_of(mette, "evil.example"),
    )
    assert mail_server.inbox.messages == []
    assert mette.send().status_code == 302
    assert len(mail_server.inbox.messages) >= 2, "the receipt and the staff's mail"
    own_address = public_url or "http://localhost"
    assert all(link.startswith(own_address + "/") for link in links_in(mail_server))


def test_behind_the_proxy_the_health_check_on_this_machine_still_answers(tmp_path, mail_server):
    app = site(tmp_path, mail_server, PUBLIC_URL=PUBLIC_URL, TRUSTED_PROXIES=1)
    client = app.test_client()
    assert client.get("/healthz", base_url="http://127.0.0.1:8000").status_code == 200
    assert client.get("/healthz", base_url="https://tilmelding.klapjob.dk").status_code == 200
    assert client.get("/healthz", base_url="http://evil.example").status_code == 400


def test_outside_development_nothing_is_mailed_without_the_public_address(tmp_path, mail_server):
    app = site(tmp_path, mail_server, TESTING=False)
    mette = Visitor(app.test_client())
    half_way(mette)
    later = mette.open("/register/later")
    assert later.soup.find("input", {"name": "email"}) is None, "no link by mail is offered"
    ask_for_links(mette, 1)
    assert mail_server.inbox.messages == []
    assert later.soup.find("button", {"name": "show_code"}), "a code is offered"


def test_outside_development_the_site_refuses_to_start_without_its_public_address(tmp_path):
    from served_site import ServedSite

    without = ServedSite(tmp_path, KLAPJOB_PUBLIC_URL="", KLAPJOB_DEVELOPMENT="")
    try:
        with pytest.raises(RuntimeError, match="stopped at start"):
            without.start()
    finally:
        without.stop()
    assert "KLAPJOB_PUBLIC_URL" in without.log_text()


def test_in_development_the_site_starts_on_this_machine_without_one(tmp_path):
    from served_site import ServedSite, http_status

    with ServedSite(tmp_path, KLAPJOB_PUBLIC_URL="", KLAPJOB_DEVELOPMENT="1") as served:
        assert http_status(served.base + "/healthz") == 200


@pytest.mark.parametrize(
    "setting, placeholder",
    [("KLAPJOB_PHONE", "12 34 56 78"), ("KLAPJOB_EMAIL", "klapjob@example.org")],
)
def test_outside_development_the_site_refuses_to_start_with_a_placeholder(
    tmp_path, setting, placeholder
):
    """The phone number and address ship as placeholders: nobody may be told to call a
    number that is not KLAPjob's."""
    from served_site import ServedSite

    site = ServedSite(tmp_path, **{setting: placeholder, "KLAPJOB_DEVELOPMENT": ""})
    try:
        with pytest.raises(RuntimeError, match="stopped at start"):
            site.start()
    finally:
        site.stop()
    assert setting in site.log_text()
