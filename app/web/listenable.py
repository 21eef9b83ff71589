"""Which pages are read aloud: each citizen view says so itself, as each staff view says
who may open it (@requires).

    @listenable       the page can be heard: a Listen button, a speaker beside each text
    @not_listenable   no page to hear (a redirect, a file, a sound)

A test walks the URL map: every citizen GET route says one or the other. The page reader
(app/speech/page.py) and the marks on the site's own texts (web/templating.py) ask
`listenable_request()`. Error pages (no view matched) are citizens' pages too.
"""

from flask import current_app, request


def listenable(view):
    view.listenable = True
    return view


def not_listenable(view):
    view.listenable = False
    return view


def declared(view):
    """True, False, or None when the view does not say."""
    return getattr(view, "listenable", None)


def listenable_request():
    if request.endpoint is None:
        return True
    return bool(declared(current_app.view_functions.get(request.endpoint)))
