"""How a step is shown: everything the template needs, worked out here and not in Jinja."""

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.domain.municipalities import NOT_KNOWN, municipality_name
from app.domain.places import Found
from app.domain.questions.model import AnswerIs, Answers, Choice, Field, Step

INPUT_TYPES = {
    "radio": ("radio", None),
    "checkboxes": ("checkbox", None),
    "phone": ("tel", "tel"),
    "email": ("email", "email"),
    "phone_or_email": ("text", None),
    "text": ("text", None),
}

INPUT_WIDTHS = {"phone": "short", "email": "long", "phone_or_email": "long"}


@dataclass
class Question:
    spec: object
    field: object
    is_heading: bool
    choices: list
    chosen: set
    input_type: str | None
    input_mode: str | None
    width: str
    described_by: str
    # A follow-up shown only after one answer: (field name, values), for the page's script.
    reveal_with: tuple | None = None
    # What a search of a long list found (see places.py), and what it says about it.
    found: object = None
    found_lines: list | None = None
    # A free-text answer's recording in the person's own voice (citizen.journey.voice).
    voice: object = None


def described_by(step: Step, spec: Field, field: Any, is_heading: bool) -> str:
    ids = []
    if is_heading and step.hint:
        ids.append("step-hint")
    if is_heading and step.why:
        ids.append("step-why")
    if spec.hint:
        ids.append(f"{field.id}-hint")
    if field.errors:
        ids.append(f"{field.id}-error")
    return " ".join(ids)


def chosen_values(field: Any) -> set[str]:
    data = field.data
    if isinstance(data, list):
        return set(data)
    return {data} if data else set()


def revealed_by(spec: Field) -> tuple[str, tuple[str, ...]] | None:
    shown_if = spec.show_if
    if isinstance(shown_if, AnswerIs) and shown_if.answer_name:
        return shown_if.answer_name, shown_if.answer_values
    return None


def narrowed(choices: list[Choice], found: Found | None) -> list[Choice]:
    """The choices a search found, with "I don't know" kept."""
    if found is None or not found.places:
        return choices
    kept = {NOT_KNOWN, *found.municipality_codes}
    return [choice for choice in choices if choice.value in kept]


def what_was_found(found: Found | None) -> list[str] | None:
    """The lines that tell a person what their search found."""
    if found is None:
        return None
    codes = found.municipality_codes
    if not codes:
        return [
            _("We found nothing for %(text)s.", text=found.searched_for),
            _("Check what you wrote, or choose I don't know."),
        ]
    if len(codes) == 1:
        return [
            _("We found your municipality: %(name)s.", name=municipality_name(codes[0])),
            _("Press Next if it is right."),
        ]
    lines = [_("We found more than 1 municipality. Choose yours from the list.")]
    for place in found.places:
        names = ", ".join(municipality_name(code) or code for code in place.municipality_codes)
        lines.append(f"{place.postcode} {place.town}: {names}".strip())
    return lines


def questions_on_page(
    step: Step, form: Any, answers: Answers, found: Found | None = None
) -> list[Question]:
    questions = []
    for spec in step.fields:
        is_heading = spec is step.heading_field
        field = form[spec.name]
        input_type, input_mode = INPUT_TYPES.get(spec.kind, (None, None))
        found_here = found if spec.finder else None
        questions.append(
            Question(
                spec=spec,
                field=field,
                is_heading=is_heading,
                choices=narrowed(spec.visible_choices(answers), found_here),
                chosen=chosen_values(field),
                input_type=input_type,
                input_mode=input_mode,
                width=INPUT_WIDTHS.get(spec.kind, "medium"),
                described_by=described_by(step, spec, field, is_heading),
                reveal_with=revealed_by(spec),
                found=found_here,
                found_lines=what_was_found(found_here),
            )
        )
    return questions


def finder_field(step: Step) -> Field | None:
    return next((spec for spec in step.fields if spec.finder), None)


def search_asked_for(step: Step, formdata: MultiDict[str, str]) -> tuple[Field, str] | None:
    """(field spec, typed words) when the person asked to search a long list: they
    pressed Find, or pressed Next (or Enter) with words typed and nothing chosen yet."""
    spec = finder_field(step)
    if spec is None:
        return None
    typed = (formdata.get(f"{spec.name}_find") or "").strip()
    if formdata.get("find") == spec.name or (typed and not formdata.get(spec.name)):
        return spec, typed
    return None


def search_words_kept(
    step: Step, formdata: MultiDict[str, str], answers: Answers
) -> dict[str, str]:
    """The postcode or town typed to find the municipality, kept as the answer to the
    question about it that comes later: asked once (WCAG 3.3.7), and kept for the
    consultant, since a trip to work says little without it."""
    spec = finder_field(step)
    if spec is None or not spec.search_kept_as or answers.get(spec.search_kept_as):
        return {}
    typed = (formdata.get(f"{spec.name}_find") or "").strip()
    return {spec.search_kept_as: typed[:60]} if typed else {}


def error_list(step: Step, form: Any) -> list[tuple[str, str]]:
    """(id to jump to, message) for each field with a problem, in page order."""
    errors = []
    for spec in step.fields:
        field = form[spec.name]
        if field.errors:
            target = f"{field.id}-0" if spec.kind in ("radio", "checkboxes") else field.id
            errors.append((target, field.errors[0]))
    return errors


def form_errors(form: Any) -> list[tuple[str, str]]:
    """(field id, its first message) for each field of any form with a problem."""
    return [(field.id, field.errors[0]) for field in form if field.errors]
