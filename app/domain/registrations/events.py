"""What happens to a registration, as signals (blinker, which Flask uses too): the back
office subscribes (app.staff.init_app), so the citizen side and the domain never import it.

    registration_stored   inside the transaction that stores it: what a receiver writes
                          stands or falls with the registration. (db, registration_id,
                          municipality_code, consultant_id: who covers the
                          municipality, by app.domain.coverage, or None)
    registration_sent     after the commit: a receiver's failure cannot undo it.
                          (db, registration_id)
"""

from blinker import Namespace

signals = Namespace()
registration_stored = signals.signal("registration-stored")
registration_sent = signals.signal("registration-sent")
