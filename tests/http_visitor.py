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
                return Answer(
                    response.status, final.path, response.read().decode(), response.headers
                )
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
        """Answer each question the site asks, in its order, until check answers. Each
        form is sent from the page the last answer led to, as a browser does."""
        page = self.request(start)
        while page.path.startswith("/register/") and page.path != "/register/check":
            key = page.path.rsplit("/", 1)[-1]
            token = TOKEN.search(page.html)
            if page.status != 200 or token is None or key not in answers_by_step:
                return page
            answer = self.request(page.path, {"csrf_token": token.group(1), **answers_by_step[key]})
            if answer.path == page.path:
                return answer  # the page came back with an error
            page = answer
        return page

    def send(self, health=True):
        fields = {"consent": "y", "consent_contact_helper": "y"}
        if health:
            fields["consent_health"] = "y"
        return self.post_form("/register/send", fields)


def reference_on(answer):
    """The reference a receipt page shows, or None when the page is not a receipt."""
    found = REFERENCE.search(answer.html) if answer.status == 200 else None
    return found.group(1).replace(" ", "") if found else None
