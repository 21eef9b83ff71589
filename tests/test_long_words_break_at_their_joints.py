"""The job centre's long words ("Ressourceforløb") are wider than a
choice card's text on a phone: they may break only where their parts join, never in the
middle of a part; the back office and the exports keep the plain word."""

from people import MYSELF_IN_AARHUS, Visitor

SOFT_HYPHEN = "\u00ad"


def test_the_long_words_of_the_job_centre_break_only_where_their_parts_join(client):
    mette = Visitor(client)
    asked = mette.answer_all(MYSELF_IN_AARHUS)
    assert "situation" in asked
    page = mette.open("/register/situation")
    labels = [label.get_text() for label in page.soup.select(".choice-card__text")]
    assert f"Ressource{SOFT_HYPHEN}forløb" in " ".join(labels)
