"""A person using the served site over HTTP (a cookie jar, forms with their token),
for the tests and benches that talk to gunicorn rather than to a test client."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
REFERENCE = re.compile(r'<p class="reference"[^>]*><span aria-hidden="true">([^<]+)</span>')


class Answer:
    def __init__(self, status, path, html, headers=None):
        self.status, self.path, self.html = status, path, html
        self.headers = headers or {}


class HttpVisitor:
    def __init__(self, base, timeout=30):
        self.base = base
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, fields=None):
        """GET, or POST the fields; redirects are followed as a browser does."""
        data = urllib.parse.urlencode(fields, doseq=True).encode() if fields is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=self.timeout) as response:
                final = urllib.parse.urlsplit(response.url)
                return Answer(response.status, final.path, response.read().decode(),
                              response.headers)
        except urllib.error.HTTPError as error:
            return Answer(error.code, path, error.read().decode(errors="replace"), error.headers)

    def post_form(self, path, fields):
        """Open the page, then send its form with the token it carries."""
        page = self.request(path)
        token = TOKEN.search(page.html)
        if page.status != 200 or token is None:
            return page
        return self.request(path, {"csrf_token": token.group(1), **fields})

    def answer_all(self, answers_by_step, start="/register/who"):
        """Answer each question the site asks, in its order, until check answers."""
        path = start
        while path.startswith("/register/") and path != "/register/check":
            key = path.rsplit("/", 1)[-1]
            answer = self.post_form(path, answers_by_step[key])
            if answer.status != 200 or answer.path == path:
                return answer
            path = answer.path
        return self.request(path)

    def send(self, health=True):
        fields = {"consent": "y", "consent_contact_helper": "y"}
        if health:
            fields["consent_health"] = "y"
        return self.post_form("/register/send", fields)


def reference_on(answer):
    """The reference a receipt page shows, or None when the page is not a receipt."""
    found = REFERENCE.search(answer.html) if answer.status == 200 else None
    return found.group(1).replace(" ", "") if found else None
