"""Statistics: four charts drawn on the server as SVG, each with its table beside it."""

from collections.abc import Sequence

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import format_decimal
from flask_babel import gettext as _

from app.core import clock
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import requires
from app.staff.core.statuses import STATUSES
from app.staff.reporting.data import figures
from app.staff.reporting.views._charts import bar_chart
from app.web.database import get_db

TOP_MUNICIPALITIES = 15


def describe_largest(data: Sequence[tuple[object, int]]) -> str:
    if not data or not max(value for _label, value in data):
        return _("No registrations yet.")
    label, value = max(data, key=lambda pair: pair[1])
    return _("The largest is %(label)s with %(count)s.", label=label, count=value)


def describe_funnel(funnel: Sequence[tuple[str, int]]) -> str:
    counts = dict(funnel)
    return _(
        "%(jobs)s of %(total)s have got a job.",
        jobs=counts[str(STATUSES["in_job"])],
        total=funnel[0][1],
    )


@blueprint.get("/statistics")
@requires("staff")
def statistics() -> ResponseReturnValue:
    db = get_db()
    months = [
        (figures.month_label(first), count)
        for first, count in figures.per_month(db, today=clock.today())
    ]
    municipalities = figures.per_municipality(db)
    funnel = [(str(label), count) for label, count in figures.funnel(db)]
    contact = figures.days_to_first_contact(db)
    contact_data = [(str(label), count) for label, count in contact.buckets]
    median = (
        _(
            "Half of the people were contacted within %(days)s days.",
            days=format_decimal(contact.median_days),
        )
        if contact.median_days is not None
        else _("Nobody has been contacted yet.")
    )
    charts = [
        (
            bar_chart(
                "months",
                _("Registrations per month"),
                _("The last 12 months.") + " " + describe_largest(months),
                months,
            ),
            months,
        ),
        (
            bar_chart(
                "municipalities",
                _("Registrations per municipality"),
                _("The 15 municipalities with the most registrations.")
                + " "
                + describe_largest(municipalities),
                municipalities[:TOP_MUNICIPALITIES],
            ),
            municipalities,
        ),
        (
            bar_chart(
                "funnel",
                _("How far people have come"),
                _("How many registrations have reached each status.")
                + " "
                + describe_funnel(funnel),
                funnel,
            ),
            funnel,
        ),
        (
            bar_chart(
                "contact", _("Days from registration to first contact"), median, contact_data
            ),
            contact_data,
        ),
    ]
    return render_template(
        "staff/statistics.html", charts=charts, not_yet=contact.not_yet, median=median
    )
