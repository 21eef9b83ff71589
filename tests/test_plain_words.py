"""An editor's gate, beyond LIX: every word on a Danish citizen page is a common Danish
word, or a word we explain, explained beside it where it first appears on that page.

Common means a Zipf frequency of at least 3.0 in wordfreq's Danish word list (once per
million words of subtitles, news, Wikipedia and web text). Measured on our own pages,
ordinary words of working life sit just above it ("kantine" 3.09, "vaskeri" 3.16,
"postnummer" 3.28, "fastfood" 3.42): a floor of 3.5 would make us explain words our
readers use every day. Below 3.0 lie the words of offices and laws ("ledighedsydelse",
"fleksjob", "jobkonsulent" score 0), which a person must have explained.

Danish writes inflections and compounds as one word. A word also counts as common when
it is a common word with an everyday ending ("hjælperen", "springes"), or two common
words written together ("bostøtte" = "bo" + "støtte", "fagperson", "postnumre").

The words of the glossary are explained wherever they appear, however common they are:
the explanation stands beside the word's first appearance on the page, in text the page
reads aloud (nothing marked data-listen-skip or aria-hidden), just before or after the word
("Du prøver et job et stykke tid. Det hedder praktik."). What a person typed, and
what staff typed about a meeting, are their own words, not ours, and are not checked.
"""

import re

from bs4 import BeautifulSoup
from wordfreq import zipf_frequency

from app.domain.municipalities import MUNICIPALITIES
from app.domain.questions.steps import FIELDS_BY_NAME
from page_states import every_page_html
from site_tour import TOUR_ANSWERS

COMMON = 3.0
# An explanation "beside" a word: it starts at most this many letters after the word.
BESIDE = 300
ENDINGS = ("ernes", "erne", "ene", "ens", "ets", "en", "et", "ne", "er", "es", "e", "s", "n")

# Words we explain, with the forms a page may use and the explanation, the same way
# every time (see ../shared/easy-read.md).
GLOSSARY = {
    "førtidspension": (
        ("førtidspension", "førtidspensionen"),
        "penge, som nogle får hver måned",
    ),
    "skånejob": (
        ("skånejob", "skånejobbet"),
        "et skånejob er et job med løn for folk på førtidspension",
    ),
    "fleksjob": (("fleksjob", "fleksjobbet"), "et fleksjob er et job med færre timer"),
    "ledighedsydelse": (("ledighedsydelse",), "det er penge fra kommunen"),
    "praktik": (("praktik", "praktikken"), "du prøver et job et stykke tid. det hedder praktik"),
    "jobkonsulent": (
        ("jobkonsulent", "jobkonsulenten", "jobkonsulenter"),
        "en jobkonsulent hjælper dig med at få et job",
    ),
    "jobcenter": (
        ("jobcenter", "jobcentret", "jobcenteret", "jobcentre"),
        "jobcentret er en del af din kommune",
    ),
    "ambassadør": (
        ("ambassadør", "ambassadøren", "ambassadører"),
        "en ambassadør har selv fået job med hjælp fra klapjob",
    ),
    "STU": (("stu",), "stu er en uddannelse for unge med brug for støtte"),
    "ressourceforløb": (
        ("ressourceforløb", "ressourceforløbet"),
        "et ressourceforløb er en plan fra kommunen",
    ),
    "jobkaravane": (
        ("jobkaravane", "jobkaravanen"),
        "en jobkaravane er et møde om job for folk på førtidspension",
    ),
}

# Names: of the service and its makers, of places, and the credits on the About page.
NAMES = {
    "klapjob",
    "klapjobs",
    "lev",
    "postnord",
    "openmoji",
    "mulberry",
    "symbols",
    "steve",
    "lee",
    "atkinson",
    "hyperlegible",
    "braille",
    "institute",
    "sil",
    "open",
    "font",
    "license",
    "cc",
    "by",
    "sa",
    "datatilsynet",
    *(name.lower() for name in MUNICIPALITIES.values()),
}
ADDRESSES = re.compile(r"\S+@\S+|\S+\.(?:dk|org|com)\S*")
WORDS = re.compile(r"[^\W\d_]+")
# Staff's words about the meeting in tests/site_tour.py.
MEETING_TEXT = ("Jobcenter Aarhus", "Vi fortæller om job. Du kan spørge om alt.")


def is_common(word):
    word = word.lower()
    if zipf_frequency(word, "da") >= COMMON:
        return True
    stems = [word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= 2]
    if any(zipf_frequency(stem, "da") >= COMMON for stem in stems):
        return True
    return any(
        is_known_part(word[:i]) and is_common_ending(word[i:]) for i in range(2, len(word) - 1)
    )


def is_known_part(part):
    """The first part of a compound, with or without the linking s of Danish."""
    return any(
        zipf_frequency(p, "da") >= COMMON
        for p in (part, part[:-1] if part.endswith("s") else part)
        if len(p) >= 2
    )


def is_common_ending(part):
    if len(part) < 2:
        return False
    if zipf_frequency(part, "da") >= COMMON:
        return True
    return any(
        part.endswith(e) and zipf_frequency(part[: -len(e)], "da") >= COMMON
        for e in ENDINGS
        if len(part) - len(e) >= 2
    )


def typed_texts():
    """What the people in the tour typed themselves (not the answers they chose)."""
    texts = set(MEETING_TEXT)
    for answers in TOUR_ANSWERS.values():
        for name, value in answers.items():
            spec = FIELDS_BY_NAME[name]
            if not spec.has_choices and spec.kind != "confirm":
                texts.add(value)
    return {text for text in texts if len(text) > 3}


def read_aloud_text(html):
    """The main part of the page as it is read aloud, without what people typed."""
    main = BeautifulSoup(html, "html.parser").find("main")
    for element in main.select("[data-listen-skip], [aria-hidden=true], option, script, style"):
        element.decompose()
    text = " ".join(main.get_text(" ").split())
    for typed in sorted(typed_texts(), key=len, reverse=True):
        text = text.replace(typed, " ")
    return ADDRESSES.sub(" ", text)


def uncommon_words(text):
    return {
        w
        for w in WORDS.findall(text)
        if w.lower() not in NAMES
        and not is_common(w)
        and not any(w.lower() in forms for forms, _ in GLOSSARY.values())
    }


def unexplained_words(text):
    lowered = text.lower()
    missing = set()
    for word, (forms, explanation) in GLOSSARY.items():
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
        first = pattern.search(lowered)
        if first is None:
            continue
        beside = lowered[
            max(0, first.start() - BESIDE - len(explanation)) : first.end()
            + BESIDE
            + len(explanation)
        ]
        if explanation not in beside:
            missing.add(word)
    return missing


def test_the_gate_knows_an_everyday_word_from_an_office_word():
    assert all(is_common(w) for w in ("kantine", "hjælperen", "bostøtte", "postnumre"))
    assert not any(is_common(w) for w in ("fleksjob", "visitation", "revalidering"))
    assert unexplained_words("Du får et fleksjob. Et fleksjob er et job med færre timer.") == set()
    assert unexplained_words(
        "Du får et fleksjob. " + "Ord. " * 100 + "Et fleksjob er et job med færre timer."
    ) == {"fleksjob"}


def test_every_word_on_a_danish_page_is_common_or_explained_beside_it(app, client):
    client.set_cookie("klapjob_lang", "da")
    failing = {}
    for name, html in every_page_html(app, client):
        text = read_aloud_text(html)
        words = sorted(uncommon_words(text)) + sorted(
            f"{word} (not explained)" for word in unexplained_words(text)
        )
        if words:
            failing[name] = words
    assert failing == {}, "words to change, or to explain beside them"
