"""How a step is shown: everything the template needs, worked out here and not in Jinja."""

from dataclasses import dataclass

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


def described_by(step, spec, field, is_heading):
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


def chosen_values(field):
    data = field.data
    if isinstance(data, list):
        return set(data)
    return {data} if data else set()


def revealed_by(spec):
    name = getattr(spec.show_if, "answer_name", None)
    return (name, spec.show_if.answer_values) if name else None


def questions_on_page(step, form, answers):
    questions = []
    for spec in step.fields:
        is_heading = spec is step.heading_field
        field = form[spec.name]
        input_type, input_mode = INPUT_TYPES.get(spec.kind, (None, None))
        questions.append(
            Question(
                spec=spec,
                field=field,
                is_heading=is_heading,
                choices=spec.visible_choices(answers),
                chosen=chosen_values(field),
                input_type=input_type,
                input_mode=input_mode,
                width=INPUT_WIDTHS.get(spec.kind, "medium"),
                described_by=described_by(step, spec, field, is_heading),
                reveal_with=revealed_by(spec),
            )
        )
    return questions


def error_list(step, form):
    """(id to jump to, message) for each field with a problem, in page order."""
    errors = []
    for spec in step.fields:
        field = form[spec.name]
        if field.errors:
            target = f"{field.id}-0" if spec.kind in ("radio", "checkboxes") else field.id
            errors.append((target, field.errors[0]))
    return errors


def form_errors(form):
    """(field id, its first message) for each field of any form with a problem."""
    return [(field.id, field.errors[0]) for field in form if field.errors]
