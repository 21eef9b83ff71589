"""In production the site runs behind a TLS proxy. Then every request comes from the proxy's
address, and the person's own address is in X-Forwarded-For: limits must count people, not
the proxy, and links in mails must carry the site's public address, never the one a
request happened to name."""

import re

import pytest

from app import create_app
from pages import Page
from people import Visitor
from test_helpers_and_coming_back import half_way

PUBLIC_URL = "https://tilmelding.klapjob.dk"


def site(tmp_path, **settings):
    return create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "",
            **settings,
        }
    )


class PersonBehindProxy(Visitor):
    """A visitor whose requests reach the site through the proxy on 127.0.0.1."""

    def __init__(self, app, address):
        client = app.test_client()
        client.environ_base.update(
            {
                "REMOTE_ADDR": "127.0.0.1",
                "HTTP_X_FORWARDED_FOR": address,
                "HTTP_X_FORWARDED_PROTO": "https",
                # A browser sends it; Flask-WTF refuses an HTTPS form without it.
                "HTTP_REFERER": "https://localhost/",
            }
        )
        super().__init__(client)


def guess_codes(visitor, times):
    for guess in range(times):
        visitor.post_form("/register/resume", {"code": f"AAAA{guess:04d}"})


def blocked(visitor):
    page = Page(visitor.post_form("/register/resume", {"code": "AAAA9999"}))
    return page.error_summary_links()[0][1].startswith("Du har prøvet mange koder")


def test_ten_wrong_codes_from_one_person_do_not_block_everybody_behind_the_proxy(tmp_path):
    app = site(tmp_path, TRUSTED_PROXIES=1)
    guesser = PersonBehindProxy(app, "203.0.113.7")
    guess_codes(guesser, 10)
    assert blocked(guesser)
    assert not blocked(PersonBehindProxy(app, "198.51.100.23")), "another person is not blocked"


def test_without_a_trusted_proxy_a_forwarded_address_is_not_believed(tmp_path):
    """Anybody can write X-Forwarded-For: with no proxy configured, changing it does not
    give a guesser a fresh count."""
    app = site(tmp_path)
    guesser = Visitor(app.test_client())
    for guess in range(10):
        guesser.client.environ_base["HTTP_X_FORWARDED_FOR"] = f"198.51.100.{guess}"
        guesser.post_form("/register/resume", {"code": f"AAAA{guess:04d}"})
    guesser.client.environ_base["HTTP_X_FORWARDED_FOR"] = "192.0.2.1"
    assert blocked(guesser)


def test_only_the_configured_number_of_proxies_is_trusted(tmp_path):
    """With one proxy, only the last address in X-Forwarded-For (the one our proxy added)
    counts: a guesser cannot put a fresh address in front of it."""
    app = site(tmp_path, TRUSTED_PROXIES=1)
    guesser = PersonBehindProxy(app, "203.0.113.7")
    for guess in range(10):
        guesser.client.environ_base["HTTP_X_FORWARDED_FOR"] = f"10.0.0.{guess}, 203.0.113.7"
        guesser.post_form("/register/resume", {"code": f"AAAA{guess:04d}"})
    assert blocked(guesser)


@pytest.fixture
def public_site(tmp_path, mail_server):
    return site(
        tmp_path,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=mail_server.port,
        TRUSTED_PROXIES=1,
        PUBLIC_URL=PUBLIC_URL,
    )


def links_in(mail_server):
    bodies = mail_server.inbox.bodies()
    return [link for body in bodies for link in re.findall(r"https?://\S+", body)]


def test_every_link_in_every_mail_carries_the_public_address(public_site, mail_server):
    from staff import staff_member

    staff_member(public_site, "admin")  # gets the mail about a new registration
    mette = PersonBehindProxy(public_site, "203.0.113.7")  # the request names localhost
    half_way(mette)
    mette.post_form("/register/later", {"email": "mette@mail.dk"})
    from people import MYSELF_IN_AARHUS

    mette.answer_all(
        {
            **MYSELF_IN_AARHUS,
            "contact": {"contact_method": "email"},
            "email": {"email": "mette@mail.dk"},
        },
        start="/register/municipality",
    )
    assert mette.send().status_code == 302
    links = links_in(mail_server)
    assert len(mail_server.inbox.messages) >= 3, "the link, the receipt, the staff's mail"
    assert links and all(link.startswith(PUBLIC_URL + "/") for link in links), links


def test_without_a_public_address_links_follow_the_proxy(tmp_path, mail_server):
    app = site(tmp_path, SMTP_HOST="127.0.0.1", SMTP_PORT=mail_server.port, TRUSTED_PROXIES=1)
    mette = PersonBehindProxy(app, "203.0.113.7")
    half_way(mette)
    mette.post_form("/register/later", {"email": "mette@mail.dk"})
    [link] = links_in(mail_server)
    assert link.startswith("https://localhost/register/resume/"), "https, as the proxy said"
