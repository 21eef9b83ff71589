"""The back office's floors (docs/architecture.md) hold for a module added tomorrow too:
the independence contract of the staff views lists modules by name, so every view module
of every feature must be on its list (an underscore module, which the views share, not)."""

import tomllib

from app.config import ROOT


def contract(name_starts):
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith(name_starts))


def test_every_view_module_of_the_back_office_is_held_independent_of_the_others():
    views = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "app" / "staff").glob("*/views/*.py")
        if not path.name.startswith("_")
    }
    listed = set(contract("The back office's views are independent")["modules"])
    assert views - listed == set()
