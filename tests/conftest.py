import re

import pytest
from bs4 import BeautifulSoup

from app import create_app
from app.db import connect


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "SMTP_HOST": "",
        }
    )
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    database = connect(app.config["DATABASE"])
    yield database
    database.close()


class Page:
    """A page as a person meets it, with the checks every page must pass."""

    def __init__(self, response):
        self.response = response
        self.html = response.get_data(as_text=True)
        self.soup = BeautifulSoup(self.html, "html.parser")

    @property
    def status(self):
        return self.response.status_code

    @property
    def title(self):
        return self.soup.title.get_text(" ", strip=True)

    @property
    def h1(self):
        return self.soup.find("h1").get_text(" ", strip=True)

    @property
    def lang(self):
        return self.soup.html["lang"]

    def text(self):
        return self.soup.find("main").get_text(" ", strip=True)

    def csrf_token(self):
        field = self.soup.find("input", {"name": "csrf_token"})
        return field["value"] if field else None

    def error_summary_links(self):
        summary = self.soup.find(class_="error-summary")
        if summary is None:
            return []
        return [(a["href"], a.get_text(strip=True)) for a in summary.find_all("a")]

    def field_value(self, name):
        element = self.soup.find(attrs={"name": name})
        if element.name == "textarea":
            return element.get_text()
        return element.get("value", "")

    def checked_values(self, name):
        return [i["value"] for i in self.soup.find_all("input", {"name": name}) if i.has_attr("checked")]

    def assert_well_formed(self):
        assert len(self.soup.find_all("h1")) == 1, "a page has exactly one h1"
        assert self.title.startswith(self.h1) or self.title.split(": ", 1)[-1].startswith(self.h1)
        ids = [element["id"] for element in self.soup.find_all(id=True)]
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"duplicate ids: {duplicates}"
        for label in self.soup.find_all("label"):
            assert self.soup.find(id=label["for"]), f"label for missing id {label['for']}"
        return self


def page(response):
    return Page(response)


@pytest.fixture
def get_page(client):
    def fetch(url, **kwargs):
        response = client.get(url, **kwargs)
        result = Page(response)
        if response.status_code == 200 and "text/html" in response.content_type:
            result.assert_well_formed()
        return result

    return fetch


def location_path(response):
    location = response.headers["Location"]
    return re.sub(r"^https?://[^/]+", "", location)
