"""Who a registration goes to is the domain's own answer (app.domain.coverage), worked
out once, before the back office hears of it: the promised callback day rests on that
answer, not on what a back-office receiver happened to write back into the row."""

from app.domain.registrations.events import registration_stored
from people import MYSELF_IN_AARHUS, Visitor
from staff import staff_member
from test_callback_promise import AARHUS, cover


def promised_day(db):
    return next(db.query("SELECT callback_promised_by FROM registrations"))["callback_promised_by"]


def test_mette_in_a_covered_municipality_is_promised_a_day_whatever_the_back_office_writes(
    app, db, monkeypatch
):
    cover(app, AARHUS, staff_member(app))
    # The back office hears nothing: no receiver writes a consultant into the row.
    monkeypatch.setattr(registration_stored, "receivers", {})
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()
    assert promised_day(db) is not None


def test_the_back_office_is_told_which_consultant_covers_the_municipality(app, db):
    consultant = staff_member(app)
    cover(app, AARHUS, consultant)
    heard = []

    def listen(db, **details):
        heard.append(details)

    registration_stored.connect(listen)
    try:
        mette = Visitor(app.test_client())
        mette.answer_all(MYSELF_IN_AARHUS)
        mette.send()
    finally:
        registration_stored.disconnect(listen)
    assert heard[0]["consultant_id"] == consultant.user.id
    assert next(db.query("SELECT consultant_id FROM registrations"))["consultant_id"] == (
        consultant.user.id
    )
