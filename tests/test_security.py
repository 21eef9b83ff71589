"""Health information lives here (GDPR art. 9): the site guards it from the first line."""

import re

import pytest

from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor

CITIZEN_PAGES = ["/", "/register/who", "/about", "/privacy", "/help"]


@pytest.mark.parametrize("url", CITIZEN_PAGES)
def test_every_page_sends_the_security_headers(client, url):
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-store"


def test_pages_with_personal_data_are_never_stored_by_the_browser(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    assert client.get("/register/check").headers["Cache-Control"] == "no-store"
    mette.send()
    assert client.get("/register/done").headers["Cache-Control"] == "no-store"
    assert client.get("/register/receipt").headers["Cache-Control"] == "no-store"


def test_no_inline_script_or_style_anywhere(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    for url in CITIZEN_PAGES + ["/register/check", "/register/send"]:
        soup = Page(client.get(url)).soup
        assert all(script.get("src") for script in soup.find_all("script")), url
        assert not soup.find_all("style"), url
        assert not soup.select("[style]"), url
        assert not [
            tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]


def test_a_form_sent_without_its_security_token_is_refused_but_keeps_what_was_typed(client, db):
    response = client.post("/register/name", data={"name": "Mette"})
    page = Page(response)
    assert response.status_code == 400
    assert page.field_value("name") == "Mette"
    assert "Tjek dine svar. Tryk så på knappen igen." in page.text()
    assert list(db.query("SELECT * FROM drafts")) == [], "nothing is saved from such a request"


def test_sending_without_a_token_creates_nothing(client, db):
    Visitor(client).answer_all(MYSELF_IN_AARHUS)
    response = client.post("/register/send", data={"consent": "y"})
    assert response.status_code == 400
    assert list(db.query("SELECT * FROM registrations")) == []


def test_what_a_person_types_is_shown_as_text_never_run(client):
    visitor = Visitor(client)
    answers = dict(MYSELF_IN_AARHUS, name={"name": "<script>alert(1)</script>"})
    visitor.answer_all(answers)
    check = visitor.open("/register/check")
    assert "<script>alert(1)</script>" not in check.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in check.html


def test_a_request_that_is_too_big_gets_a_plain_page(client):
    response = client.post("/register/name", data={"name": "x" * 100_000})
    assert response.status_code == 413
    assert Page(response).h1 == "Det er for langt"


@pytest.mark.parametrize(
    "url",
    [
        "/pictograms/../app/config.py.svg",
        "/pictograms/%2e%2e%2fsecret.svg",
        "/pictograms/nothing.svg",
    ],
)
def test_pictograms_serve_only_known_concepts(client, url):
    assert client.get(url).status_code == 404


def test_pictograms_and_versioned_files_may_be_kept_by_the_browser(client):
    # The old addresses still answer (a page kept from before); pages name hashed ones,
    # which are kept for ever (tests/test_static_files.py).
    pictogram = client.get("/pictograms/kitchen.svg")
    assert pictogram.status_code == 200
    assert pictogram.mimetype == "image/svg+xml"
    assert "public" in pictogram.headers["Cache-Control"]
    css_url = Page(client.get("/")).soup.find("link", rel="stylesheet")["href"]
    assert re.search(r"/site\.[0-9a-f]{12}\.css$", css_url)
    assert "immutable" in client.get(css_url).headers["Cache-Control"]


def test_cookies_are_http_only_and_same_site(client):
    response = Visitor(client).answer("who", {"filled_by": "self"})
    for header in response.headers.getlist("Set-Cookie"):
        assert "HttpOnly" in header and "SameSite=Lax" in header, header


def test_behind_https_cookies_are_secure_and_hsts_is_sent(tmp_path, monkeypatch):
    from app import create_app

    monkeypatch.setenv("KLAPJOB_HTTPS", "1")
    monkeypatch.setenv("KLAPJOB_PUBLIC_URL", "https://klapjob.example")  # the Host it answers
    app = create_app({"DATABASE": str(tmp_path / "k.sqlite3")})
    client = app.test_client()
    response = client.get("/", base_url="https://klapjob.example")
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    assert all("Secure" in h for h in response.headers.getlist("Set-Cookie"))
    assert client.get("/", base_url="http://klapjob.example").status_code in (301, 302)


def test_behind_tls_every_cookie_is_a_host_cookie_or_the_back_offices_own(tmp_path):
    """`__Host-`: the browser keeps the cookie only for this host, over https, for the whole
    site; a neighbouring subdomain can neither set nor overwrite it. The back office's
    cookies are sent to /staff only, which `__Host-` forbids: they are `__Secure-`
    (https only) with Path=/staff, and still name no Domain."""
    from app import create_app
    from staff import staff_member

    app = create_app(
        {
            "TESTING": True,
            "HTTPS": True,
            "TRUSTED_PROXIES": 1,
            "DATABASE": str(tmp_path / "k.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
        }
    )
    through_tls = {
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_FOR": "192.0.2.1",
        "HTTP_REFERER": "https://localhost/",
    }
    client = app.test_client()
    client.environ_base.update(through_tls)
    mette, set_cookies = Visitor(client), []
    for step, answers in list(MYSELF_IN_AARHUS.items())[:3]:
        set_cookies.extend(mette.answer(step, answers).headers.getlist("Set-Cookie"))
    assert Page(client.get("/register/name")).field_value("name") == "Mette Hansen", (
        "the draft is read back under its prefixed name"
    )
    settings = {
        "text_size": "large",
        "contrast": "normal",
        "spacing": "normal",
        "motion": "normal",
        "pictures": "few",
    }
    for response in (
        client.get("/listen/speed/slow?next=/"),
        client.get("/language/en?next=/"),
        mette.post_form("/settings", settings),
        mette.post_form("/device/finished", {}),
    ):
        set_cookies.extend(response.headers.getlist("Set-Cookie"))
    newcomer = app.test_client()  # a form's token starts the citizen's session
    newcomer.environ_base.update(through_tls)
    set_cookies.extend(newcomer.get("/register/who").headers.getlist("Set-Cookie"))
    karl = staff_member(app)
    karl.client.environ_base.update(through_tls)
    response = karl.enter_password()
    staff_cookies = response.headers.getlist("Set-Cookie")
    response = karl.post_form(location_path(response), {"code": karl.current_code()})
    staff_cookies.extend(response.headers.getlist("Set-Cookie"))
    assert location_path(response) == "/staff/", "signed in through the prefixed cookie"
    names = {header.split("=", 1)[0] for header in set_cookies}
    assert {
        "__Host-klapjob_draft",
        "__Host-klapjob_session",
        "__Host-klapjob_listen_speed",
        "__Host-klapjob_lang",
        "__Host-klapjob_display",
    } <= names, names
    for header in set_cookies:
        assert header.startswith("__Host-"), header
        assert "Secure" in header and "Path=/;" in header + ";" and "Domain" not in header, header
    staff_names = {header.split("=", 1)[0] for header in staff_cookies}
    assert staff_names == {"__Secure-klapjob_staff_session", "__Secure-klapjob_known_device"}
    for header in staff_cookies:
        assert "Secure" in header and "Path=/staff" in header and "Domain" not in header, header
