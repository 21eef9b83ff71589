"""Reading a page as a person meets it, with the checks every page must pass."""

import re

from bs4 import BeautifulSoup


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
        return [
            i["value"] for i in self.soup.find_all("input", {"name": name}) if i.has_attr("checked")
        ]

    def assert_well_formed(self):
        assert len(self.soup.find_all("h1")) == 1, "a page has exactly one h1"
        page_name = self.title.removeprefix("Fejl: ").removeprefix("Error: ").split(" – ")[0]
        assert page_name and self.h1.startswith(page_name), (self.title, self.h1)
        assert self.title.endswith(" – KLAPjob")
        ids = [element["id"] for element in self.soup.find_all(id=True)]
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"duplicate ids: {duplicates}"
        for label in self.soup.find_all("label"):
            assert self.soup.find(id=label["for"]), f"label for missing id {label['for']}"
        return self


def location_path(response):
    location = response.headers["Location"]
    return re.sub(r"^https?://[^/]+", "", location)
