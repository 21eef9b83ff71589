"""The person's display settings (app/web/display.py), as the tests show them: the server puts
them as classes on <html>, and nothing else; the tests swap those classes on a page already
shown, which draws it exactly as the server would (test_display.py proves the classes)."""

from app.web.display import DEFAULTS, SETTINGS, html_classes

ALL_CLASSES = sorted(
    html_classes({**DEFAULTS, field.name: choice.value})
    for field in SETTINGS.fields
    for choice in field.choices
    if choice.value != DEFAULTS[field.name]
)
WHITE_ON_BLACK = {"contrast": "high"}
EVERYTHING = {field.name: field.choices[-1].value for field in SETTINGS.fields}


def each_setting_alone():
    """Every choice that is not the default, one at a time: {'text_size': 'large'} ..."""
    return [
        {field.name: choice.value}
        for field in SETTINGS.fields
        for choice in field.choices
        if choice.value != DEFAULTS[field.name]
    ]


def cookie_value(settings):
    from app.web.display import serialise

    return serialise({**DEFAULTS, **settings})


def name_of(settings):
    return "+".join(f"{value}" for value in settings.values()) or "default"


def show_with(page, settings):
    """Draw the page as the server would for `settings` (other classes on <html> stay)."""
    page.evaluate(
        """([remove, add]) => {
             const root = document.documentElement.classList;
             remove.forEach(name => root.remove(name));
             add.filter(Boolean).forEach(name => root.add(name));
           }""",
        [ALL_CLASSES, html_classes({**DEFAULTS, **settings}).split(" ")],
    )
