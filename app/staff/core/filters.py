"""How the back office shows dates, numbers and names: in the page's language and in
Danish time."""

from datetime import date, datetime
from typing import Any

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, format_time
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from app.core.phone import format_phone
from app.domain.municipalities import municipality_name
from app.domain.registrations.sending import spaced_reference
from app.staff.core.monthly_figures import first_day
from app.web.question_page import form_errors


def when(stamp: str | datetime | None) -> str:
    """An ISO timestamp (or a datetime) as a short date and time, in Danish time."""
    if not stamp:
        return ""
    if isinstance(stamp, str):
        stamp = datetime.fromisoformat(stamp)
    return format_datetime(stamp, format="short")


def time_of_day(moment: datetime | None) -> str:
    """A datetime's time as `when` writes it: "13.00" in Danish (so a meeting from one to
    two reads "13.00–14.00", never "13.00–14:00"), "1:00 PM" in English."""
    return format_time(moment, format="short") if moment else ""


def day(value: str | date | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return format_date(value, format="medium")


def month_name(month: str) -> str:
    """'2026-12' as 'december 2026' (in English 'December 2026')."""
    return format_date(first_day(month), format="LLLL y")


def number(value: float | None) -> str:
    return "" if value is None else format_decimal(value)


def csrf_field() -> Markup:
    """The form's security token, without an id: a page may hold several forms."""
    return Markup(f'<input type="hidden" name="csrf_token" value="{escape(generate_csrf())}">')


def errors_of(*forms: Any) -> list[tuple[str, str]]:
    """The error summary's (field id, message) of every form given, from the forms
    themselves: a staff template sets `errors = errors_of(form, ...)` at its top, and the
    summary and the page's title ("Error: ...") both read it."""
    return [error for form in forms if form is not None for error in form_errors(form)]


def init_filters(app: Flask) -> None:
    app.jinja_env.globals["csrf_field"] = csrf_field
    app.jinja_env.globals["errors_of"] = errors_of
    app.jinja_env.filters.update(
        staff_when=when,
        staff_day=day,
        staff_time=time_of_day,
        staff_number=number,
        staff_month=month_name,
        municipality=lambda code: municipality_name(code) or code,
        spaced_reference=spaced_reference,
        staff_phone=format_phone,
    )
