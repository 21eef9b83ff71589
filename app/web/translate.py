"""`flask translate update` and `flask translate compile`: the catalogue workflow in two
commands (extract, merge, compile), as pybabel does it.

Message ids are English. English is still a catalogue of its own, so that every page's
text can be reworded without touching code, and so that a check can prove every message
is translated in every language.
"""

from pathlib import Path

import click
from babel.messages.catalog import Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po
from flask import current_app
from flask.cli import AppGroup

from app.config import ROOT

translate = AppGroup("translate", help="Extract, update and compile the translations.")

TEMPLATE = ROOT / "translations" / "messages.pot"
SOURCE_LANGUAGE = "en"


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def catalogue_path(language: str) -> Path:
    return ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"


def extract(output: Path = TEMPLATE) -> None:
    """Every message the code and templates use, into `output` (a .pot file). The tests
    extract into a file of their own, so that they see the code as it is now."""
    pybabel(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        "-k",
        "_l",
        "-k",
        "lazy_gettext",
        "--no-location",
        "--sort-output",
        "--project",
        "klapjob",
        "-o",
        str(output),
        str(ROOT),
    )


def fill_source_language(path: Path) -> None:
    """In the English catalogue a new message starts as its own translation."""
    with open(path, "rb") as f:
        catalogue = read_po(f, locale=SOURCE_LANGUAGE)
    for message in catalogue:
        if message.id and not is_translated(message):
            message.string = message.id
    with open(path, "wb") as f:
        write_po(f, catalogue, omit_header=False, sort_output=True, no_location=True, width=100)


def is_translated(message: Message) -> bool:
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(forms) and not message.fuzzy


def untranslated(language: str) -> list[str | tuple[str, ...] | list[str]]:
    with open(catalogue_path(language), "rb") as f:
        catalogue = read_po(f, locale=language)
    return [m.id for m in catalogue if m.id and not is_translated(m)]


@translate.command("update")
def update_command() -> None:
    """Extract messages and merge them into every catalogue."""
    extract()
    for language in current_app.config["LANGUAGES"]:
        pybabel(
            "update",
            "-i",
            str(TEMPLATE),
            "-d",
            str(ROOT / "translations"),
            "-l",
            language,
            "--init-missing",
            "--ignore-obsolete",
            "--no-fuzzy-matching",
            "-w",
            "100",
        )
    fill_source_language(catalogue_path(SOURCE_LANGUAGE))
    for language in current_app.config["LANGUAGES"]:
        missing = untranslated(language)
        if missing:
            click.echo(f"{language}: {len(missing)} messages to translate")


@translate.command("compile")
def compile_command() -> None:
    """Compile the catalogues the site reads."""
    pybabel("compile", "-d", str(ROOT / "translations"))
