"""The consent names each one who may get the answers, in easy words, with its own yes:
KLAPjob, the job centre in the person's municipality, and an employer only with a new
yes later. Health keeps its own yes. Every yes is kept with the registration."""

from people import MYSELF_IN_AARHUS, Visitor


def yes_boxes(page):
    return [box["name"] for box in page.soup.select("main input[type=checkbox]")]


def test_the_consent_names_klapjob_the_job_centre_and_an_employer(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    page = mette.open("/register/send")
    headings = [h.get_text(strip=True) for h in page.soup.select("main h2")]
    assert headings[:3] == ["KLAPjob", "Jobcentret i din kommune", "En arbejdsgiver"]
    assert "Skal en arbejdsgiver høre om dig? Så spørger vi dig først." in page.text()
    assert yes_boxes(page) == ["consent", "consent_jobcentre", "consent_health"], (
        "one yes for KLAPjob, one for the job centre, one for health; none for an employer"
    )
    assert page.checked_values("consent_jobcentre") == [], "never ticked in advance"


def test_each_yes_is_kept_with_the_registration(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    token = mette.open("/register/send").csrf_token()
    client.post(
        "/register/send", data={"csrf_token": token, "consent": "y", "consent_jobcentre": "y"}
    )
    [row] = db.query("SELECT consent_jobcentre, consent_health FROM registrations")
    assert row == {"consent_jobcentre": 1, "consent_health": 0}


def test_the_job_centre_yes_is_not_needed_to_send(client, db):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    assert mette.send(consent_health=False).status_code == 302
    [row] = db.query("SELECT consent_jobcentre FROM registrations")
    assert row["consent_jobcentre"] == 0
