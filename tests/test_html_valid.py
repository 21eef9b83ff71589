"""Every page state is valid HTML by the Nu Html Checker (vnu.jar from npm, run on Java)."""

import pytest

from html_checker import html_errors
from page_states import every_page_html


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_is_valid_html(app, client, tmp_path, language):
    client.set_cookie("klapjob_lang", language)
    files = []
    for name, html in every_page_html(app, client):
        path = tmp_path / f"{name}.html"
        path.write_text(html)
        files.append(str(path))
    assert len(files) > 60
    assert html_errors(files) == []
