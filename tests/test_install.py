"""Installs that are the same every time: Python packages come from uv.lock, and the
setup stops, saying what to do, when pyproject.toml and the lock disagree."""

import os
import shutil
import subprocess
import tomllib

from served_site import ROOT


def test_the_lock_matches_pyproject():
    result = subprocess.run(
        [str(ROOT / "scripts/uv"), "lock", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_locked_package_comes_from_the_registry_with_its_hashes():
    packages = tomllib.loads((ROOT / "uv.lock").read_text())["package"]
    from_registry = [p for p in packages if "registry" in p["source"]]
    assert len(from_registry) == len(packages) - 1  # all but the site itself
    for package in from_registry:
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files and all(f["hash"].startswith("sha256:") for f in files), package["name"]


def test_setup_stops_with_a_clear_message_when_a_dependency_is_not_in_the_lock(tmp_path):
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("scripts", "requirements"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    # The real environment, only read: the setup must stop before it installs anything.
    os.symlink(ROOT / ".venv", tmp_path / ".venv")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            "dependencies = [\n", 'dependencies = [\n    "cowsay>=6",\n', 1
        )
    )

    result = subprocess.run(
        [str(tmp_path / "scripts/setup"), "run"], cwd=tmp_path, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "uv.lock does not match pyproject.toml: run scripts/lock" in result.stderr
    assert not (tmp_path / "node_modules").exists()
    assert (
        subprocess.run(
            [str(ROOT / ".venv/bin/python"), "-c", "import cowsay"], capture_output=True
        ).returncode
        != 0
    )
