"""The layout holds (docs/architecture.md): import-linter's contracts in pyproject.toml
(layers that only point down, the speech engine without Flask, no import cycle), run as
part of the test command so a broken layer fails the suite."""

import subprocess
import sys
from pathlib import Path

from app.config import ROOT

TOOLS = Path(sys.executable).parent


def run(tool, *arguments):
    return subprocess.run(
        [str(TOOLS / tool), *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_every_import_points_down_and_no_import_goes_round_in_a_cycle():
    result = run("lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_test_file_has_a_name_of_its_own_so_pytest_collects_them_all():
    # The tests are no package (rootdir import mode): two files of one name in different
    # folders stop the collection on a clean clone, and CI fails before a test runs.
    names = [path.name for path in (ROOT / "tests").rglob("test_*.py")]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []


# Data, not code: the questions, and the schema's history (one function a step).
DATA_MODULES = {"app/domain/questions/steps.py", "app/core/migrations.py"}
LONGEST_MODULE = 330


def test_no_module_is_longer_than_a_person_reads_in_one_go():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for path in (ROOT / "app").rglob("*.py")
    }
    too_long = {
        name: lines
        for name, lines in lengths.items()
        if lines > LONGEST_MODULE and name not in DATA_MODULES
    }
    assert too_long == {}
