"""A person who does not know their municipality: "I don't know" is an answer, and a
search by postcode or town finds it, without JavaScript. A postcode that lies in more
than one municipality offers each of them; nothing is chosen for the person."""

from app.domain.places import all_places, find_municipalities
from pages import Page
from people import MYSELF_IN_AARHUS, Visitor


def offered(page):
    return [o["value"] for o in page.soup.select("#municipality option") if o["value"]]


def test_the_postcode_file_covers_every_municipality():
    from app.domain.municipalities import MUNICIPALITIES

    covered = {
        code for place in all_places() if place.postcode for code in place.municipality_codes
    }
    assert covered == set(MUNICIPALITIES)


def test_a_postcode_in_one_municipality_finds_it_and_chooses_it(client):
    visitor = Visitor(client)
    page = Page(
        visitor.answer("municipality", {"municipality_find": "8000", "find": "municipality"})
    )
    assert page.status == 200
    assert "Vi fandt din kommune: Aarhus." in page.text()
    assert offered(page) == ["dont_know", "751"]
    assert page.soup.select_one("#municipality option[selected]")["value"] == "751"
    assert page.error_summary_links() == [], "a search is not a mistake"


def test_a_postcode_in_several_municipalities_offers_each_and_chooses_none(client):
    visitor = Visitor(client)
    page = Page(
        visitor.answer("municipality", {"municipality_find": "2610", "find": "municipality"})
    )
    assert "Vi fandt mere end 1 kommune. Vælg din på listen." in page.text()
    assert set(offered(page)) == {"dont_know", "101", "167", "175"}
    assert page.soup.select_one("#municipality option[selected]") is None


def test_a_town_finds_its_municipality_however_it_is_spelled(client):
    assert find_municipalities("århus c").municipality_codes == ["751"]
    assert find_municipalities("Nakskov").municipality_codes == ["360"]
    assert find_municipalities("Nowhere at all").municipality_codes == []


def test_enter_in_the_search_box_searches_rather_than_complaining(client):
    """Enter sends the form as Next: with words typed and nothing chosen, that is a search."""
    page = Page(Visitor(client).answer("municipality", {"municipality_find": "Nakskov"}))
    assert page.error_summary_links() == []
    assert "Vi fandt din kommune: Lolland." in page.text()


def test_what_was_searched_for_stays_out_of_the_address(client):
    response = Visitor(client).answer(
        "municipality", {"municipality_find": "8000", "find": "municipality"}
    )
    assert response.status_code == 200 and "8000" not in response.request.url


def test_i_dont_know_is_an_answer_and_the_receipt_says_what_happens(client, db):
    mette = Visitor(client)
    mette.answer_all({**MYSELF_IN_AARHUS, "municipality": {"municipality": "dont_know"}})
    mette.send()
    done = mette.open("/register/done")
    assert "Det finder KLAPjob ud af sammen med dig." in done.text()
    [row] = db.query("SELECT municipality_code, callback_promised_by FROM registrations")
    assert row == {"municipality_code": "", "callback_promised_by": None}


def test_a_municipality_without_an_agreement_is_told_so_honestly(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    text = mette.open("/register/done").text()
    assert "Vi har ikke en fast aftale med din kommune." in text
    assert "Men det kan tage lidt mere tid." in text


def test_a_search_leaves_the_answer_already_given(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.answer(
        "municipality", {"municipality": "751", "municipality_find": "2610", "find": "municipality"}
    )
    assert client.get("/register/check").status_code == 200, "Aarhus is still the answer"
