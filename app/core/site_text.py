"""Which texts the site itself wrote, and which hold something a person typed or was given.

Read-aloud keeps the clips of texts that are the same for everybody and serves them to
everybody; a text that holds a person's name, code, address, answers or a date about them
must never go there. So every text is personal unless it is known to be the site's own:

  - a message from the catalogue (gettext, lazy_gettext, and so every text in steps.py),
    with no values, or only values that are themselves the site's;
  - a setting, or another value the site chose, wrapped in `site_value()`.

Everything else is personal, and so is anything made from a site text (joining, `%`,
slicing: Python gives back a plain str). A template author cannot make a person's text
shared by accident; only `site_value()` says "the site wrote this", in plain sight.

How it reaches the page reader: in a page that is read aloud, Jinja prints each site text
between two Unicode noncharacters, one pair a line (web/templating.py). speech/page.py reads
each block's text and shares it only when all of it was between marks. The marks leave every
response and every mail (`without_marks`), and a person cannot type them
(domain/questions/validators.py, and the templates' `finalize` drops them from anything not
the site's).
"""

import re

from flask_babel import get_translations
from flask_babel.speaklater import LazyString

START, END = "\ufdd0", "\ufdd1"
_MARKED = re.compile(f"{START}[^{START}{END}]*{END}")
TEXT_TYPES = ("text/html", "text/plain")


class SiteText(str):
    """A text the site wrote. Anything made from it is a plain str again: personal."""

    __slots__ = ()


class SiteNumber(int):
    """A number the site chose (a setting, a count of questions)."""


def site_value(value: int | str | LazyString) -> SiteNumber | SiteText:
    """Mark a value the site chose itself (a setting, a version) as the site's."""
    if isinstance(value, bool) or not isinstance(value, (int, str, LazyString)):
        raise TypeError(f"not a text or a number: {value!r}")
    return SiteNumber(value) if isinstance(value, int) else SiteText(value)


def is_site(value: object) -> bool:
    if isinstance(value, (SiteText, SiteNumber)):
        return True
    if isinstance(value, LazyString):  # lazy_gettext: the message ids, and values if any
        return all(isinstance(a, str) or is_site(a) for a in value._args) and all(
            is_site(v) for v in value._kwargs.values()
        )
    return False


def gettext(string: str, **variables: object) -> str:
    """flask_babel's gettext, but a SiteText when no value is a person's."""
    text = get_translations().ugettext(string)
    text = text % variables if variables else text
    return SiteText(text) if all(is_site(v) for v in variables.values()) else text


def ngettext(singular: str, plural: str, num: int, **variables: object) -> str:
    variables.setdefault("num", num)
    text = get_translations().ungettext(singular, plural, num) % variables
    return SiteText(text) if all(is_site(v) for v in variables.values()) else text


def joined(*texts: object) -> str:
    """Texts said as one, a space between: the site's only when every one of them is."""
    parts = [text for text in texts if text]
    together = " ".join(str(text) for text in parts)
    return SiteText(together) if all(is_site(text) for text in parts) else together


def lines(text: object) -> list[str]:
    """Easy-read texts keep one sentence a line; each line stays the site's if it was."""
    found = [line.strip() for line in str(text).splitlines() if line.strip()]
    return [SiteText(line) for line in found] if is_site(text) else found


def mark(text: str) -> str:
    return "\n".join(f"{START}{line}{END}" if line else line for line in text.split("\n"))


def without_marks(text: str) -> str:
    # Two replaces: str.translate deleting characters is many times slower on a whole page.
    return text.replace(START, "").replace(END, "")


def is_all_site(chunk: str) -> bool:
    """Whether all of a read block's text was printed as the site's."""
    rest = _MARKED.sub("", chunk)
    return not rest.strip() and START not in rest and END not in rest
