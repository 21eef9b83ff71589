"""What the person wrote about their health stays with KLAPjob: the file for the
municipality holds only people who said yes to the job centre, and their health only with
its own yes that names the job centre. The words on the pages say exactly that."""

from app.core.db import connect
from people import Visitor
from staff import download_export as download
from staff import register, staff_member


def give_health_to_the_job_centre(app, registration):
    db = connect(app.config["DATABASE"])
    db.execute(
        "UPDATE registrations SET consent_health_jobcentre = 1 WHERE id = ?", [registration["id"]]
    )
    db.conn.commit()
    db.close()


def test_the_municipality_file_holds_only_people_who_said_yes_to_the_job_centre(app):
    register(app, name="Mette Hansen", consent_jobcentre=True)
    register(app, name="Ole Olsen", consent_jobcentre=False)
    anna = staff_member(app, "admin").sign_in()
    rows = download(anna, "include_contact=y")
    assert [row["Navn"] for row in rows] == ["Mette Hansen"]


def test_health_leaves_klapjob_only_with_its_own_yes_to_the_job_centre(app):
    mette = register(app, name="Mette Hansen", health="Jeg har autisme.", consent_jobcentre=True)
    anna = staff_member(app, "admin").sign_in()
    choices = "include_contact=y&include_sensitive=y&purpose=Rapport"
    [row] = download(anna, choices)
    assert row["Mit helbred"] == "(ikke med i filen)", "a yes to the job centre is not enough"
    give_health_to_the_job_centre(app, mette)
    [row] = download(anna, choices)
    assert row["Mit helbred"] == "Jeg har autisme."


def test_the_pages_say_that_health_stays_with_klapjob(client):
    privacy = Visitor(client).open("/privacy").text()
    assert "Jobcentret får ikke det, du skrev om dit helbred. Kun hvis du siger ja til det." in (
        privacy
    )
    assert "Så får kommunen kun tal. Den får ikke dit navn." in privacy
