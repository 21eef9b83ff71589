"""Reports for the municipalities: by municipality and period, from the anonymous monthly
figures (no person in them), on the page and as CSV and .xlsx files."""

from datetime import date
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import SelectField

from app.core import clock
from app.domain.municipalities import municipalities_by_name
from app.staff.core.blueprint import blueprint
from app.staff.core.filters import month_name
from app.staff.core.forms import choices
from app.staff.core.monthly_figures import figures
from app.staff.core.permissions import current_user, requires
from app.staff.reporting.data.reports import (
    Line,
    csv_file,
    lines,
    months_between,
    report_rows,
    xlsx_file,
)
from app.staff.reporting.data.sent_reports import (
    corrections,
    keep_as_sent,
    sent_report,
    sent_reports_for,
)
from app.web.database import get_db

MONTHS_OFFERED = 36
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def recent_months(today: date) -> list:
    months, year, month = [], today.year, today.month
    for _ in range(MONTHS_OFFERED):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


class ReportForm(FlaskForm):
    """In the address: a report holds no person, and can be bookmarked."""

    class Meta:
        csrf = False

    municipality = SelectField(
        _l("Municipality"), choices=choices(municipalities_by_name(), empty=_l("All")), default=""
    )
    first_month = SelectField(_l("From the month"))
    last_month = SelectField(_l("To the month"))

    def offer(self, today: date) -> None:
        """The months offered (the last 36), this quarter by default; what was asked for is
        read from the address."""
        months = recent_months(today)
        self.first_month.choices = self.last_month.choices = choices(
            (m, month_name(m)) for m in months
        )
        quarter_start = f"{today.year:04d}-{(today.month - 1) // 3 * 3 + 1:02d}"
        self.first_month.default, self.last_month.default = quarter_start, months[0]
        self.process(self.asked())

    def asked(self) -> MultiDict[str, str]:
        return request.args

    def period(self) -> tuple[str, str, str]:
        """(municipality, first month, last month), the months in order."""
        first, last = sorted((self.first_month.data or "", self.last_month.data or ""))
        return self.municipality.data or "", first, last


def report_file(
    report_lines: list[Line], months: list[str], municipality: str, first: str, last: str, kind: str
) -> Response:
    rows = list(report_rows(report_lines, months, municipality))
    name = f"klapjob-rapport-{municipality or 'alle'}-{first}-{last}.{kind}"
    body, mimetype = (csv_file(rows), "text/csv") if kind == "csv" else (xlsx_file(rows), XLSX)
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def lines_now(municipality: str, first: str, last: str) -> list[Line]:
    found = figures(get_db(), municipality=municipality, first_month=first, last_month=last)
    return lines(found)


@blueprint.get("/reports")
@requires("staff")
def reports() -> ResponseReturnValue:
    form = ReportForm()
    form.offer(clock.today())
    valid = form.validate()
    municipality, first, last = form.period()
    municipality = municipality if valid else ""
    months = months_between(first, last) if valid else []
    report_lines = lines_now(municipality, first, last)
    download = request.args.get("download")
    if valid and download in ("csv", "xlsx"):
        return report_file(report_lines, months, municipality, first, last, download)
    args: dict[str, Any] = {"municipality": municipality, "first_month": first, "last_month": last}
    return render_template(
        "staff/reports.html",
        form=form,
        months=months,
        lines=report_lines,
        period=args,
        kept=sent_reports_for(get_db(), municipality, first, last) if valid else [],
        csv_url=url_for(".reports", download="csv", **args),
        xlsx_url=url_for(".reports", download="xlsx", **args),
    )


class KeepReportForm(ReportForm):
    """The report's period, posted from its page with the security token: the same offer."""

    class Meta:
        csrf = True

    def asked(self) -> MultiDict[str, str]:
        return request.form


@blueprint.post("/reports/keep")
@requires("staff")
def keep_report() -> ResponseReturnValue:
    """'Gem rapporten, som den blev sendt': the report of these months as it is now."""
    form = KeepReportForm()
    form.offer(clock.today())
    if not form.validate():
        abort(400)
    municipality, first, last = form.period()
    report_lines = lines_now(municipality, first, last)
    public_id = keep_as_sent(get_db(), current_user(), municipality, first, last, report_lines)
    flash(_l("The report is kept as it is now. Later corrections will show beside it."))
    return redirect(url_for(".sent_report_page", public_id=public_id))


@blueprint.get("/reports/sent/<public_id>")
@requires("staff")
def sent_report_page(public_id: str) -> ResponseReturnValue:
    sent = sent_report(get_db(), public_id) or abort(404)
    months = months_between(sent.first_month, sent.last_month)
    download = request.args.get("download")
    if download in ("csv", "xlsx"):
        return report_file(
            sent.lines, months, sent.municipality, sent.first_month, sent.last_month, download
        )
    return render_template(
        "staff/sent_report.html",
        sent=sent,
        months=months,
        corrected=corrections(
            sent.lines, lines_now(sent.municipality, sent.first_month, sent.last_month)
        ),
        csv_url=url_for(".sent_report_page", public_id=public_id, download="csv"),
        xlsx_url=url_for(".sent_report_page", public_id=public_id, download="xlsx"),
    )
