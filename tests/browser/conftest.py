import pytest
from playwright.sync_api import sync_playwright

from app import create_app
from browser_support import CHROMIUM, CHROMIUM_ARGS, TABLET_PORTRAIT, LiveServer


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    app = create_app(
        {
            "DATABASE": str(folder / "klapjob.sqlite3"),
            "AUDIO_DIR": str(folder / "audio"),
            "SMTP_HOST": "",
        }
    )
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="module")
def live_server_with_mail(tmp_path_factory):
    """The site with a real mail server on 127.0.0.1, so that every state of "save for
    later" and the helper's copy can be reached."""
    from mail_server import MailServer

    folder = tmp_path_factory.mktemp("live-mail")
    with MailServer() as mail:
        app = create_app(
            {
                "DATABASE": str(folder / "klapjob.sqlite3"),
                "AUDIO_DIR": str(folder / "audio"),
                "SMTP_HOST": "127.0.0.1",
                "SMTP_PORT": mail.port,
                # Tried on this machine: links in mails lead to 127.0.0.1.
                "DEVELOPMENT": True,
            }
        )
        with LiveServer(app) as server:
            yield server


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tablet(browser, live_server):
    context = browser.new_context(
        viewport=TABLET_PORTRAIT, base_url=live_server.url, locale="da-DK", has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()
