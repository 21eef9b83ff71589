"""A filtered list as a CSV file for municipal reporting.

Contact details and health answers (Field.sensitive) are left out unless chosen, and
contact details are given only for people who said yes to KLAPjob talking with the job
centre in their municipality (the consent page says so). Every
cell that a spreadsheet would read as a formula is defused with a leading apostrophe
(OWASP "CSV injection"). Semicolons and a byte-order mark: Danish Excel opens it as is.
"""

import csv
import io

from flask_babel import lazy_gettext as _l

from ..journey.steps import STEPS
from ..journey.summary import shown_answers
from ..municipalities import municipality_name
from ..registrations import answers_of

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTACT_FIELDS = {"name", "phone", "email", "helper_name", "helper_contact",
                  "other_contact_name", "other_contact_phone"}
# Asked again in the columns of the registration itself, or nothing to report.
LEFT_OUT = {"helper_confirm", "municipality"}


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answer_fields(*, include_contact, include_sensitive):
    for step in STEPS:
        for spec in step.fields:
            if spec.name in LEFT_OUT:
                continue
            if spec.name in CONTACT_FIELDS and not include_contact:
                continue
            if spec.sensitive and not include_sensitive:
                continue
            yield spec


def answer_cell(spec, answers, *, shares_contact):
    if spec.name in CONTACT_FIELDS and not shares_contact:
        return ""
    return ", ".join(a.text for a in shown_answers(spec, answers.get(spec.name)))


CASE_COLUMNS = (
    (_l("Reference"), lambda r: r.reference),
    (_l("Sent"), lambda r: r.submitted_at[:10]),
    (_l("Municipality code"), lambda r: r.municipality_code),
    (_l("Municipality"), lambda r: municipality_name(r.municipality_code)),
    (_l("Said yes to the job centre"), lambda r: _l("Yes") if r.consent_jobcentre else _l("No")),
    (_l("Status"), lambda r: r.status_label),
    (_l("Reason for closing"), lambda r: r.close_reason_label),
    (_l("Consultant"), lambda r: r.consultant_name),
    (_l("Work trial from"), lambda r: r.praktik_start),
    (_l("Job from"), lambda r: r.job_start),
    (_l("Employer"), lambda r: r.employer),
    (_l("Hours a week in the job"), lambda r: r.job_hours),
)


def csv_text(db, rows, *, include_contact=False, include_sensitive=False):
    fields = list(answer_fields(include_contact=include_contact,
                                include_sensitive=include_sensitive))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    header = [str(label) for label, _ in CASE_COLUMNS]
    header += [str(spec.summary_label or spec.label) for spec in fields]
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        answers = answers_of(db, row.id)
        cells = [value(row) for _, value in CASE_COLUMNS]
        cells += [answer_cell(spec, answers, shares_contact=bool(row.consent_jobcentre))
                  for spec in fields]
        writer.writerow([safe_cell(cell) for cell in cells])
    return "\ufeff" + out.getvalue()
