"""Every page is valid HTML by the Nu Html Checker (vnu.jar from npm, run on Java)."""

import json
import subprocess

import pytest

from app.config import ROOT
from page_states import every_page_state

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_is_valid_html(client, tmp_path, language):
    client.set_cookie("klapjob_lang", language)
    files = []
    for name, html in every_page_state(client):
        path = tmp_path / f"{name}.html"
        path.write_text(html)
        files.append(str(path))
    assert len(files) > 40
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
