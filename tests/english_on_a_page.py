"""English left on a Danish page: a sentence is English when lingua (a language detector,
from PyPI) says so and most of its words are words the English catalogue uses and the Danish
one does not. Names (KLAPjob, OpenMoji ...) and numbers are left out first."""

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

from readability import NAMES

WORD = re.compile(r"[^\W\d_]+")
SENTENCE = re.compile(r"(?<=[.!?:])\s+")


@lru_cache(maxsize=1)
def detector():
    return LanguageDetectorBuilder.from_languages(Language.DANISH, Language.ENGLISH).build()


@lru_cache(maxsize=1)
def english_only_words():
    from test_easy_read import catalogue

    def words(texts):
        return {w.lower() for text in texts for w in WORD.findall(text)}

    return words(catalogue("en").values()) - words(catalogue("da").values())


def english_sentences(lines):
    found = []
    for line in lines:
        for sentence in SENTENCE.split(line):
            words = [w for w in WORD.findall(sentence) if w not in NAMES]
            if not words:
                continue
            english = [w for w in words if w.lower() in english_only_words()]
            confidence = detector().compute_language_confidence(" ".join(words), Language.ENGLISH)
            if english and (len(english) * 2 >= len(words) or confidence >= 0.8):
                found.append(sentence)
    return found
