"""The page for relatives and professionals: plain language in short sentences, and only
what is true: how long answers are kept comes from the settings, never "nothing expires"."""

import textstat

from pages import Page
from readability import reading

MAX_LIX = 24
MAX_WORDS_IN_A_SENTENCE = 15


def lines_of_main(page):
    main = page.soup.find("main")
    for hidden in main.select(".visually-hidden, audio, [hidden]"):
        hidden.decompose()
    return [line.strip() for line in main.get_text("\n").splitlines() if line.strip()]


def test_a_relative_reads_short_sentences_in_plain_danish(client):
    page = Page(client.get("/for-relatives"))
    result = reading(lines_of_main(page))
    long_ones = [s for s in result.sentences if textstat.lexicon_count(s) > MAX_WORDS_IN_A_SENTENCE]
    assert long_ones == []
    assert result.lix <= MAX_LIX, sorted(set(result.long_words))


def test_a_relative_is_told_how_long_answers_and_codes_last(app):
    app.config.update(DRAFT_COOKIE_DAYS=20, PURGE_DRAFT_DAYS=25, RESUME_DAYS=14)
    text = Page(app.test_client().get("/for-relatives")).text()
    assert "De bliver gemt i 20 dage efter det sidste svar." in text
    assert "Et link eller en kode virker i 14 dage." in text
    assert "12 minutter uden et tryk" in text
    assert "udløber" not in text and "intet" not in text.lower()
