"""The access printout tells a person in words what happened to their case: every kind of
history line the back office writes has its words, so none reads "Something was written
down"."""

import re

from app.config import ROOT
from app.staff.cases.data.calls import NO_ANSWER
from app.staff.data_requests.data.access_printout import HISTORY_WORDS

WRITTEN = re.compile(r"""add_history\(\s*\w+,\s*\w+,\s*\w+,\s*(?:"(\w+)"|(NO_ANSWER))""")


def kinds_written_by_the_back_office():
    kinds = set()
    for path in ROOT.glob("app/**/*.py"):
        for literal, _constant in WRITTEN.findall(path.read_text()):
            kinds.add(literal or NO_ANSWER)
    return kinds


def test_every_kind_of_history_line_has_words_in_the_access_printout():
    kinds = kinds_written_by_the_back_office()
    assert len(kinds) > 10, "the search finds the back office's history lines"
    assert sorted(kinds - set(HISTORY_WORDS)) == []
