"""Easy-read proved on the catalogue: every Danish text for citizens, each on its own, at
LIX 24 or lower (texts of 10 words or more: LIX means little on a 3-word label, which the
pages' own LIX covers in tests/browser/test_accessibility.py), no sentence over 15 words,
and no message the code uses missing from the Danish catalogue."""

import textstat
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.config import ROOT
from readability import reading, sentences_in

MAX_LIX = 24
MAX_WORDS_IN_A_SENTENCE = 15
LIX_FROM_WORDS = 10
CITIZEN_SOURCES = [
    "app/citizen",
    "app/domain/questions",
    "app/domain/registrations",
    "app/domain/meetings.py",
    "app/web/display.py",
    "app/web/step_forms.py",
    "app/web/question_page.py",
    "templates/journey",
    "templates/pages",
    "templates/meetings",
    "templates/components",
    "templates/errors",
    "templates/email/receipt.txt",
    "templates/email/resume_link.txt",
    "templates/base.html",
]
KEYWORDS = {"_": None, "_l": None, "gettext": None, "lazy_gettext": None}


def catalogue(language):
    """Message id -> translation; a plural message gives one entry per form."""
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as f:
        messages = [m for m in read_po(f) if m.id]
    texts = {}
    for message in messages:
        if isinstance(message.id, tuple):
            texts.update(zip(message.id, message.string, strict=False))
        else:
            texts[message.id] = message.string
    return texts


def citizen_message_ids():
    ids = set()
    for source in CITIZEN_SOURCES:
        path = ROOT / source
        if path.is_file():
            method = "python" if path.suffix == ".py" else "jinja2"
            folder, method_map = str(path.parent), [(path.name, method)]
        else:
            folder = str(path)
            method_map = [("**.py", "python"), ("**.html", "jinja2"), ("**.txt", "jinja2")]
        for _, _, message, _, _ in extract_from_dir(folder, method_map, keywords=KEYWORDS):
            ids.add(message if isinstance(message, str) else message[0])
    return ids


def citizen_texts():
    danish = catalogue("da")
    ids = citizen_message_ids()
    missing = sorted(i for i in ids if not danish.get(i))
    assert missing == [], "citizen texts missing from the Danish catalogue"
    return [danish[i] for i in ids]


def test_every_danish_text_for_citizens_is_easy_to_read_on_its_own():
    texts = citizen_texts()
    assert len(texts) > 200
    too_hard = {}
    for text in texts:
        result = reading([text])
        if result.words >= LIX_FROM_WORDS and result.lix > MAX_LIX:
            too_hard[text] = (result.lix, sorted(set(result.long_words)))
    assert too_hard == {}


def test_no_sentence_of_a_danish_text_is_longer_than_15_words():
    too_long = [
        s
        for s in sentences_in(citizen_texts())
        if textstat.lexicon_count(s) > MAX_WORDS_IN_A_SENTENCE
    ]
    assert too_long == []
