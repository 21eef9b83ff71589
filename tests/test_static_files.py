"""Small on the wire and cached right (issue 13): every file a page asks for has a hash of
its content in its name and may be kept a year; static files come compressed ahead of time
(brotli, gzip); pages come compressed and still private."""

import gzip
import re
from urllib.parse import urljoin

import brotli

from app.domain.pictograms import PICTURES, pictogram_file
from app.web.static_files import pictogram_url
from pages import Page
from people import MYSELF_IN_AARHUS, Visitor

HASHED = re.compile(r"\.[0-9a-f]{12}\.(css|js|woff2|svg)$")
KEPT_A_YEAR = "public, max-age=31536000, immutable"
FONT_URL = re.compile(r'url\("?([^")]+\.woff2)"?\)')


def files_of(page, client):
    """Every address the page makes the browser fetch: stylesheets, scripts, pictures, the
    icon, and the fonts the stylesheets name."""
    soup = page.soup
    found = [link["href"] for link in soup.find_all("link", rel=["stylesheet", "icon"])]
    found += [script["src"] for script in soup.find_all("script", src=True)]
    found += [img["src"] for img in soup.find_all("img") if not img["src"].startswith("data:")]
    for stylesheet in [link["href"] for link in soup.find_all("link", rel="stylesheet")]:
        css = client.get(stylesheet).get_data(as_text=True)
        found += [urljoin(stylesheet, url) for url in FONT_URL.findall(css)]
    return found


def test_every_file_a_question_page_needs_has_a_hashed_name_kept_a_year(client):
    Visitor(client).answer_all(MYSELF_IN_AARHUS)
    page = Page(client.get("/register/work"))
    files = files_of(page, client)
    assert any(f.endswith(".woff2") for f in files) and any(f.endswith(".svg") for f in files)
    for address in files:
        response = client.get(address)
        assert response.status_code == 200, address
        assert HASHED.search(address), address
        assert response.headers["Cache-Control"] == KEPT_A_YEAR, address
        assert response.headers["X-Content-Type-Options"] == "nosniff", address


def test_static_files_come_compressed_as_the_browser_asks(client):
    page = Page(client.get("/"))
    stylesheet = page.soup.find("link", rel="stylesheet")["href"]
    picture = page.soup.select_one(".site-header__phone img")["src"]
    for address in (stylesheet, picture):
        plain = client.get(address).data
        as_brotli = client.get(address, headers={"Accept-Encoding": "gzip, deflate, br"})
        as_gzip = client.get(address, headers={"Accept-Encoding": "gzip"})
        assert as_brotli.headers["Content-Encoding"] == "br", address
        assert as_gzip.headers["Content-Encoding"] == "gzip", address
        assert brotli.decompress(as_brotli.data) == plain
        assert gzip.decompress(as_gzip.data) == plain
        assert len(as_brotli.data) < len(plain) / 2
        assert "Accept-Encoding" in as_brotli.headers["Vary"]


def test_a_question_page_comes_compressed_and_still_private(client):
    Visitor(client).answer_all(MYSELF_IN_AARHUS)
    plain = client.get("/register/work")
    for asked, answered, decompress in (
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
    ):
        response = client.get("/register/work", headers={"Accept-Encoding": asked})
        assert response.headers["Content-Encoding"] == answered
        assert response.headers["Cache-Control"] == "no-store"
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert "Accept-Encoding" in response.headers["Vary"]
        html = decompress(response.data).decode()
        assert "\ufdd0" not in html and "\ufdd1" not in html
        # The same page (but for the form's token, which is signed anew every second).
        token = re.compile(r'name="csrf_token" type="hidden" value="[^"]+"')
        assert token.sub("", html) == token.sub("", plain.get_data(as_text=True))
        assert len(response.data) < len(plain.data) / 3


def test_a_page_that_echoes_the_request_is_never_compressed(client):
    """BREACH: a stranger who can put words in a request and see the length of the answer
    could guess the person's answers on the page, piece by piece."""
    Visitor(client).answer_all(MYSELF_IN_AARHUS)
    for address in (
        "/register/work?change=1",
        "/register/work?guess=Jeg+har+epi",
        "/no-such-page-Jeg-har-epi",
    ):
        response = client.get(address, headers={"Accept-Encoding": "gzip, br"})
        assert "Content-Encoding" not in response.headers, address
    response = client.post("/register/work", data={}, headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response.headers
    response = client.get("/staff/sign-in", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response.headers


def colours_of(svg):
    """The colours a pictogram paints with, each written as #rrggbb."""
    found = set()
    for colour in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"', svg):
        colour = colour.lower()
        found.add("#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour)
    return found


def test_the_pictograms_sent_are_smaller_with_the_same_colours(app, client):
    """svgo (scripts/setup) rounds the coordinates and drops what draws nothing; where that
    would make a picture larger (a Mulberry picture already fitted to 72 x 72), the file
    is sent as it is."""
    for concept in PICTURES:
        original = pictogram_file(concept).read_text()
        with app.test_request_context():
            address = pictogram_url(concept)
        sent = client.get(address).get_data(as_text=True)
        assert sent.startswith("<svg") and 'viewBox="0 0 72 72"' in sent, concept
        assert colours_of(sent) == colours_of(original), concept
        assert len(sent) <= len(original), concept
