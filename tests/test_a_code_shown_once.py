"""After "Gem, og kom igen senere" shows a code: the page does not offer a code again right
under it, and it says truly what the code is made of."""

import pytest

from people import MYSELF_IN_AARHUS, Visitor


def a_code_shown(client):
    mette = Visitor(client)
    mette.answer("who", MYSELF_IN_AARHUS["who"])
    page = mette.open("/register/later?next=/register/name")
    response = client.post(
        "/register/later?next=/register/name",
        data={"csrf_token": page.csrf_token(), "show_code": "1"},
    )
    assert response.status_code in (200, 302)
    return mette.open("/register/later?next=/register/name")


def test_a_shown_code_is_not_offered_again_under_it(client):
    page = a_code_shown(client)
    assert page.soup.select_one(".code"), "the code is shown"
    assert page.soup.find("button", {"name": "show_code"}) is None
    assert "Få en kode" not in page.text()


@pytest.mark.parametrize(
    "code, described",
    [("KMNPQRTU", "Koden har 8 bogstaver."), ("K4MN7PQR", "Koden har 8 bogstaver og tal.")],
)
def test_the_code_is_described_as_it_is(client, monkeypatch, code, described):
    import app.domain.registrations.resume as resume

    monkeypatch.setattr(resume, "new_code", lambda: code)
    page = a_code_shown(client)
    assert page.soup.select_one(".code [aria-hidden=true]").get_text().replace(" ", "") == code
    assert described in page.text()
