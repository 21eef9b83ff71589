"""WTForms classes built from the steps, so that the list in steps.py is the only place a
question is described."""

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from app.core.phone import format_phone, normalise_phone
from app.domain.questions.model import Answer, Answers, Field, Step
from app.domain.questions.validators import (
    FORMAT_CHECKS,
    KnownChoice,
    MaxLength,
    RequiredWhen,
    StandsAlone,
    fits_its_field,
    plain_text,
)

FIELD_CLASSES = {
    "text": StringField,
    "textarea": TextAreaField,
    "phone": StringField,
    "email": StringField,
    "phone_or_email": StringField,
    "radio": RadioField,
    "checkboxes": SelectMultipleField,
    "select": SelectField,
    "confirm": BooleanField,
}


def strip_text(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def make_field(spec: Field) -> Any:
    validators: list[Callable[..., None]] = [RequiredWhen(spec)]
    options: dict[str, Any] = {}
    if spec.has_choices:
        validators.append(KnownChoice(spec))
        if spec.takes_several:
            validators.append(StandsAlone(spec))
        # We check choices ourselves, against the ones this person was shown.
        options["validate_choice"] = False
        options["choices"] = [SelectChoice(choice.value, choice.label) for choice in spec.choices]
    elif spec.kind != "confirm":
        validators.extend([MaxLength(spec.max_length), plain_text])
        validators.extend(FORMAT_CHECKS.get(spec.kind, []))
        options["filters"] = [strip_text]
    return FIELD_CLASSES[spec.kind](spec.label, validators=validators, **options)


class StepForm(FlaskForm):
    """A step's form. `answers` holds everything answered so far, so that a field can be
    required because of another answer."""

    answers: dict = {}

    def given_answers(self) -> dict:
        """This page's answers as they are stored in a draft."""
        return {name: answer_from_field(self[name]) for name in self.field_names}

    def storable_answers(self, step: Step) -> tuple[dict[str, Answer], bool]:
        """What was typed that may be stored (see fits_its_field), and whether all of it
        may."""
        given = self.given_answers()
        fitting = {
            spec.name: given[spec.name]
            for spec in step.fields
            if fits_its_field(spec, given[spec.name])
        }
        return fitting, len(fitting) == len(given)

    def validate_with(self, earlier_answers: Answers) -> bool:
        self.answers = {**earlier_answers, **self.given_answers()}
        return self.validate()


def answer_from_field(field: Any) -> Answer:
    if isinstance(field, BooleanField):
        return "yes" if field.data else ""
    if isinstance(field, SelectMultipleField):
        return list(field.data or [])
    return field.data or ""


_form_classes: dict[str, type[StepForm]] = {}


def form_class_for(step: Step) -> type[StepForm]:
    """The form class of a step, built once. Any page made of Steps (the journey, the
    display settings) gets its form this way."""
    if step.key not in _form_classes:
        attributes = {spec.name: make_field(spec) for spec in step.fields}
        attributes["field_names"] = tuple(step.field_names)
        _form_classes[step.key] = type(f"{step.key.title()}StepForm", (StepForm,), attributes)
    return _form_classes[step.key]


def form_for(
    step: Step, answers: Answers | None = None, formdata: MultiDict[str, str] | None = None
) -> StepForm:
    """The form of `step`, filled from a POST (`formdata`) or from saved `answers`."""
    form_class = form_class_for(step)
    if formdata is not None:
        return form_class(formdata=formdata)
    saved = {spec.name: as_typed(spec, (answers or {}).get(spec.name)) for spec in step.fields}
    saved = {name: value for name, value in saved.items() if value not in (None, "")}
    return form_class(formdata=None, data=saved)


def as_typed(spec: Field, value: Answer | None) -> Answer | None:
    """A stored answer as a person would write it: '+4520304050' shows as '20 30 40 50'."""
    is_phone = spec.kind == "phone" or (spec.kind == "phone_or_email" and "@" not in (value or ""))
    if is_phone and isinstance(value, str) and value and normalise_phone(value) == value:
        return format_phone(value)
    return value


class ConsentForm(FlaskForm):
    """The person's own yes. When a helper fills in, the person says yes to the helper
    sending, and the helper says separately whether KLAPjob may contact them."""

    consent = BooleanField(_l("Yes, KLAPjob may keep my answers and contact me."))
    consent_contact_helper = BooleanField(_l("Yes, KLAPjob may also contact me, the helper."))
    # Its own yes, and not needed to send: the person may also say yes later.
    consent_jobcentre = BooleanField(_l("Yes, KLAPjob may talk about me with the job centre."))
    # Health is a special category (GDPR art. 9): its own explicit, optional yes.
    consent_health = BooleanField(_l("Yes, KLAPjob may also keep what I wrote about my health."))

    def validate_for(self, answers: Answers) -> bool:
        self.validate()
        if not self.consent.data:
            self.consent.errors = [_l("Tick the box if KLAPjob may have your answers")]
        if answers.get("contact_method") == "helper" and not self.consent_contact_helper.data:
            self.consent_contact_helper.errors = [
                _l("Tick the box if KLAPjob may contact you, the helper")
            ]
        return not any(field.errors for field in self)


class HelperCopyForm(FlaskForm):
    person_agrees = BooleanField(_l("The person says yes to me getting a copy."))
