"""A passage: the words a person sees, and the words espeak-ng is given to say them.

A passage is a few `chunks` of text: the lines of an easy-read hint, or a choice's label and
its explanation. Its spoken form applies the pronunciation list (pronunciation.toml) and ends
every chunk with a pause, so that "Ja, jeg går på STU" and "STU er en særlig skole" are not
read as one sentence. Every spoken character remembers which shown word it came from, so
that word timings from espeak-ng can highlight the words on the page.
"""

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORD = re.compile(r"\S+")
SPACES = re.compile(r"\s+")
ENDS_A_SENTENCE = tuple(".!?:;,…")
PRONUNCIATION_FILE = Path(__file__).with_name("pronunciation.toml")


def normalise(text):
    """One form for one text: Unicode NFC, and single spaces."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


@dataclass(frozen=True)
class Passage:
    language: str
    chunks: tuple

    @classmethod
    def of(cls, language, *texts):
        """A passage of `texts`; a text's own line breaks make chunks of their own."""
        chunks = []
        for text in texts:
            chunks.extend(normalise(line) for line in str(text or "").splitlines())
        return cls(language, tuple(chunk for chunk in chunks if chunk))

    @property
    def words(self):
        """The words as the page shows them, in order: what highlighting counts."""
        return [word for chunk in self.chunks for word in WORD.findall(chunk)]

    @property
    def text(self):
        return " ".join(self.chunks)

    def __bool__(self):
        return bool(self.chunks)


@dataclass(frozen=True)
class SpokenText:
    text: str
    # For each character of `text`: the index of the shown word it says, or -1.
    word_at: tuple

    def word_for_position(self, position):
        """The shown word at a 0-based character `position`; a space or pause belongs to the
        word before it."""
        for index in range(min(position, len(self.word_at) - 1), -1, -1):
            if self.word_at[index] >= 0:
                return self.word_at[index]
        return 0


@cache
def pronunciation_rules(language):
    """(compiled pattern, {written: spoken}) for a language, longest written form first."""
    with open(PRONUNCIATION_FILE, "rb") as f:
        table = tomllib.load(f).get(language, {})
    if not table:
        return None, {}
    written = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in written) + r")(?!\w)")
    return pattern, table


def spoken_form(passage):
    """The text espeak-ng reads for `passage`, with a map back to the shown words."""
    pattern, table = pronunciation_rules(passage.language)
    text, word_at = [], []
    first_word = 0
    for chunk in passage.chunks:
        words_in_chunk = word_index_per_character(chunk, first_word)
        position = 0
        for match in pattern.finditer(chunk) if pattern else ():
            start, end = match.span()
            for offset in range(position, start):
                text.append(chunk[offset])
                word_at.append(words_in_chunk[offset])
            replacement = table[match.group(0)]
            text.extend(replacement)
            word_at.extend([words_in_chunk[start]] * len(replacement))
            position = end
        for offset in range(position, len(chunk)):
            text.append(chunk[offset])
            word_at.append(words_in_chunk[offset])
        if not chunk.endswith(ENDS_A_SENTENCE):
            text.append(".")
            word_at.append(-1)
        text.append(" ")
        word_at.append(-1)
        first_word += len(WORD.findall(chunk))
    spoken = "".join(text).rstrip()
    return SpokenText(spoken, tuple(word_at[: len(spoken)]))


def word_index_per_character(chunk, first_word):
    """For each character of `chunk`, the index of its word (counting from `first_word`),
    or -1 for spaces."""
    indexes = [-1] * len(chunk)
    for number, match in enumerate(WORD.finditer(chunk)):
        for offset in range(*match.span()):
            indexes[offset] = first_word + number
    return indexes
