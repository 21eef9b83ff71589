"""A consultant who writes a day wrongly (a browser without a date box, a day typed by
hand) is told in Danish how to write it, beside the field, in every form of the back office;
a day written the Danish way (24-12-2026, 24.12.2026) is understood."""

import importlib
import pkgutil
from datetime import date

import pytest
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import DateField

import app.staff


def forms_with_days():
    found = {}
    for module in pkgutil.walk_packages(app.staff.__path__, "app.staff."):
        for thing in vars(importlib.import_module(module.name)).values():
            if isinstance(thing, type) and issubclass(thing, FlaskForm) and thing is not FlaskForm:
                for name, field in vars(thing).items():
                    if getattr(field, "field_class", None) and issubclass(
                        field.field_class, DateField
                    ):
                        found[f"{thing.__name__}.{name}"] = (thing, name)
    return found


FORMS_WITH_DAYS = forms_with_days()


def test_the_back_office_has_days_to_write():
    assert len(FORMS_WITH_DAYS) >= 10


@pytest.mark.parametrize("form_and_field", sorted(FORMS_WITH_DAYS))
def test_a_day_written_wrongly_is_explained_in_danish(app, form_and_field):
    form_class, name = FORMS_WITH_DAYS[form_and_field]
    with app.test_request_context(headers={"Cookie": "klapjob_lang=da"}):
        form = form_class(formdata=MultiDict({name: "i går"}), meta={"csrf": False})
        form[name].validate(form)  # the field alone: some forms offer their choices later
        assert form[name].errors[:1] == ["Skriv dagen som en dato, for eksempel 24-12-2026"], form[
            name
        ].errors


@pytest.mark.parametrize("written", ["2026-12-24", "24-12-2026", "24.12.2026", "24/12/2026"])
def test_a_day_written_the_danish_way_is_understood(app, written):
    form_class, name = FORMS_WITH_DAYS["AuditFilterForm.since"]
    with app.test_request_context():
        form = form_class(formdata=MultiDict({name: written}), meta={"csrf": False})
        form[name].process(MultiDict({name: written}))
        assert form[name].data == date(2026, 12, 24)


@pytest.mark.parametrize("form_and_field", sorted(FORMS_WITH_DAYS))
@pytest.mark.parametrize("far", ["0001-01-01", "9999-12-31"])
def test_a_day_far_from_today_is_refused_beside_its_field(app, form_and_field, far):
    """Counting from a day in year 1 or 9999 overflows (the audit log's filter once gave a
    server error on it): every day has bounds."""
    form_class, name = FORMS_WITH_DAYS[form_and_field]
    with app.test_request_context(headers={"Cookie": "klapjob_lang=da"}):
        form = form_class(formdata=MultiDict({name: far}), meta={"csrf": False})
        form[name].validate(form)
        assert form[name].errors and form[name].errors[0].startswith("Skriv en dag fra")
