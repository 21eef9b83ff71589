"""What a screen reader hears, from Chromium's own accessibility tree (Playwright's aria
snapshot and accessible names): on every question, empty and with its errors, the question
comes as the heading, then its hint, then its error, then its choices, in reading order;
each field is named by its question and described by its hint and error; and every listen
button says what it reads."""

import re

import pytest
from playwright.sync_api import expect

from app.domain.questions.steps import STEPS
from site_tour import tour

pytestmark = pytest.mark.browser

QUESTION_STATES = {step.key for step in STEPS} | {f"{step.key}-error" for step in STEPS}

# What the page shows of its questions, in the order it stands: the heading, each question's
# label, hint, error and the words of each choice (its explanation is heard with it).
QUESTION_PARTS = """
() => {
  const lines = e => e.innerText.split('\\n').map(l => l.replace(/\\s+/g, ' ').trim()).filter(Boolean);
  const parts = [];
  const selector = 'main h1, main .hint, main .why, main .field-label, main .error-message, main .choice-card__text';
  for (const e of document.querySelectorAll(selector)) {
    if (!e.checkVisibility() || e.closest('.error-summary')) continue;
    const kind = e.matches('h1') ? 'heading' : e.matches('.error-message') ? 'error'
      : e.matches('.choice-card__text') ? 'choice' : e.matches('.field-label') ? 'label' : 'hint';
    const text = kind === 'choice' ? lines(e)[0] : kind === 'error' ? lines(e).join(' ') : null;
    for (const line of text ? [text] : lines(e)) parts.push({kind, text: line});
  }
  return parts;
}
"""

# Each speaker and the words of what it reads.
SPEAKERS = """
() => [...document.querySelectorAll('[data-listen-target]')]
  .filter(control => control.querySelector('.listen__button').checkVisibility())
  .map(control => {
  const target = document.getElementById(control.getAttribute('data-listen-target'));
  return {id: control.getAttribute('data-listen-target'),
          reads: target ? target.innerText.replace(/\\s+/g, ' ').trim() : null};
})
"""


def position(lines, text, after):
    """The first line from `after` on that says `text` (as heading, paragraph or control).
    A soft hyphen (a long compound's joint, word_joints.py) is drawn only at a line's end and
    is not in what a screen reader hears."""
    text = text.replace("\u00ad", "")
    for index in range(after, len(lines)):
        if text in lines[index]:
            return index
    raise AssertionError(f"not heard after line {after}: {text!r}\n" + "\n".join(lines))


def check_reading_order(page):
    """Each part is heard, in the order it stands, the heading as a level 1 heading."""
    parts = page.evaluate(QUESTION_PARTS)
    lines = page.locator("main").aria_snapshot().splitlines()
    at = -1
    for part in parts:
        heard = f'heading "{part["text"]}" [level=1]' if part["kind"] == "heading" else part["text"]
        at = position(lines, heard, at + 1)
    assert [p["kind"] for p in parts][:1] == ["heading"] or "heading" in [p["kind"] for p in parts]
    return parts


def check_fields_are_described(page):
    """A field with an error is described by it (its hint is named in aria-describedby)."""
    for field in page.locator("main [aria-invalid=true], main fieldset[aria-describedby]").all():
        ids = (field.get_attribute("aria-describedby") or "").split()
        errors = [i for i in ids if i.endswith("-error")]
        for error in errors:
            words = page.locator(f"#{error}").inner_text().split(":", 1)[-1].strip()
            expect(field).to_have_accessible_description(re.compile(re.escape(words)))
        if field.get_attribute("aria-invalid") == "true":
            assert errors, f"{field.get_attribute('name')}: invalid, but no error describes it"


def check_speakers_say_what_they_read(page):
    for speaker in page.evaluate(SPEAKERS):
        assert speaker["reads"], f"a speaker for #{speaker['id']} reads nothing on the page"
        button = page.locator(f'[data-listen-target="{speaker["id"]}"] .listen__button')
        expect(button).to_have_accessible_name(f"Lyt til: {speaker['reads']}")
    expect(page.locator("[data-listen-page] .listen__button")).to_have_accessible_name(
        "Lyt til hele siden"
    )


def test_every_question_is_heard_as_heading_hint_error_and_choices(tablet, live_server):
    heard = []
    for state in tour(tablet, live_server.app):
        if state not in QUESTION_STATES:
            continue
        check_reading_order(tablet)
        check_fields_are_described(tablet)
        check_speakers_say_what_they_read(tablet)
        heard.append(state)
    required = [step for step in STEPS if not step.optional]
    assert len(heard) >= len(STEPS) + len(required), (
        "every question, and the errors of those not optional"
    )
