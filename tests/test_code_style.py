"""The code reads as one hand wrote it: ruff's lint rules and its formatter (configured in
pyproject.toml), and mypy on the type hints of the folders pyproject.toml names, all run
by the test command."""

from test_architecture import run


def test_the_code_passes_the_linter():
    result = run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted_as_the_formatter_would():
    result = run("ruff", "format", "--no-cache", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr
