"""Core, the domain, web and the back office: every function there carries type hints, and
mypy (configured in pyproject.toml: which folders, how strict) accepts them. Run by the test
command, so a function without hints, or a call that does not fit them, fails the suite."""

import tomllib

from app.config import ROOT
from test_architecture import run

CHECKED = {"app/core", "app/domain", "app/web", "app/staff"}


def test_the_checked_folders_functions_carry_types_mypy_accepts():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_told_to_check_core_the_domain_web_and_the_back_office():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert CHECKED <= set(config["tool"]["mypy"]["files"])
