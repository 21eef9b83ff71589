"""Reads the site's own Python as a tree: which module calls what, and where, so a test can
keep a kind of call in the one module that is allowed to make it."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def dotted_name(node: ast.expr) -> str | None:
    """`datetime.now` for `datetime.now`, `dt.datetime.now` for `dt.datetime.now`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        owner = dotted_name(node.value)
        return f"{owner}.{node.attr}" if owner else None
    return None


def imported_names(tree: ast.Module) -> dict[str, str]:
    """Each local name with what it stands for: `{"dt": "datetime", "today": "date.today"}`."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                # `from datetime import datetime` stands for the class, not the module.
                names[alias.asname or alias.name] = (
                    alias.name if node.module == alias.name else f"{node.module}.{alias.name}"
                )
    return names


def uses(tree: ast.Module):
    """Every name used as a callee or reached as an attribute, spelled in full, with its
    line: `("datetime.datetime.now", 12)` for `datetime.now()` after
    `from datetime import datetime`."""
    names = imported_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute | ast.Name):
            dotted = dotted_name(node)
            if dotted is None:
                continue
            head, _, rest = dotted.partition(".")
            full = names.get(head, head) + (f".{rest}" if rest else "")
            yield full, node.lineno


def calls_outside(allowed: set[str], forbidden, modules=None) -> list[str]:
    """`path:line name` for each use of a forbidden name (`forbidden(full_name)` is true)
    in `modules` (by default every module of app/) but the `allowed` ones (paths relative
    to app/)."""
    found = []
    for path in sorted(APP.rglob("*.py") if modules is None else modules):
        relative = path.relative_to(APP.parent).as_posix()
        if relative.removeprefix("app/") in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += sorted(
            {f"{relative}:{line} {name}" for name, line in uses(tree) if forbidden(name)}
        )
    return found
