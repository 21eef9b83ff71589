"""Every page a citizen can meet, in every state, as the server sends it: the states of
app/web/page_states.py (the one list the browser tests and `flask audio build` walk too)."""

from app.web.page_states import every_page_state
from app.web.server_site import ServerSite


def every_page_html(app, client):
    """(name, html) for each page state, as the server sends it (no JavaScript)."""
    site = ServerSite(app, client)
    for name in every_page_state(site):
        yield name, site.html
