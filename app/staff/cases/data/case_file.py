"""One registration as its case page shows it: the row, the answers, the history and the
next follow-up."""

from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from app.domain.questions.summary import summary_rows
from app.domain.registrations.sending import answers_of
from app.staff.cases.data.follow_ups import next_follow_up
from app.staff.cases.data.merges import merged_into
from app.staff.core.access import RegistrationRow
from app.staff.core.history import history_of


@dataclass
class CaseFile:
    row: RegistrationRow
    answers: dict
    history: list = field(default_factory=list)
    next_follow_up: date | None = None
    # The answers of each registration merged into this case, by its reference.
    merged: dict = field(default_factory=dict)


def case_file(db: Database, row: RegistrationRow) -> CaseFile:
    return CaseFile(
        row=row,
        answers=answers_of(db, row.id),
        history=history_of(db, row.id),
        next_follow_up=next_follow_up(db, row),
        merged={
            reference: summary_rows(merged.answers, include_sensitive=False)
            for reference, merged in merged_into(db, row.id).items()
        },
    )
