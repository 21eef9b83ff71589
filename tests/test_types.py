"""Core, the domain, web and the back office: every function there carries type hints, and
mypy (configured in pyproject.toml: which folders, how strict) accepts them. Run by the test
command, so a function without hints, or a call that does not fit them, fails the suite."""

from test_architecture import run


def test_the_checked_folders_functions_carry_types_mypy_accepts():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
