"""Security headers for every response (Flask-Talisman) and caching rules."""

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, request
from flask_talisman import Talisman
from werkzeug.wrappers import Response

# No inline script or style anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    # blob: the person's own recording, listened to before it is sent (static/js/voice.js).
    "media-src": "'self' blob:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

PERMISSIONS_POLICY = {
    "camera": "()",
    # Only this site's own pages may ask for the microphone: "Say it with your voice".
    "microphone": "(self)",
    "geolocation": "()",
    "payment": "()",
    "usb": "()",
    "interest-cohort": "()",
}

# Files that are the same for everybody. Static URLs carry a hash of their content
# (`asset_url`), so a versioned one can be kept for ever.
PUBLIC_PREFIXES = ("/static/", "/pictograms/", "/listen/clip/")
# Addresses named by a hash of their content: what they hold never changes.
CONTENT_ADDRESSED_PREFIXES = ("/listen/clip/",)
YEAR = 365 * 24 * 3600


def cache_rules(response: Response) -> Response:
    """Pages may show personal data: the browser and proxies store none of them."""
    if not request.path.startswith(PUBLIC_PREFIXES) or response.status_code >= 400:
        response.headers["Cache-Control"] = "no-store"
    elif "v" in request.args or request.path.startswith(CONTENT_ADDRESSED_PREFIXES):
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response.headers["Cache-Control"] = "public, max-age=86400"
    return response


View = TypeVar("View", bound=Callable[..., Any])


def unshared(view: View) -> View:
    """A page reached by a secret address (the QR code on a printed job profile): no search
    engine keeps it, and no other site learns the address from a Referer."""
    view.unshared = True  # type: ignore[attr-defined]  # a function takes any attribute
    return view


def unshared_headers(response: Response) -> Response:
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "unshared", False):
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def init_app(app: Flask) -> None:
    # Before Talisman: Flask runs the later-registered after_request first, so this one
    # comes after Talisman's own Referrer-Policy and has the last word on these views.
    app.after_request(unshared_headers)
    Talisman(
        app,
        force_https=app.config["HTTPS"],
        strict_transport_security=app.config["HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=CONTENT_SECURITY_POLICY,
        permissions_policy=PERMISSIONS_POLICY,
        frame_options="DENY",
        # Flask-WTF refuses an HTTPS POST without a Referer: never "no-referrer".
        referrer_policy="same-origin",
    )
    app.after_request(cache_rules)
