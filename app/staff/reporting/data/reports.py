"""The municipalities' reports, from the anonymous monthly figures: a table a month at a
time, and the same as a CSV file in Danish conventions and as an .xlsx workbook."""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from openpyxl import Workbook

from app.domain.municipalities import municipality_name
from app.staff.core import monthly_figures as mf
from app.staff.core.spreadsheets import danish_day, danish_decimal
from app.staff.core.statuses import CLOSE_REASONS, JOB_KINDS, PLACEMENT_KINDS

Figures = dict[tuple[str, str], dict[str, tuple[int, float]]]  # monthly_figures.figures
# (first day of the month, municipality, what, count, average, average of): a row of a file.
Row = tuple[date, str | None, str, int, float | None, str]


@dataclass
class Line:
    """One line of the report: a label, and per month a count (and hours or days)."""

    label: str
    counts: dict[str, int]  # month -> count
    amounts: dict[str, float]  # month -> hours or days in all
    amount_label: str = ""

    def count(self, month: str | None = None) -> int:
        return self.counts.get(month, 0) if month else sum(self.counts.values())

    def average(self, month: str | None = None) -> float | None:
        count = self.count(month)
        amount = self.amounts.get(month, 0) if month else sum(self.amounts.values())
        return amount / count if count and self.amount_label else None


def lines(found: Figures) -> list[Line]:
    def line(label: object, measure: str, kind: str = "", amount_label: object = "") -> Line:
        per_month = found.get((measure, kind), {})
        return Line(
            str(label),
            {m: c for m, (c, _a) in per_month.items()},
            {m: a for m, (_c, a) in per_month.items()},
            str(amount_label),
        )

    hours = _l("hours a week, on average")
    result = [
        line(_l("Registered"), mf.REGISTERED),
        line(_l("First real contact"), mf.CONTACTED, amount_label=_l("days from sent, on average")),
        line(_l("Work trials started"), mf.PLACEMENT, "praktik", hours),
    ]
    result += [
        line(_l("Jobs started: %(kind)s", kind=PLACEMENT_KINDS[kind]), mf.PLACEMENT, kind, hours)
        for kind in JOB_KINDS
    ]
    result += [
        line(_l("Still in the job 6 months after the start"), mf.STILL_IN_JOB, "6"),
        line(_l("Still in the job 12 months after the start"), mf.STILL_IN_JOB, "12"),
    ]
    result += [
        line(_l("Closed: %(reason)s", reason=label), mf.CLOSED, reason)
        for reason, label in CLOSE_REASONS.items()
    ]
    return result


def months_between(first: str, last: str) -> list[str]:
    """'YYYY-MM' from `first` to `last`, both included."""
    year, month = map(int, first.split("-"))
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(months) < 120:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def report_rows(
    report_lines: Iterable[Line], months: Iterable[str], municipality: str
) -> Iterator[Row]:
    """The long table of the files: month (a date), municipality, what, count, average.
    Every line of every month, a 0 too: a missing line would leave the reader guessing."""
    place = municipality_name(municipality) if municipality else str(_l("All municipalities"))
    for month in months:
        for line in report_lines:
            yield (
                mf.first_day(month),
                place,
                line.label,
                line.count(month),
                line.average(month),
                line.amount_label,
            )


def headers() -> list[str]:
    return [
        str(_l("Month")),
        str(_l("Municipality")),
        str(_l("What")),
        str(_l("Number")),
        str(_l("Average")),
        str(_l("Average of")),
    ]


def csv_file(rows: Iterable[Row]) -> str:
    """Semicolon-separated, decimal comma, dates as Danish dates, with a byte-order mark so
    Excel reads the letters æ, ø and å."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers())
    for month, place, label, count, average, of in rows:
        writer.writerow(
            [
                danish_day(month),
                place,
                label,
                count,
                danish_decimal(round(average, 1) if average is not None else None),
                of,
            ]
        )
    return out.getvalue()


def xlsx_file(rows: Iterable[Row]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_l("Report"))[:31]
    sheet.append(headers())
    for month, place, label, count, average, of in rows:
        sheet.append(
            [month, place, label, count, round(average, 1) if average is not None else None, of]
        )
        sheet.cell(row=sheet.max_row, column=1).number_format = "mmm yyyy"
        sheet.cell(row=sheet.max_row, column=5).number_format = "0.0"
    for column, width in zip("ABCDEF", (12, 20, 48, 10, 10, 28), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
