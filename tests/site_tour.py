"""Every state of every citizen page, in a real browser: the states of app/web/page_states.py
(the one list `flask audio build` and the HTML tests walk too), reached by pressing the
pages' own buttons, with JavaScript on or off."""

import re
from urllib.parse import urlencode, urlsplit

from app.web.page_states import every_page_state
from people import HELPED_BY_SUPPORT_WORKER

TOUR_ANSWERS = {
    **HELPED_BY_SUPPORT_WORKER,
    "phone": {"phone": "20 30 40 50"},
    "email": {"email": "ali@mail.dk"},
    "health": {"health": "Jeg har epilepsi."},
}

# Fills in the form of `button` (the answers by field name), as a person would, and leaves
# the pressing to the browser. A token "expired" stands for a form left open too long.
FILL_IN = """
([selector, answers, token]) => {
  const button = document.querySelector(selector);
  if (!button) return false;
  const form = button.form;
  for (const [name, value] of Object.entries(answers)) {
    const wanted = Array.isArray(value) ? value : [value];
    for (const field of form.querySelectorAll(`[name="${name}"]`)) {
      if (field.type === 'radio' || field.type === 'checkbox') field.checked = wanted.includes(field.value);
      else field.value = wanted[0];
    }
  }
  if (token !== 'page') form.querySelector('[name=csrf_token]').value = token;
  return true;
}
"""

# A POST with no form behind it (as a changed request would send), shown in the browser.
BARE_POST = """
path => {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = path;
  document.body.append(form);
  form.submit();
}
"""


class BrowserSite:
    """The site in a Playwright page: every state is shown by the browser itself."""

    def __init__(self, page, app, javascript=True):
        self.page, self.app, self.javascript = page, app, javascript

    def open(self, path):
        self.page.goto(path)

    def send(self, path, answers, press=None, token="page"):
        self.page.goto(path)
        selector = (
            f'main button[name="{press[0]}"]'
            if press
            else "main form button[type=submit]:not([name])"
        )
        assert self.page.evaluate(FILL_IN, [selector, answers, token]), (
            f"no button {selector} on {path}"
        )
        with self.page.expect_navigation():
            self.page.locator(selector).first.click()

    def post(self, path):
        with self.page.expect_navigation():
            self.page.evaluate(BARE_POST, path)

    def quietly(self, path, answers, token_from=None):
        """Send answers with the browser's own cookies, without showing the result (nor
        the page the form's token comes from)."""
        html = self.page.request.get(token_from or path).text()
        token = re.search(
            r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"', html
        )
        token = token.group(1) or token.group(2)
        body = urlencode({"csrf_token": token, **answers}, doseq=True)
        self.page.request.post(
            path,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            max_redirects=0,
        )

    def choose(self, path, name, value):
        self.page.goto(path)
        self.page.locator(f'input[name="{name}"][value="{value}"]').check()

    def ask_if_still_there(self):
        """What shared-device.js does after a long pause (test_shared_tablet.py waits for
        the real one)."""
        self.page.evaluate("document.getElementById('still-here').showModal()")

    def set_cookie(self, name, value):
        self.page.context.add_cookies([{"name": name, "value": value, "url": self.base_url}])

    def forget_cookie(self, name):
        self.page.context.clear_cookies(name=name)

    @property
    def base_url(self):
        address = urlsplit(self.page.url)
        return f"{address.scheme}://{address.netloc}"


def tour(page, app, javascript=True):
    """Yields the name of each page state, with `page` showing it."""
    yield from every_page_state(BrowserSite(page, app, javascript))


def post_answers(page, path, answers):
    """Answer a step through the browser's own cookies, as the form would."""
    BrowserSite(page, None).quietly(path, answers, token_from=path)
