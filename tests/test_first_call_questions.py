"""What a job consultant needs at the first call: what the person does now, earlier work
or a work trial, when STU ends, and someone else KLAPjob may call. The answers show on
the staff's registration page and in the CSV export; names and phone numbers go to a
municipality only for people who said yes to the job centre."""

from people import MYSELF_IN_AARHUS
from staff import TEST_MUNICIPALITIES, register, staff_member
from staff import download_export as download


def test_the_new_answers_show_on_the_registration_page(app):
    mette = register(app, name="Mette Hansen")
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    text = karl.open(f"/staff/registrations/{mette['public_id']}").text()
    for shown in (
        "Jeg går på STU",
        "Om mindre end et halvt år",
        "Ja, jeg har været i praktik",
        "Praktik i en kantine.",
        "Hanne Hansen",
        "40 50 60 70",
        "Familie",
        "Førtidspension",
    ):
        assert shown in text, shown


def test_the_new_questions_are_columns_in_the_export(app):
    register(app, name="Mette Hansen", consent_jobcentre=True)
    anna = staff_member(app, "admin").sign_in()
    [row] = download(anna)
    assert row["Det laver jeg nu"] == "Jeg går på STU"
    assert row["Jeg bliver færdig med STU"] == "Om mindre end et halvt år"
    assert row["Arbejde før"] == "Ja, jeg har været i praktik"
    assert row["Penge hver måned"] == "Førtidspension"
    assert row["Dage, jeg kan arbejde"] == "Mandag til fredag"
    assert "Hanne Hansen" not in ";".join(row.values()), "contact details only when chosen"


def test_a_municipality_gets_names_only_for_people_who_said_yes_to_the_job_centre(app, db):
    said_yes = register(app, name="Mette Hansen")
    ole = register(app, name="Ole Olsen", strengths_text="Oles egne ord")
    db.execute("UPDATE registrations SET consent_jobcentre = 1 WHERE id = ?", [said_yes["id"]])
    db.conn.commit()
    anna = staff_member(app, "admin").sign_in()
    rows = {
        row["Reference"]: row for row in download(anna, "include_contact=y&include_free_text=y")
    }
    assert rows[said_yes["reference"]]["Navn"] == "Mette Hansen"
    assert ole["reference"] not in rows, "without the yes: only counted, in Reports"
    text = ";".join(";".join(row.values()) for row in rows.values())
    for private in ("Ole", "Olsen", "Oles egne ord"):
        assert private not in text, private


def test_mette_is_asked_every_question_a_consultant_needs(client):
    from people import Visitor

    mette = Visitor(client)
    asked = mette.answer_all(MYSELF_IN_AARHUS)
    for key in ("activity", "stu_end", "experience", "other_contact"):
        assert key in asked
