"""A sent registration reaches the back office by signal, never by an import: the citizen
side and the domain know nothing of staff. `registration_stored` comes inside the
transaction that stores it (so what a receiver writes stands or falls with it), and
`registration_sent` after the commit (so a mail problem never undoes it)."""

from app.core.db import connect
from app.domain.registrations.events import registration_sent, registration_stored
from people import MYSELF_IN_AARHUS, Visitor


def send_one(app):
    mette = Visitor(app.test_client())
    mette.answer_all(MYSELF_IN_AARHUS)
    mette.send()


def test_a_sent_registration_is_announced_inside_its_transaction_then_after_the_commit(app):
    heard = []

    def on_stored(db, registration_id, **_):
        heard.append(("stored", db.conn.in_transaction, True))

    def on_sent(db, registration_id, **_):
        outside = connect(app.config["DATABASE"])
        committed = list(
            outside.query("SELECT 1 FROM registrations WHERE id = ?", [registration_id])
        )
        outside.close()
        heard.append(("sent", db.conn.in_transaction, bool(committed)))

    with registration_stored.connected_to(on_stored), registration_sent.connected_to(on_sent):
        send_one(app)
    # Stored: inside the transaction; sent: after the commit, visible to every connection.
    assert [h[:2] for h in heard] == [("stored", True), ("sent", False)]
    assert heard[1][2] is True


def test_the_back_office_receives_it_by_subscribing(app):
    send_one(app)
    db = connect(app.config["DATABASE"])
    row = next(db.query("SELECT public_id FROM registrations"))
    db.close()
    assert row["public_id"]
    assert registration_stored.receivers and registration_sent.receivers
