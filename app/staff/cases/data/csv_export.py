"""A filtered list as a CSV file for municipal reporting.

Without choices the file holds nothing that identifies a person: no reference, no names or
contact details, no employer, nothing the person wrote in their own words, no health.
Each comes only when chosen, and then only for people who said yes to KLAPjob talking with
the job centre in their municipality (the consent page says so); health answers
(Field.sensitive) only with their own yes to the job centre having them, and for the rows
`health_for` allows as well (see export.py). Every cell that a spreadsheet would read as a formula
is defused with a leading apostrophe (OWASP "CSV injection"). Semicolons and a
byte-order mark: Danish Excel opens it as is.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.domain.municipalities import municipality_name
from app.domain.questions.model import Answers, Field
from app.domain.questions.steps import STEPS
from app.domain.questions.summary import shown_answers
from app.domain.registrations.sending import answers_of
from app.staff.cases.data.placements import Placement, placements_of
from app.staff.core.access import RegistrationRow
from app.staff.core.spreadsheets import danish_day, danish_decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTACT_FIELDS = {
    "name",
    "phone",
    "email",
    "helper_name",
    "helper_contact",
    "other_contact_name",
    "other_contact_phone",
}
# Asked again in the columns of the registration itself, or nothing to report.
LEFT_OUT = {"helper_confirm", "municipality"}


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def is_free_text(spec: Field) -> bool:
    """The person's own words: they can name the person, or others."""
    return spec.kind in ("text", "textarea") and spec.name not in CONTACT_FIELDS


def answer_fields(
    *, include_contact: bool, include_sensitive: bool, include_free_text: bool
) -> Iterator[Field]:
    for step in STEPS:
        for spec in step.fields:
            if spec.name in LEFT_OUT:
                continue
            if spec.name in CONTACT_FIELDS and not include_contact:
                continue
            if spec.sensitive and not include_sensitive:
                continue
            if is_free_text(spec) and not spec.sensitive and not include_free_text:
                continue
            yield spec


def answer_cell(spec: Field, answers: Answers, *, shared: bool, health: bool) -> str:
    """What the person answered; what can point at them only with their yes to the job
    centre, and health only where `health_for` allows it too."""
    identifying = spec.name in CONTACT_FIELDS or is_free_text(spec) or spec.sensitive
    if (identifying and not shared) or (spec.sensitive and not health):
        return str(NOT_INCLUDED)
    return ", ".join(a.text for a in shown_answers(spec, answers.get(spec.name)))


# With names and contact details only: each of these points at one person.
IDENTIFYING_COLUMNS = ((_l("Reference"), lambda r: r.reference),)
CASE_COLUMNS = (
    (_l("Sent"), lambda r: danish_day(r.submitted_at)),
    (_l("Municipality code"), lambda r: r.municipality_code),
    (_l("Municipality"), lambda r: municipality_name(r.municipality_code)),
    (_l("Said yes to the job centre"), lambda r: _l("Yes") if r.consent_jobcentre else _l("No")),
    (_l("Status"), lambda r: r.status_label),
    (_l("Reason for closing"), lambda r: r.close_reason_label),
    (_l("Consultant"), lambda r: r.consultant_name),
)
# Each work trial and job is a line of its own (a person with none has one line): what
# the municipality counts, with the job centre's grant and how it ended.
PLACEMENT_COLUMNS = (
    (_l("Work trial or job"), lambda p: p.kind_label),
    (_l("Starts"), lambda p: danish_day(p.starts_on)),
    (_l("Ends"), lambda p: danish_day(p.ends_on)),
    (_l("Hours a week in the job"), lambda p: danish_decimal(p.hours)),
    (_l("Granted by the job centre"), lambda p: _l("Yes") if p.granted else _l("No")),
    (_l("Granted on"), lambda p: danish_day(p.granted_on)),
    (_l("Why it ended"), lambda p: p.end_reason_label),
)
# The employer: with names and contact details only.
WORKPLACE_COLUMN = (_l("Workplace"), lambda p: p.workplace)
NOT_INCLUDED = _l("(not in this file)")
PERSON_IN_THE_FILE = _l("Person in the file")


def csv_text(
    db: Database,
    rows: Iterable[RegistrationRow],
    *,
    include_contact: bool = False,
    include_sensitive: bool = False,
    include_free_text: bool = False,
    health_for: Callable[[RegistrationRow], bool] = lambda row: True,
) -> str:
    fields = list(
        answer_fields(
            include_contact=include_contact,
            include_sensitive=include_sensitive,
            include_free_text=include_free_text,
        )
    )
    columns = (IDENTIFYING_COLUMNS if include_contact else ()) + CASE_COLUMNS
    placement_columns = PLACEMENT_COLUMNS + ((WORKPLACE_COLUMN,) if include_contact else ())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    header = [str(PERSON_IN_THE_FILE)] + [str(label) for label, _ in columns]
    header += [str(label) for label, _ in placement_columns]
    header += [str(spec.summary_label or spec.label) for spec in fields]
    writer.writerow([safe_cell(cell) for cell in header])
    for number, row in enumerate(rows, start=1):
        answers = answers_of(db, row.id)
        shared = bool(row.consent_jobcentre)
        cells = [number] + [
            value(row) if shared or (label, value) in CASE_COLUMNS else str(NOT_INCLUDED)
            for label, value in columns
        ]
        health = health_for(row) and bool(row.consent_health_jobcentre)
        answer_cells = [answer_cell(spec, answers, shared=shared, health=health) for spec in fields]
        oldest_first: list[Placement | None] = [*placements_of(db, row.id)[::-1]]
        for placement in oldest_first or [None]:
            placed = [
                "" if placement is None else value(placement) for _label, value in placement_columns
            ]
            writer.writerow([safe_cell(cell) for cell in cells + placed + answer_cells])
    return "\ufeff" + out.getvalue()
