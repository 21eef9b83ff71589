"""Which pages are read aloud: each citizen view says so itself, as each staff view says
who may open it (@requires).

    @listenable       the page can be heard: a Listen button, a speaker beside each text
    @not_listenable   no page to hear (a redirect, a file, a sound)

A test walks the URL map: every citizen GET route says one or the other. The page reader
(app/speech/page.py) and the marks on the site's own texts (web/templating.py) ask
`listenable_request()`. Error pages (no view matched) are citizens' pages too.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, request

View = TypeVar("View", bound=Callable[..., Any])


def listenable(view: View) -> View:
    view.listenable = True  # type: ignore[attr-defined]  # a function takes any attribute
    return view


def not_listenable(view: View) -> View:
    view.listenable = False  # type: ignore[attr-defined]  # a function takes any attribute
    return view


def declared(view: object) -> bool | None:
    """True, False, or None when the view does not say."""
    return getattr(view, "listenable", None)


def listenable_request() -> bool:
    if request.endpoint is None:
        return True
    return bool(declared(current_app.view_functions.get(request.endpoint)))
