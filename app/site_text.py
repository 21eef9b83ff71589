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
between two Unicode noncharacters, one pair a line. speech/page.py reads each block's text
and shares it only when all of it was between marks. The marks leave every response and
every mail (`without_marks`), and a person cannot type them (journey/validators.py, and
`finalize` drops them from anything not the site's).
"""

import re

from flask import g, has_request_context
from flask_babel import get_translations
from flask_babel.speaklater import LazyString
from jinja2 import pass_context
from markupsafe import Markup

START, END = "\ufdd0", "\ufdd1"
_NO_MARKS = str.maketrans("", "", START + END)
_MARKED = re.compile(f"{START}[^{START}{END}]*{END}")
TEXT_TYPES = ("text/html", "text/plain")


class SiteText(str):
    """A text the site wrote. Anything made from it is a plain str again: personal."""

    __slots__ = ()


class SiteNumber(int):
    """A number the site chose (a setting, a count of questions)."""


def site_value(value):
    """Mark a value the site chose itself (a setting, a version) as the site's."""
    if isinstance(value, bool) or not isinstance(value, (int, str, LazyString)):
        raise TypeError(f"not a text or a number: {value!r}")
    return SiteNumber(value) if isinstance(value, int) else SiteText(value)


def is_site(value):
    if isinstance(value, (SiteText, SiteNumber)):
        return True
    if isinstance(value, LazyString):  # lazy_gettext: the message ids, and values if any
        return (all(isinstance(a, str) or is_site(a) for a in value._args)
                and all(is_site(v) for v in value._kwargs.values()))
    return False


def gettext(string, **variables):
    """flask_babel's gettext, but a SiteText when no value is a person's."""
    text = get_translations().ugettext(string)
    text = text % variables if variables else text
    return SiteText(text) if all(is_site(v) for v in variables.values()) else text


def ngettext(singular, plural, num, **variables):
    variables.setdefault("num", num)
    text = get_translations().ungettext(singular, plural, num) % variables
    return SiteText(text) if all(is_site(v) for v in variables.values()) else text


@pass_context
def template_gettext(context, string, **variables):
    """`_()` in templates: as Jinja's own (values escaped, the message always a format
    string), and a SiteText when no value is a person's."""
    text = get_translations().ugettext(string)
    if all(is_site(v) for v in variables.values()):
        return SiteText(text % variables)
    return (Markup(text) if context.eval_ctx.autoescape else text) % variables


@pass_context
def template_ngettext(context, singular, plural, num, **variables):
    variables.setdefault("num", num)
    text = get_translations().ungettext(singular, plural, num)
    if all(is_site(v) for v in variables.values()):
        return SiteText(text % variables)
    return (Markup(text) if context.eval_ctx.autoescape else text) % variables


def joined(*texts):
    """Texts said as one, a space between: the site's only when every one of them is."""
    parts = [text for text in texts if text]
    together = " ".join(str(text) for text in parts)
    return SiteText(together) if all(is_site(text) for text in parts) else together


def lines(text):
    """Easy-read texts keep one sentence a line; each line stays the site's if it was."""
    found = [line.strip() for line in str(text).splitlines() if line.strip()]
    return [SiteText(line) for line in found] if is_site(text) else found


def mark(text):
    return "\n".join(f"{START}{line}{END}" if line else line for line in text.split("\n"))


def without_marks(text):
    return text.translate(_NO_MARKS)


def is_all_site(chunk):
    """Whether all of a read block's text was printed as the site's."""
    rest = _MARKED.sub("", chunk)
    return not rest.strip() and START not in rest and END not in rest


def marking():
    """Marks are printed only in pages that are read aloud."""
    if not has_request_context():
        return False
    if "mark_site_texts" not in g:
        from .speech.page import listening

        g.mark_site_texts = listening().enabled
    return g.mark_site_texts


def finalize(value):
    """Every `{{ }}` in every template passes here before it is printed."""
    if is_site(value):
        return mark(str(value)) if marking() else str(value)
    forged = isinstance(value, str) and (START in value or END in value)
    if forged and not isinstance(value, Markup):
        return without_marks(value)  # nobody else's text may carry the site's mark
    return value


def remove_marks(response):
    """No mark ever leaves the site."""
    kept_whole = not (response.direct_passthrough or response.is_streamed)
    if response.mimetype in TEXT_TYPES and kept_whole:
        text = response.get_data(as_text=True)
        if START in text or END in text:
            response.set_data(without_marks(text))
    return response


def init_app(app):
    """After Babel: our gettext callables and the mark for the site's texts."""
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext,
                                 ngettext=template_ngettext, site_value=site_value,
                                 joined=joined)
    app.jinja_env.filters["lines"] = lines
    app.jinja_env.finalize = finalize
    app.after_request(remove_marks)

