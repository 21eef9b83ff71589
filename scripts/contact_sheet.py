"""The contact sheet of the site's pictures: `.venv/bin/python scripts/contact_sheet.py`.

Every concept with its picture (as the site sends it), where it is from, and the words it
stands beside in Danish and English (the questions and answers of the journey, from the
catalogues; the pages' headings for the rest). Writes docs/pictures-contact-sheet.html and,
with Chromium (as the browser tests find it), docs/screenshots/pictures.png; and the table
in docs/pictures.md between its two `pictures-table` marks. Look at the PNG after a change.
"""

import base64
import html
import os
import re
import sys
from pathlib import Path

from babel.support import Translations

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain.pictograms import PICTURES, SOURCES, pictogram_file  # noqa: E402
from app.domain.questions.steps import STEPS  # noqa: E402

# Concepts the journey's steps do not use: the heading or line each stands beside.
ON_PAGES = {
    "employer": "Should an employer hear about you? Then we ask you first.",
    "check": "Check your answers",
    "privacy": "How we look after your answers",
    "meeting": "Come to a meeting",
    "search": "KLAPjob looks for work for you",
    "help": "Get help",
    "listen": "Listen",
    "settings": "Change how the page looks",
    "relatives_page": "For relatives and professionals",
    "code": "Do you have a code?",
    "went_well": "This went well in my work trial:",
    "was_hard": "This was hard:",
    "print": "Print",
    "download": "Get your job profile as a PDF",
}
SHEET = ROOT / "docs" / "pictures-contact-sheet.html"
PNG = ROOT / "docs" / "screenshots" / "pictures.png"
DOC = ROOT / "docs" / "pictures.md"


def msgid(text):
    return getattr(text, "_args", (text,))[0]


def words_of_steps():
    words = {}
    for step in STEPS:
        words.setdefault(step.pictogram, []).append(msgid(step.question))
        for spec in step.fields:
            for choice in spec.choices:
                if choice.pictogram:
                    words.setdefault(choice.pictogram, []).append(msgid(choice.label))
    return words


def rows():
    danish = Translations.load(ROOT / "translations", ["da"])
    english = Translations.load(ROOT / "translations", ["en"])
    from_steps = words_of_steps()
    for concept, picture in PICTURES.items():
        ids = list(dict.fromkeys(from_steps.get(concept, []) or [ON_PAGES[concept]]))[:3]
        yield (
            concept,
            picture,
            [danish.gettext(i) for i in ids],
            [english.gettext(i) for i in ids],
        )


def served_svg(concept):
    """The picture as svgo made it smaller (scripts/setup), else the file itself."""
    smaller = ROOT / "static" / "vendor" / "pictograms" / f"{concept}.svg"
    return (smaller if smaller.exists() else pictogram_file(concept)).read_bytes()


def where_from(picture):
    names = " + ".join(picture.names)
    return f"{SOURCES[picture.source].title}: {names}"


def write_html(table):
    cards = []
    for concept, picture, da, en in table:
        data = base64.b64encode(served_svg(concept)).decode()
        cards.append(
            f'<figure><img src="data:image/svg+xml;base64,{data}" width="72" height="72" alt="">'
            f"<figcaption><b>{html.escape(concept)}</b>"
            f'<span class="da">{html.escape(" / ".join(da))}</span>'
            f'<span class="en">{html.escape(" / ".join(en))}</span>'
            f'<span class="from">{html.escape(where_from(picture))}</span></figcaption></figure>'
        )
    SHEET.write_text(
        '<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>KLAPjob pictures</title>'
        "<style>body{font:13px/1.3 sans-serif;margin:12px;width:1180px}"
        "main{display:grid;grid-template-columns:repeat(5,1fr);gap:8px}"
        "figure{display:flex;gap:8px;margin:0;padding:6px;border:1px solid #ccc}"
        "figcaption span{display:block}.da{color:#0b0c0c}.en{color:#444;font-style:italic}"
        ".from{color:#666;font-size:11px}</style>\n"
        f"<h1>KLAPjob: every picture, its concept, its Danish and English words</h1>\n"
        f"<main>{''.join(cards)}</main>\n</html>\n"
    )


def write_png():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("KLAPJOB_CHROMIUM", "/usr/bin/chromium")
        )
        page = browser.new_page(viewport={"width": 1204, "height": 800})
        page.goto(SHEET.as_uri())
        page.screenshot(path=PNG, full_page=True)
        browser.close()


def write_table(table):
    lines = ["| Concept | Picture | From | Danish | English |", "|---|---|---|---|---|"]
    for concept, picture, da, en in table:
        file = os.path.relpath(pictogram_file(concept), DOC.parent)
        shown = f"![]({file})" if picture.source == "mulberry" else "(contact sheet)"
        cells = [concept, shown, where_from(picture), " / ".join(da), " / ".join(en)]
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    marks = r"(<!-- pictures-table -->\n).*?(<!-- /pictures-table -->)"
    text = DOC.read_text()
    DOC.write_text(re.sub(marks, lambda m: m[1] + "\n".join(lines) + "\n" + m[2], text, flags=re.S))


def main():
    table = list(rows())
    write_html(table)
    write_png()
    write_table(table)
    print(f"{len(table)} pictures: {SHEET.relative_to(ROOT)}, {PNG.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
