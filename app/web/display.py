"""How the page looks for this person: text size, contrast, spacing, motion and how many
pictures. Chosen once on the settings page, kept in a cookie, applied as classes on <html>,
so it works without JavaScript and survives the journey and the language switch.

The settings page is made of the same Steps, Fields and Choices as the journey.
"""

from collections.abc import Mapping

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.domain.questions.model import Choice, Field, Step
from app.web.cookies import DISPLAY_COOKIE, read_cookie

DISPLAY_COOKIE_DAYS = 365

SETTINGS = Step(
    key="display",
    question=_l("Change how the page looks"),
    pictogram="settings",
    hint=_l("Choose what is good for you."),
    fields=(
        Field(
            "text_size",
            "radio",
            _l("How big should the letters be?"),
            error_required=_l("Choose how big the letters should be"),
            choices=(
                Choice("normal", _l("Normal")),
                Choice("large", _l("Big")),
                Choice("larger", _l("Bigger")),
                Choice("largest", _l("Very big")),
            ),
        ),
        Field(
            "contrast",
            "radio",
            _l("Which colours?"),
            error_required=_l("Choose the colours"),
            choices=(
                Choice("normal", _l("Dark text on white")),
                Choice("high", _l("White text on black")),
            ),
        ),
        Field(
            "spacing",
            "radio",
            _l("Space between letters and lines"),
            error_required=_l("Choose the space"),
            choices=(Choice("normal", _l("Normal")), Choice("wide", _l("More space"))),
        ),
        Field(
            "motion",
            "radio",
            _l("Things that move on the page"),
            error_required=_l("Choose if things may move"),
            choices=(
                Choice("normal", _l("They may move")),
                Choice("reduced", _l("As little as possible")),
            ),
        ),
        Field(
            "pictures",
            "radio",
            _l("How many pictures?"),
            error_required=_l("Choose how many pictures"),
            choices=(
                Choice("many", _l("Many pictures")),
                Choice("few", _l("Few pictures")),
            ),
        ),
    ),
)

DEFAULTS = {spec.name: spec.choices[0].value for spec in SETTINGS.fields}
ALLOWED = {spec.name: {choice.value for choice in spec.choices} for spec in SETTINGS.fields}


def parse(cookie_value: str | None) -> dict[str, str]:
    """Settings from the cookie; anything unknown falls back to the default."""
    settings = dict(DEFAULTS)
    for part in (cookie_value or "").split("&"):
        name, _, value = part.partition("=")
        if value in ALLOWED.get(name, ()):
            settings[name] = value
    return settings


def serialise(settings: Mapping[str, str]) -> str:
    # "&" and "=" are allowed in a cookie value as they are; ";" and "," are not.
    return "&".join(f"{name}={settings[name]}" for name in DEFAULTS)


def current_settings() -> dict[str, str]:
    return parse(read_cookie(DISPLAY_COOKIE))


def html_classes(settings: Mapping[str, str]) -> str:
    """'text-large contrast-high' ...: only the settings that differ from the default."""
    return " ".join(
        f"{name.replace('_', '-')}-{value}"
        for name, value in settings.items()
        if value != DEFAULTS[name]
    )


def template_globals() -> dict[str, str]:
    return {"display_classes": html_classes(current_settings())}


def init_app(app: Flask) -> None:
    app.context_processor(template_globals)
