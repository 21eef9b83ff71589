"""A test run changes no tracked file: the browser tests' screenshots go to
test-artifacts/screenshots (gitignored), never into docs/screenshots, whose pictures the
README shows and a person updates on purpose."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# A path into docs/ built in code: "docs" / "screenshots", or the folder written out.
INTO_DOCS = re.compile(r"""["']docs["']\s*\)?\s*/|["']docs/screenshots""")


def test_no_test_writes_its_screenshots_into_docs():
    writers = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != Path(__file__).name
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if INTO_DOCS.search(line)
    ]
    assert writers == []
