"""Coming back to a question: the browser asks the server for the page, and nothing else.
The stylesheets, scripts, the font and the pictograms have hashed names kept a year
(app/web/static_files.py), so they come from the browser's own cache."""

import re

import pytest

from app import create_app
from browser_support import TABLET_PORTRAIT, LiveServer

pytestmark = pytest.mark.browser


class Counted:
    """The site, noting the address of every request that reaches it."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.paths = []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        return self.wsgi_app(environ, start_response)


@pytest.fixture
def counted_site(tmp_path):
    app = create_app(
        {
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
            "SMTP_HOST": "",
        }
    )
    counted = app.wsgi_app = Counted(app.wsgi_app)
    with LiveServer(app) as server:
        yield server, counted


def test_coming_back_to_a_question_asks_for_the_page_alone(browser, counted_site):
    server, counted = counted_site
    context = browser.new_context(viewport=TABLET_PORTRAIT, base_url=server.url, locale="da-DK")
    page = context.new_page()
    page.goto("/register/who")
    page.get_by_label(re.compile(r"^\s*Nej, jeg svarer selv")).check()
    page.get_by_role("button", name="Næste").click()
    page.wait_for_url("**/register/name")
    page.wait_for_load_state("networkidle")
    first = [path for path in counted.paths if not path.startswith("/register/")]
    for kind in (".css", ".js", ".woff2", ".svg"):
        assert any(path.endswith(kind) for path in first), f"the first visit fetched no {kind}"

    counted.paths.clear()
    again = context.new_page()  # a new tab, as a person coming back
    again.goto("/register/name")
    again.wait_for_load_state("networkidle")
    assert again.get_by_label("Hvad hedder du?").is_visible()
    assert counted.paths == ["/register/name"]
    context.close()
