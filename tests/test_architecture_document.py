"""docs/architecture.md is the map of the code: it names every module of app/, so a
newcomer finds a module there before they find it in the tree, and a new module is
written into the map when it is made."""

import re
from pathlib import Path

from app.config import ROOT

MAP = ROOT / "docs/architecture.md"


def named_in_the_map(module: Path, text: str) -> bool:
    """A module is named by its file name (`access.py`), or, for a package's
    `__init__.py`, by its folder (`core/`); a dotted name (`app.staff.core.access`) does too."""
    dotted = ".".join(module.relative_to(ROOT).with_suffix("").parts)
    if module.name == "__init__.py":
        dotted = dotted.removesuffix(".__init__")
        return f"{module.parent.name}/" in text or dotted in text
    return re.search(rf"(?<![\w.]){re.escape(module.name)}", text) is not None or dotted in text


def test_the_architecture_document_names_every_module_of_the_app():
    text = MAP.read_text()
    unnamed = sorted(
        str(module.relative_to(ROOT))
        for module in (ROOT / "app").rglob("*.py")
        if not named_in_the_map(module, text)
    )
    assert unnamed == []
