"""The English pages read as an English editor would write them, not as Danish sentences in
English words (issue 21, section 4): no Danish date pattern, no calques, no false friends,
and the terms of the Danish system named the same way every time."""

import re
from datetime import datetime
from types import SimpleNamespace

import pytest
from flask_babel import force_locale

from test_easy_read import catalogue

# A Danish sentence in English words, and why an English reader trips on it.
CALQUES = {
    r"\bunemployment benefit \(ledighedsydelse\)": "ledighedsydelse is not dagpenge",
    r"\ban education\b": "education is uncountable in English",
    r"\b\d{1,2}\. (January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b": "a Danish date: 11. December",
    r"^Have (we|you) not\b": "Danish word order: Har vi ikke ringet?",
    r"\bThen call us\b": "Danish: Så ring til os",
    r"\babout you who\b": "Danish: om dig, der hjælper",
    r"\bwhole name\b": "Danish: hele dit navn",
    r"^Is there something\b": "a question asks for anything",
    r"^Do you want to tell more\b": "Danish: Vil du fortælle mere?",
    r"^Who are (they|you) to\b": "Danish: Hvem er de for dig?",
    r"\bmake a time\b": "Danish: lave en aftale",
    r"\ba sign we cannot\b": "Danish: tegn is a character",
    r"^It is a job consultant": "Danish: Det er en jobkonsulent",
    r"\bsocial educator\b": "Danish: pædagog",
    r"\bthe trip to work\b": "Danish: turen til arbejde",
    r"\bflexjob\b": "one term everywhere: flex job",
}


def english_texts():
    return [text for text in catalogue("en").values() if text]


@pytest.mark.parametrize("pattern", CALQUES, ids=list(CALQUES.values()))
def test_no_english_text_is_a_danish_sentence_in_english_words(pattern):
    found = [
        text
        for text in english_texts()
        for line in text.splitlines()
        if re.search(pattern, line, re.IGNORECASE)
    ]
    assert found == [], CALQUES[pattern]


def test_a_meeting_day_in_english_is_written_the_english_way(app):
    from app.citizen.meetings.views import when

    meeting = SimpleNamespace(starts_at=datetime(2026, 12, 11, 9, 0))
    with app.test_request_context(), force_locale("en"):
        said = when(meeting)
    assert re.fullmatch(r"Friday 11 December 2026 at \d\d:\d\d", said), said
    with app.test_request_context(), force_locale("da"):
        assert when(meeting).startswith("fredag den 11. december 2026 kl.")
