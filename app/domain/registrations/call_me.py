""" "Bed KLAPjob ringe til mig": a person who does not want to go through the questions
gives their name, number, municipality and when it is good to call. That is a registration
of its own channel, given to the consultant who covers the municipality and promised a call
like any other, so that it stands in the back office the consultants already work from."""

from collections.abc import Mapping

from sqlite_utils import Database

from app.core import codes
from app.core.db import write_transaction
from app.domain.questions.model import Answer
from app.domain.registrations.events import registration_sent
from app.domain.registrations.sending import (
    Consents,
    insert_registration,
    store_answers_and_route,
)

# The channel of a registration that asked to be called without answering the questions.
CALL_ME = "call_me"
# The answers such a registration holds: nothing else is asked.
ASKED = ("name", "phone", "call_time", "municipality")


def ask_to_be_called(db: Database, given: Mapping[str, Answer], *, language: str) -> str:
    """Store the request as a registration and return the token of its receipt (its hash
    stands where a draft's would: the receipt finds it as it finds a sent draft's)."""
    token = codes.new_token()
    answers: dict[str, Answer] = {
        "filled_by": "self",
        "contact_method": "phone",
        **{name: given[name] for name in ASKED if given.get(name)},
    }
    with write_transaction(db):
        registration_id = insert_registration(
            db, codes.token_hash(token), answers, language, Consents()
        )
        db.execute("UPDATE registrations SET channel = ? WHERE id = ?", [CALL_ME, registration_id])
        store_answers_and_route(db, registration_id, answers)
    registration_sent.send(db, registration_id=registration_id)
    return token


def asked_to_be_called(db: Database, registration_id: int) -> bool:
    """Whether the registration is a request to be called, without the questions."""
    rows = list(db.query("SELECT channel FROM registrations WHERE id = ?", [registration_id]))
    return bool(rows) and rows[0]["channel"] == CALL_ME
