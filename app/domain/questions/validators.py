"""Checks on one answer. Each message says what to do, in one short sentence."""

import unicodedata
from typing import Protocol

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms import Field as FormField
from wtforms import Form
from wtforms.validators import StopValidation, ValidationError

from app.core.phone import normalise_phone
from app.core.site_text import site_value
from app.domain.questions.model import Answer, Answers, Field

WRITE_A_PHONE_NUMBER = _l("Write a phone number with 8 digits, for example 20 30 40 50")
WRITE_AN_EMAIL = _l("Write an email like this: name@mail.dk")
WRITE_PHONE_OR_EMAIL = _l("Write a phone number with 8 digits or an email")
CHOOSE_FROM_THE_LIST = _l("Choose one of the answers on the page")
CANNOT_STORE_SIGN = _l("The text has a sign we cannot save. Write it without that sign.")
# Line breaks and tabs belong in a longer text; every other control character (NUL, ESC...)
# only breaks things further on. Surrogates, noncharacters and private-use signs are never
# a person's writing either (the site uses noncharacters to mark its own texts).
ALLOWED_CONTROLS = frozenset("\n\r\t")
NEVER_STORED = frozenset({"Cc", "Cs", "Co"})


class AnsweredForm(Protocol):
    """A step's form (web/step_forms.py): every answer so far, this page's included."""

    @property
    def answers(self) -> Answers: ...


def is_empty(data: object) -> bool:
    return data is None or data == "" or data == [] or data is False


def normalise_email(text: str) -> str | None:
    """The address in its normal form, or None. No network look-up: a person typing
    must not wait for DNS."""
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


class RequiredWhen:
    """Required when the field's spec says so, given all answers so far; an empty
    answer that is not required ends the checks for that field."""

    def __init__(self, spec: Field) -> None:
        self.spec = spec

    def __call__(self, form: AnsweredForm, field: FormField) -> None:
        if not is_empty(field.data):
            return
        field.errors[:] = []
        if self.spec.is_required(form.answers):
            raise StopValidation(self.spec.error_required)
        raise StopValidation()


class KnownChoice:
    """Only values the page offered (a changed request cannot store anything else)."""

    def __init__(self, spec: Field) -> None:
        self.spec = spec

    def __call__(self, form: AnsweredForm, field: FormField) -> None:
        offered = {choice.value for choice in self.spec.visible_choices(form.answers)}
        given = field.data if isinstance(field.data, list) else [field.data]
        if not set(given) <= offered:
            raise ValidationError(CHOOSE_FROM_THE_LIST)


class StandsAlone:
    """An answer like "I don't know" is never sent with other answers to the same question:
    the person chooses it alone, or only the others."""

    def __init__(self, spec: Field) -> None:
        self.spec = spec

    def __call__(self, form: AnsweredForm, field: FormField) -> None:
        alone = self.spec.alone_among(list(field.data or []))
        if alone is not None:
            raise ValidationError(
                _l(
                    "Choose only “%(answer)s”. Or choose only the other answers.",
                    answer=alone.label,
                )
            )


def is_noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def has_a_sign_we_cannot_store(text: str) -> bool:
    return any(
        (unicodedata.category(ch) in NEVER_STORED and ch not in ALLOWED_CONTROLS)
        or is_noncharacter(ch)
        for ch in text
    )


def plain_text(form: Form, field: FormField) -> None:
    if has_a_sign_we_cannot_store(field.data or ""):
        raise ValidationError(CANNOT_STORE_SIGN)


def fits_its_field(spec: Field, value: Answer) -> bool:
    """Whether `value` may be stored for `spec` at all, right or not yet: a text within the
    field's length and without signs we never store; choices the question has, each once.
    Only these limits bound what a draft holds, so a draft cannot fill the disk."""
    if spec.has_choices:
        values = value if isinstance(value, list) else [value]
        known = {choice.value for choice in spec.choices}
        return len(values) <= len(known) and all(v in known or v == "" for v in values)
    if spec.kind == "confirm":
        return value in ("yes", "")
    return (
        isinstance(value, str)
        and len(value) <= spec.max_length
        and not has_a_sign_we_cannot_store(value)
    )


class MaxLength:
    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, form: Form, field: FormField) -> None:
        if len(field.data or "") > self.limit:
            raise ValidationError(
                _l(
                    "Write a shorter text. You can write %(max)d letters.",
                    max=site_value(self.limit),
                )
            )


def danish_phone(form: Form, field: FormField) -> None:
    normalised = normalise_phone(field.data)
    if normalised is None:
        raise ValidationError(WRITE_A_PHONE_NUMBER)
    field.data = normalised


def email_address(form: Form, field: FormField) -> None:
    normalised = normalise_email(field.data)
    if normalised is None:
        raise ValidationError(WRITE_AN_EMAIL)
    field.data = normalised


def phone_or_email(form: Form, field: FormField) -> None:
    if "@" in field.data:
        normalised = normalise_email(field.data)
    else:
        normalised = normalise_phone(field.data)
    if normalised is None:
        raise ValidationError(WRITE_PHONE_OR_EMAIL)
    field.data = normalised


FORMAT_CHECKS = {
    "phone": [danish_phone],
    "email": [email_address],
    "phone_or_email": [phone_or_email],
}
