"""The Jinja set-up every page shares: `_()` that knows the site's own texts, the marks the
page reader reads (only in pages that are read aloud), asset URLs, and KLAPjob's phone
number and address on every page."""

import re
from typing import Any

from flask import Flask, current_app, g, has_request_context
from flask_babel import get_translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from werkzeug.wrappers import Response

from app.core.phone import normalise_phone
from app.core.site_text import (
    END,
    START,
    TEXT_TYPES,
    SiteText,
    is_site,
    joined,
    lines,
    mark,
    site_value,
    without_marks,
)
from app.web.listenable import listenable_request
from app.web.static_files import asset_url, pictogram_url
from app.web.word_joints import with_joints


@pass_context
def template_gettext(context: Context, string: str, **variables: Any) -> str:
    """`_()` in templates: as Jinja's own (values escaped, the message always a format
    string), and a SiteText when no value is a person's."""
    text = get_translations().ugettext(string)
    if all(is_site(v) for v in variables.values()):
        return SiteText(text % variables)
    return (Markup(text) if context.eval_ctx.autoescape else text) % variables


@pass_context
def template_ngettext(
    context: Context, singular: str, plural: str, num: int, **variables: Any
) -> str:
    variables.setdefault("num", num)
    text = get_translations().ungettext(singular, plural, num)
    if all(is_site(v) for v in variables.values()):
        return SiteText(text % variables)
    return (Markup(text) if context.eval_ctx.autoescape else text) % variables


def marking() -> bool:
    """Marks are printed only in pages that are read aloud."""
    if not has_request_context():
        return False
    if "mark_site_texts" not in g:
        g.mark_site_texts = listenable_request()
    return g.mark_site_texts


def finalize(value: Any) -> Any:
    """Every `{{ }}` in every template passes here before it is printed."""
    if is_site(value):
        return mark(str(value)) if marking() else str(value)
    forged = isinstance(value, str) and (START in value or END in value)
    if forged and not isinstance(value, Markup):
        return without_marks(value)  # nobody else's text may carry the site's mark
    return value


def remove_marks(response: Response) -> Response:
    """No mark ever leaves the site."""
    kept_whole = not (response.direct_passthrough or response.is_streamed)
    if response.mimetype in TEXT_TYPES and kept_whole:
        text = response.get_data(as_text=True)
        if START in text or END in text:
            response.set_data(without_marks(text))
    return response


def help_phone() -> dict[str, Any]:
    """KLAPjob's own number, the hours its phone is open (empty until KLAPjob sets them)
    and its address: settings, so the site's texts (site_text.py)."""
    shown = current_app.config["KLAPJOB_PHONE"]
    digits = "".join(ch for ch in shown if ch.isdigit() or ch == "+")
    hours = current_app.config.get("PHONE_HOURS", "")
    return {
        "help_phone": site_value(shown),
        "help_phone_href": normalise_phone(shown) or digits,
        "help_phone_hours": site_value(hours) if hours else "",
        "help_email": site_value(current_app.config["KLAPJOB_EMAIL"]),
    }


def site_text_with_joints(value: object) -> str:
    """A text with soft hyphens at its compounds' joints (word_joints.py), still the site's
    own text (for read-aloud) where it was."""
    divided = with_joints(str(value))
    return SiteText(divided) if is_site(value) else divided


def phone_whole(value: Any) -> Any:
    """`value` with KLAPjob's number kept on one line where it stands in it, with the mark
    that ends its sentence: on a phone a line broke inside it ("12 34 56 / 78"), a number
    nobody can read to call. A site text stays the site's (marked for read-aloud)."""
    number = current_app.config["KLAPJOB_PHONE"]
    if not isinstance(value, str) or number not in value:
        return value
    escaped = escape(value)
    standing = re.compile(re.escape(escape(number)) + r"[.,:;!?]?")
    whole = Markup(standing.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', escaped))
    return Markup(mark(whole)) if is_site(value) and marking() else whole


def whole(value: object) -> Markup:
    """A day or a number that must not break across two lines ("8. december / 2026")."""
    return Markup('<span class="nowrap">{}</span>').format(value)


def init_app(app: Flask) -> None:
    """After Babel: our gettext callables and the mark for the site's texts."""
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(
        _=template_gettext,
        gettext=template_gettext,
        ngettext=template_ngettext,
        site_value=site_value,
        joined=joined,
        asset_url=asset_url,
        pictogram_url=pictogram_url,
        whole=whole,
    )
    app.jinja_env.filters["lines"] = lines
    app.jinja_env.filters["phone_whole"] = phone_whole
    app.jinja_env.filters["with_joints"] = site_text_with_joints
    app.jinja_env.finalize = finalize
    app.after_request(remove_marks)
    app.context_processor(help_phone)
