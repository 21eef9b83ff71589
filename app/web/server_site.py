"""A site as the server sends it, through Flask's test client (which keeps cookies), for
walking every page state (page_states.py) without a browser: what `flask audio build`
reads, and what the tests check as HTML."""

from html.parser import HTMLParser
from typing import Any, NoReturn

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.domain.questions.model import Answers


class ServerSite:
    """A site without JavaScript, through Flask's test client; `html` is what it shows."""

    javascript = False

    def __init__(self, app: Flask, client: FlaskClient | None = None) -> None:
        self.app = app
        self.client = client or app.test_client()
        self.response: TestResponse | None = None

    @property
    def html(self) -> str:
        assert self.response is not None, "open a page first"
        return self.response.get_data(as_text=True)

    @property
    def status(self) -> int:
        assert self.response is not None, "open a page first"
        return self.response.status_code

    def open(self, path: str) -> None:
        self.response = self.client.get(path, follow_redirects=True)

    def send(
        self,
        path: str,
        answers: Answers,
        press: tuple[str, str] | None = None,
        token: str = "page",
    ) -> None:
        form = form_on(self.client.get(path).get_data(as_text=True), press)
        data = {**answers, **dict([press] if press else [])}
        data["csrf_token"] = form["token"] if token == "page" else token
        self.response = self.client.post(form["action"] or path, data=data, follow_redirects=True)

    def post(self, path: str) -> None:
        self.response = self.client.post(path, follow_redirects=True)

    def quietly(self, path: str, answers: Answers, token_from: str | None = None) -> None:
        form = form_on(self.client.get(token_from or path).get_data(as_text=True), None)
        self.client.post(path, data={**answers, "csrf_token": form["token"]})

    def choose(self, path: str, name: str, value: str) -> None:
        self.open(path)

    def ask_if_still_there(self) -> NoReturn:
        raise NotImplementedError("without JavaScript nothing asks")

    def set_cookie(self, name: str, value: str) -> None:
        self.client.set_cookie(name, value)

    def forget_cookie(self, name: str) -> None:
        self.client.delete_cookie(name)


class _Forms(HTMLParser):
    """The forms in a page's <main>: their address, token and buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.in_main = False
        self.form: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif tag == "form" and self.in_main:
            self.form = {"action": named.get("action"), "token": None, "buttons": []}
            self.forms.append(self.form)
        elif self.form is not None and tag == "input" and named.get("name") == "csrf_token":
            self.form["token"] = named.get("value")
        elif self.form is not None and tag == "button" and named.get("type", "submit") == "submit":
            self.form["buttons"].append(named.get("name"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "main":
            self.in_main = False


def form_on(html: str, press: tuple[str, str] | None) -> dict[str, Any]:
    """The form whose button is `press` (name, value); without it, the first form with a
    plain button. A page without such a form gives its first token (any form's will do)."""
    parser = _Forms()
    parser.feed(html)
    wanted = press[0] if press else None
    for form in parser.forms:
        if wanted in form["buttons"]:
            return form
    token = next((f["token"] for f in parser.forms if f["token"]), None)
    return {"action": None, "token": token, "buttons": []}
