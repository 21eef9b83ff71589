"""Whether a text is the site's own (and so may be kept and shared as sound) is decided by
where it comes from. A template author cannot make a person's text the site's by accident:
a value nobody marked is personal, and so is anything made from it."""

import pytest
from flask import render_template_string

from app.core.site_text import SiteText, is_all_site, joined, mark, site_value, without_marks
from app.domain.questions.steps import STEPS_BY_KEY


def listens_to(app, template, **context):
    """Render `template` in a citizen page's request: (shared addresses, own addresses)."""
    with app.test_request_context("/help"):
        app.preprocess_request()
        from flask import g

        g.mark_site_texts = True
        html = render_template_string(
            '{% from "components/listen.html" import listen %}' + template, **context
        )
        from app.speech.page import listening

        page = listening().page(html)
    sources = [value for value in str(page.html).split('"') if value.startswith("/listen/")]
    shared = [s for s in sources if s.startswith("/listen/clip/")]
    own = [s for s in sources if s.startswith("/listen/own/")]
    return shared, own


@pytest.mark.parametrize(
    "template, context",
    [
        ("<h1>{{ _('Call KLAPjob on %(phone)s.', phone=phone) }}</h1>", {"phone": "20304050"}),
        ("<h1>{{ _('Help') ~ name }}</h1>", {"name": "Mette"}),
        ("<h1>{{ _('Help') }} {{ name }}</h1>", {"name": "Mette"}),
        ("<h1>{{ name }}</h1>", {"name": "\ufdd0Mette\ufdd1"}),  # a person cannot forge the mark
        ("<h1>{{ name|upper }}</h1>", {"name": SiteText("help")}),
        ("<h1>{{ step.question|string }}</h1>", {"step": STEPS_BY_KEY["name"]}),
        # Text only the template has is not a catalogue message either: it goes in the message.
        ("<h1>Hjælp</h1>", {}),
        ("<h1>{{ _('Help') }}: {{ _('Help') }}</h1>", {}),
    ],
)
def test_anything_not_marked_as_the_sites_is_personal(app, template, context):
    shared, own = listens_to(app, template, **context)
    assert shared == [] and own, template


@pytest.mark.parametrize(
    "template, context",
    [
        ("<h1>{{ _('Help') }}</h1>", {}),
        ("<h1>{{ _('Call KLAPjob on %(phone)s.', phone=help_phone) }}</h1>", {}),
        ("<h1>{{ step.question }}</h1>", {"step": STEPS_BY_KEY["name"]}),
        (
            "<h1>{{ _('Help') }}</h1><p>{{ _('Help') }}\n {{ step.question }}</p>",
            {"step": STEPS_BY_KEY["name"]},
        ),
    ],
)
def test_catalogue_messages_steps_and_settings_are_the_sites(app, template, context):
    shared, own = listens_to(app, template, **context)
    assert shared and own == [], template


def test_a_control_is_the_sites_only_when_every_text_in_it_is(app):
    with app.test_request_context("/help"):
        from app.speech.page import listening

        question = STEPS_BY_KEY["name"].question
        assert listening().control(question).src.startswith("/listen/clip/")
        assert listening().control(question, "Mette").src.startswith("/listen/own/")
        assert (
            listening()
            .control(joined(question, SiteText("(valgfrit)")))
            .src.startswith("/listen/clip/")
        )
        assert listening().control(joined(question, "Mette")).src.startswith("/listen/own/")


def test_the_marks_themselves():
    assert without_marks(mark("En\nTo")) == "En\nTo"
    assert is_all_site(mark("En") + " " + mark("To")) and not is_all_site(mark("En") + " x")
    assert not is_all_site("\ufdd0En")
    with pytest.raises(TypeError):
        site_value(["a list"])
