"""The consent page says what happens without each yes, and a person under 18 is told that
KLAPjob also talks with a parent (parents hold custody; no age limit is set)."""

from people import MYSELF_IN_AARHUS, Visitor

PARENT = "KLAPjob taler også med en af dine forældre."


def test_the_job_centre_yes_says_what_happens_without_it(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    section = mette.open("/register/send").soup.find(id="consent-jobcentre").parent
    assert "Uden dit ja taler KLAPjob ikke med jobcentret om dig." in section.get_text(" ")


def test_a_person_under_18_is_told_klapjob_also_talks_with_a_parent(client):
    young = Visitor(client)
    young.answer_all({**MYSELF_IN_AARHUS, "age": {"age_group": "under_18"}})
    assert PARENT in young.open("/register/send").text()
    young.send()
    assert PARENT in young.open("/register/done").text()


def test_a_person_of_18_or_more_is_not_told_about_parents(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    assert PARENT not in mette.open("/register/send").text()
