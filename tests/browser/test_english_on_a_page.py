"""The check for English left on a Danish page (english_on_a_page.py) can tell the two
languages apart: it takes no Danish text of ours for English, finds nearly every English
one, and finds a sentence of a template that the catalogue has never seen."""

import pytest
from flask import render_template_string

from english_on_a_page import english_sentences
from seen_text import seen_lines
from test_easy_read import catalogue

UNTRANSLATED = "We will phone you within two working days of sending."
# A page of the site with one sentence that no catalogue holds: Babel shows the message id,
# in English, on the Danish page.
PAGE_WITH_A_NEW_SENTENCE = """{% extends "base.html" %}
{% block title %}{{ _("What is your name?") }}{% endblock %}
{% block content %}<h1>{{ _("What is your name?") }}</h1>
<p>{{ _("Write your whole name.") }}</p>
<p>{{ _("We will phone you within two working days of sending.") }}</p>{% endblock %}"""


def lines_of(texts):
    return [line for text in texts for line in text.splitlines() if line.strip()]


def test_no_danish_text_of_ours_is_taken_for_english():
    assert english_sentences(lines_of(catalogue("da").values())) == []


def test_nearly_every_english_text_of_ours_is_found():
    danish, english = catalogue("da"), catalogue("en")
    lines = lines_of(t for k, t in english.items() if t != danish.get(k) and len(t.split()) >= 3)
    found = [line for line in lines if english_sentences([line])]
    assert len(found) >= 0.95 * len(lines)


@pytest.mark.browser
def test_a_template_sentence_missing_from_the_catalogue_is_found_on_the_danish_page(app, browser):
    with app.test_request_context("/", headers={"Cookie": "klapjob_lang=da"}):
        html = render_template_string(PAGE_WITH_A_NEW_SENTENCE)
    page = browser.new_page()
    page.set_content(html)
    lines = seen_lines(page)
    page.close()
    assert "Skriv hele dit navn." in lines, "the page is in Danish"
    assert english_sentences(lines) == [UNTRANSLATED]
