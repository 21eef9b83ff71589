"""What espeak-ng is given to say, and how its words find their way back to the page."""

import subprocess

import pytest

from app.speech.text import Passage, normalise, spoken_form


def phonemes(text, voice="da"):
    """How espeak-ng will say `text` (its phoneme mnemonics)."""
    result = subprocess.run(
        ["espeak-ng", "-v", voice, "-q", "-x", "--stdin"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(result.stdout.split())


@pytest.mark.parametrize(
    "shown, said",
    [
        ("Ring til KLAPjob i dag.", "Ring til Klapjob i dag."),
        ("Ja, jeg går på STU", "Ja, jeg går på S T U."),
        ("Jeg vil arbejde i REMA 1000", "Jeg vil arbejde i Rema tusind."),
        ("Jeg har ADHD.", "Jeg har A D H D."),
        ("Fx et fleksjob, f.eks. i en butik.", "Fx et fleks-job, for eksempel i en butik."),
    ],
)
def test_the_pronunciation_list_is_applied_before_speaking(shown, said):
    assert spoken_form(Passage.of("da", shown)).text == said


def test_only_whole_words_are_respelled():
    # "STUdie" and "stu" are not "STU"; "KLAPjobs" has its own entry.
    assert spoken_form(Passage.of("da", "Et STUdie i stuen")).text == "Et STUdie i stuen."
    assert spoken_form(Passage.of("da", "KLAPjobs konsulent")).text == "Klapjobs konsulent."


def test_the_respelling_makes_espeak_ng_say_klapjob_as_one_word():
    # Unspelled, espeak-ng says "KLA P job"; respelled it says "klap-job".
    assert phonemes("KLAPjob") != phonemes("Klapjob")
    assert phonemes(spoken_form(Passage.of("da", "KLAPjob")).text).startswith("kl'?Ap")


def test_english_pages_have_their_own_list():
    assert spoken_form(Passage.of("en", "KLAPjob and STU")).text == "Klap job and S T U."


def test_each_line_is_a_sentence_of_its_own():
    passage = Passage.of("da", "Ja, jeg går på STU", "STU er en særlig skole for unge.")
    assert passage.chunks == ("Ja, jeg går på STU", "STU er en særlig skole for unge.")
    assert spoken_form(passage).text == "Ja, jeg går på S T U. S T U er en særlig skole for unge."


def test_easy_read_lines_become_chunks_and_spaces_are_normalised():
    passage = Passage.of("da", "Du behøver ikke at svare.\n  Det   kan hjælpe.  \n\n")
    assert passage.chunks == ("Du behøver ikke at svare.", "Det kan hjælpe.")
    assert passage.words == ["Du", "behøver", "ikke", "at", "svare.", "Det", "kan", "hjælpe."]
    assert not Passage.of("da", "  \n ", None)


def test_every_spoken_character_knows_the_word_it_says():
    passage = Passage.of("da", "Ring til KLAPjob", "STU er godt")
    spoken = spoken_form(passage)
    said = {}
    for position, character in enumerate(spoken.text):
        if not character.isspace() and character != ".":
            said.setdefault(passage.words[spoken.word_for_position(position)], []).append(character)
    assert "".join(said["KLAPjob"]) == "Klapjob"
    assert "".join(said["STU"]) == "STU"
    assert "".join(said["godt"]) == "godt"


def test_normalising_joins_the_two_ways_to_write_a_danish_letter():
    assert normalise("sk\u00e5nejob") == normalise("ska\u030anejob")
