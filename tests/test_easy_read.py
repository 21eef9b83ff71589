"""Easy-read proved: Danish at LIX 24 or lower, no sentence over 15 words, and no English
left on a Danish page."""

import textstat
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.config import ROOT
from page_states import every_page_state
from readability import page_blocks, reading, sentences_in

MAX_LIX = 24
MAX_WORDS_IN_A_SENTENCE = 15
CITIZEN_SOURCES = ["app/journey", "app/pages", "templates/journey", "templates/pages",
                   "templates/components", "templates/errors", "templates/email"]


def catalogue(language):
    """Message id -> translation; a plural message gives one entry per form."""
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as f:
        messages = [m for m in read_po(f) if m.id]
    texts = {}
    for message in messages:
        if isinstance(message.id, tuple):
            texts.update(zip(message.id, message.string))
        else:
            texts[message.id] = message.string
    return texts


def citizen_message_ids():
    method_map = [("**.py", "python"), ("**.html", "jinja2"), ("**.txt", "jinja2")]
    ids = set()
    for folder in CITIZEN_SOURCES + ["templates/base.html"]:
        path = ROOT / folder
        if path.is_file():
            folder, method_map_here = str(path.parent), [(path.name, "jinja2")]
        else:
            folder, method_map_here = str(path), method_map
        for _, _, message, _, _ in extract_from_dir(
            folder, method_map_here, keywords={"_": None, "_l": None, "gettext": None, "lazy_gettext": None}
        ):
            ids.add(message if isinstance(message, str) else message[0])
    return ids


def test_the_danish_of_every_page_is_easy_to_read(client):
    client.set_cookie("klapjob_lang", "da")
    too_hard = {}
    for name, html in every_page_state(client):
        result = reading(page_blocks(html))
        if result.lix > MAX_LIX:
            too_hard[name] = (result.lix, sorted(set(result.long_words))[:12])
    assert too_hard == {}, "pages above LIX 24, with their long words"


def test_no_sentence_on_a_danish_page_is_longer_than_15_words(client):
    client.set_cookie("klapjob_lang", "da")
    long_sentences = set()
    for _, html in every_page_state(client):
        for sentence in reading(page_blocks(html)).sentences:
            if textstat.lexicon_count(sentence) > MAX_WORDS_IN_A_SENTENCE:
                long_sentences.add(sentence)
    assert long_sentences == set()


def test_the_danish_catalogue_for_citizens_is_easy_to_read():
    danish = catalogue("da")
    texts = [danish[message_id] for message_id in citizen_message_ids() if message_id in danish]
    assert len(texts) > 200
    result = reading(texts)
    too_long = [s for s in sentences_in(texts) if textstat.lexicon_count(s) > MAX_WORDS_IN_A_SENTENCE]
    assert too_long == []
    assert result.lix <= MAX_LIX, (result.lix, result.longest_sentences())


def test_no_english_is_left_on_a_danish_page(client):
    danish, english = catalogue("da"), catalogue("en")
    english_only = {
        text for message_id, text in english.items()
        if text != danish.get(message_id) and textstat.lexicon_count(text) >= 2
    }
    client.set_cookie("klapjob_lang", "da")
    found = {}
    for name, html in every_page_state(client):
        page_text = " ".join(page_blocks(html))
        leftovers = [text for text in english_only if text in page_text]
        if leftovers:
            found[name] = leftovers
    assert found == {}
