"""Which language a page is shown in, and the language switch.

Order: an explicit choice (a switch pressed in this request), the cookie that remembers
it, the browser's Accept-Language on a first visit, then Danish.
"""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, g, request
from flask_babel import Babel, get_locale, refresh
from werkzeug.wrappers import Response

from app.web.cookies import LANGUAGE_COOKIE, read_cookie, set_private_cookie

LANGUAGE_COOKIE_DAYS = 365

# The name of each language in itself: a person looks for their own language's name.
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def supported_languages() -> list[str]:
    return current_app.config["LANGUAGES"]


def select_locale() -> str | None:
    chosen = g.get("chosen_language")
    if chosen:
        return chosen
    remembered = read_cookie(LANGUAGE_COOKIE)
    if remembered in supported_languages():
        return remembered
    return request.accept_languages.best_match(
        supported_languages(), default=current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def choose_language(language: str) -> bool:
    """Use `language` from now on in this request; returns False for an unknown one."""
    if language not in supported_languages():
        return False
    g.chosen_language = language
    refresh()
    return True


def remember_language(response: Response, language: str) -> Response:
    return set_private_cookie(response, LANGUAGE_COOKIE, language, days=LANGUAGE_COOKIE_DAYS)


def current_language() -> str:
    return str(get_locale())


def safe_local_path(target: str | None, fallback: str = "/") -> str:
    """`target` if it is a path on this site, else `fallback`: never an open redirect."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return fallback  # a line break would end up in a Location header
    return target


def template_globals() -> dict[str, Any]:
    language = current_language()
    return {
        "html_lang": language,
        "html_dir": "rtl" if language in RIGHT_TO_LEFT else "ltr",
        "other_languages": [
            (code, LANGUAGE_NAMES[code]) for code in supported_languages() if code != language
        ],
    }


def check_catalogues(app: Flask) -> None:
    """Refuse to start when a configured language has no compiled catalogue."""
    directory = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    missing = [
        code
        for code in app.config["LANGUAGES"]
        if not (directory / code / "LC_MESSAGES" / "messages.mo").exists()
    ]
    if missing:
        raise RuntimeError(
            f"No compiled translations for {', '.join(missing)}: "
            "run `pybabel compile -d translations` (the setup script does)."
        )


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.context_processor(template_globals)
