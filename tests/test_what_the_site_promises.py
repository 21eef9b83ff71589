"""What the site says about KLAPjob, pensions and the job centre is true (see
../shared/domain.md): no job is promised, the pension is said in full and only to those
it concerns, the job centre decides, KLAPjob keeps in touch, and under 18 is answered."""

from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor

PROMISES_NOBODY_CAN_KEEP = (
    "Du får et job",
    "KLAPjob finder et sted at arbejde",
    "efter 6 måneder",
    "1 gang om året",
    "går dine svar væk",
)


def sent(client, answers=MYSELF_IN_AARHUS):
    person = Visitor(client)
    person.answer_all(answers)
    person.send()
    return person


def test_no_page_promises_a_job_or_the_job_centres_rhythm(client):
    person = sent(client)
    for url in ("/", "/register/done", "/register/receipt"):
        text = person.open(url).text()
        for promise in PROMISES_NOBODY_CAN_KEEP:
            assert promise not in text, (url, promise)
    done = person.open("/register/done").text()
    assert "Ingen kan love dig et job." in done and "Men et job er målet." in done
    assert "Jobcentret skal sige ja til jobbet" in done
    assert "Har du fået et job? Så holder vi kontakt med dig." in done


def test_the_pension_is_said_in_full_to_people_on_disability_pension(client):
    mette = Visitor(client)
    mette.answer("support", {"support": ["pension"]})
    text = mette.open("/register/pension").text()
    assert "Du har stadig din førtidspension, når du får et skånejob." in text
    assert "Så kan din pension blive noget mindre." in text
    assert "Kommunen regner ud, hvor meget." in text
    assert "KLAPjob hjælper dig med at forstå det." in text


def test_people_not_on_disability_pension_are_not_shown_the_pension(client):
    ali = Visitor(client)
    ali.answer("support", {"support": ["wages"]})
    assert client.get("/register/pension").status_code == 302
    assert "beholder din førtidspension" not in ali.open("/register/support").text()


def test_someone_under_18_can_send_and_is_told_what_happens(client, db):
    young = sent(client, {**MYSELF_IN_AARHUS, "age": {"age_group": "under_18"}})
    assert "Du er under 18 år." in young.open("/register/done").text()
    assert len(list(db.query("SELECT id FROM registrations"))) == 1


def test_finishing_says_the_answers_stay_with_klapjob(client):
    text = sent(client).open("/register/done").text()
    assert "Så kan andre ikke se dine svar på denne skærm." in text
    assert "KLAPjob har stadig dine svar." in text


def test_relatives_and_professionals_have_a_page_linked_from_the_start_and_the_helper(client):
    start = Visitor(client).open("/")
    assert start.soup.find("a", href="/for-relatives")
    helper = Visitor(client)
    helper.answer("who", {"filled_by": "helper"})
    assert helper.open("/register/helper").soup.find("a", href="/for-relatives")
    page = helper.open("/for-relatives")
    assert page.h1 == "Til pårørende og fagfolk"
    for fact in (
        "KLAPjob er ikke jobcentret.",
        "Ingen kan love et job.",
        "Kommunen regner ud, hvor meget.",
        "Personen kontakter selv KLAPjob.",
        "spørg KLAPjob, før I sender",
    ):
        assert fact in page.text(), fact


def test_the_english_says_the_danish_word_and_no_false_friends(client):
    helper = Visitor(client)
    helper.client.set_cookie("klapjob_lang", "en")
    helper.answer_all(HELPED_BY_SUPPORT_WORKER)
    text = helper.open("/register/check").text() + helper.open("/register/support").text()
    assert "Disability pension (førtidspension)" in text
    assert "(bostøtte or pædagog)" in text
    for false_friend in ("pedagogue", "protected job"):
        assert false_friend not in text
