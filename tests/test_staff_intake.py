"""A citizen sends; the consultant who covers their municipality gets the registration
and an email with a link, and nothing about the person, through a real SMTP server."""

import smtplib

from app.core.db import connect
from app.domain.coverage import covering_consultant_id, save_coverage
from people import MYSELF_IN_AARHUS, Visitor
from staff import register, staff_member

AARHUS = "751"


def cover(app, code, member, agreement=True):
    db = connect(app.config["DATABASE"])
    save_coverage(db, {code: (agreement, member.user.id if member else None)})
    db.close()


def personal_data(answers_by_step):
    values = [v for step in answers_by_step.values() for v in step.values()]
    flat = [x for v in values for x in (v if isinstance(v, list) else [v])]
    return [v for v in flat if isinstance(v, str) and len(v) > 3] + ["2030", "Mette"]


def test_the_consultant_covering_aarhus_gets_the_new_registration_and_an_email(
    app_with_mail, mail_server
):
    app = app_with_mail
    karl = staff_member(app, email="karl@klapjob.dk")
    cover(app, AARHUS, karl)
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()

    db = connect(app.config["DATABASE"])
    row = next(db.query("SELECT public_id, consultant_id, reference FROM registrations"))
    db.close()
    assert row["consultant_id"] == karl.user.id

    [message] = mail_server.inbox.messages
    assert message["To"] == "karl@klapjob.dk"
    assert message["Subject"] == "Ny registrering hos KLAPjob"
    [body] = mail_server.inbox.bodies()
    assert f"/staff/registrations/{row['public_id']}" in body
    for secret in personal_data(MYSELF_IN_AARHUS) + [row["reference"], "Aarhus"]:
        assert secret not in body and secret not in message["Subject"], secret
    # The link works, after signing in.
    karl.sign_in()
    link = body.split("http://localhost", 1)[1].split()[0]
    assert karl.client.get(link).status_code == 200


def test_with_nobody_covering_the_municipality_the_admins_are_told(app_with_mail, mail_server):
    app = app_with_mail
    staff_member(app, "admin", email="anna@klapjob.dk")
    staff_member(app, "consultant", email="karl@klapjob.dk")
    register(app)
    assert [m["To"] for m in mail_server.inbox.messages] == ["anna@klapjob.dk"]
    assert "Ingen dækker" in mail_server.inbox.bodies()[0]


def test_a_deactivated_consultant_gets_no_registrations(app, db):
    karl = staff_member(app)
    cover(app, AARHUS, karl)
    db.execute("UPDATE users SET active = 0")
    db.conn.commit()
    assert covering_consultant_id(db, AARHUS) is None
    assert register(app)["consultant_id"] is None


def test_a_broken_mail_server_never_stops_a_registration(app_with_mail, monkeypatch):
    app = app_with_mail
    cover(app, AARHUS, staff_member(app))

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(smtplib, "SMTP", refuse)
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    response = mette.send()
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/register/done")


def test_an_error_while_notifying_is_logged_and_swallowed(app, monkeypatch, caplog):
    import app.staff.intake.data.from_the_site as intake

    def explode(*args, **kwargs):
        raise RuntimeError("template missing")

    monkeypatch.setattr(intake, "render_template", explode)
    row = register(app)
    assert row["reference"]
    assert "Staff notification not sent" in caplog.text


def test_each_registration_gets_an_unguessable_address(app):
    first, second = register(app), register(app)
    assert len(first["public_id"]) >= 16 and first["public_id"] != second["public_id"]
    assert not first["public_id"].isdigit() and first["reference"] not in first["public_id"]
