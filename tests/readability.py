"""Easy-read measured: LIX and sentence length of the Danish a person reads.

Words and long words are counted by textstat. Sentences are counted from the page's own
structure (each heading, label, list item and paragraph ends at least one sentence):
textstat's own sentence count ignores sentences of 1 or 2 words, which are most of the
labels on an easy-read page, and would overstate the words per sentence.
"""

import re
from dataclasses import dataclass

import textstat
from bs4 import BeautifulSoup

from app.domain.municipalities import MUNICIPALITIES

SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")

# Names a reader knows or does not need to read (the service, the credits on the About
# page) are not the hard words LIX looks for. Everything else counts.
# The person's own municipality is a name they know, not a hard word, whatever its length.
NAMES = {
    "KLAPjob",
    "OpenMoji",
    "Mulberry",
    "Symbols",
    "Atkinson",
    "Hyperlegible",
    "Braille",
    "Institute",
    "License",
    "Datatilsynet",
} | {word for name in MUNICIPALITIES.values() for word in re.findall(r"[^\W\d_]+", name)}


@dataclass
class Reading:
    lix: float
    words: int
    sentences: list
    long_words: list

    def longest_sentences(self, count=3):
        return sorted(self.sentences, key=textstat.lexicon_count, reverse=True)[:count]


def sentences_in(blocks):
    found = []
    for block in blocks:
        found += [s.strip() for s in SENTENCE_END.split(block) if textstat.lexicon_count(s)]
    return found


def reading(blocks):
    sentences = sentences_in(blocks)
    text = " ".join(sentences)
    words = textstat.lexicon_count(text)
    long_words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 6 and w not in NAMES]
    lix = words / len(sentences) + 100 * len(long_words) / words if words else 0.0
    return Reading(round(lix, 1), words, sentences, long_words)


def page_blocks(html):
    """The lines of text in the page's main part, as a person reads them. The names in
    the list of municipalities are names, not prose, and are left out."""
    main = BeautifulSoup(html, "html.parser").find("main")
    for option in main.find_all("option"):
        option.decompose()
    return [line for line in main.get_text("\n").splitlines() if line.strip()]
