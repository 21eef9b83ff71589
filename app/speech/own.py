"""A person's own texts, read aloud without being kept anywhere.

Any page may show something a person typed or was given (site_text.py decides): their
answers, a helper's name in the consent, a code, the address a link was sent to, perhaps
their health (GDPR art. 9). Such audio is never written to the shared cache, never to any
file, and the words are never in an address (addresses end up in access logs). Instead an
address says only *which page* and *which passage*:

    /listen/own/<page token>/<speed>/<digest>.mp3

The page token is the page's path and a random nonce, signed with the site's secret key. The
digest is an HMAC of the nonce and the passage's words, so it gives nothing away and cannot
be guessed. To answer, the server renders that page again *for the same visitor* (their own
draft or receipt cookie comes with the request), finds the passage whose digest matches, and
synthesises it into the response (personal.py: briefly in memory, within a budget):
`Cache-Control: no-store`, nothing on disk. Without the
person's cookie the page does not render their answers, so the address is worth nothing to
anybody else; after "I am finished" it is worth nothing to them either.
"""

import base64
import json

from flask import current_app, g, request
from itsdangerous import BadSignature
from werkzeug.test import EnvironBuilder

from app.core import codes
from app.web.logging_setup import route_for_log

SALT = "klapjob.listen.own"
# Headers the page needs to render as this visitor sees it.
VISITOR_HEADERS = ("Cookie", "Accept-Language", "X-Forwarded-Proto")


def _serializer():
    return codes.signer(current_app.secret_key, SALT)


def page_token(path, nonce):
    return _serializer().dumps([path, nonce])


def read_page_token(token):
    """(path, nonce), or None for a token this site did not sign."""
    try:
        path, nonce = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(path, str) or not path.startswith("/") or not isinstance(nonce, str):
        return None
    return path, nonce


def digest(nonce, passage):
    message = json.dumps([nonce, passage.language, list(passage.chunks)], ensure_ascii=False)
    mac = codes.keyed_digest(current_app.secret_key, message)
    return base64.urlsafe_b64encode(mac[:16]).decode().rstrip("=")


def rendering_again():
    """This request renders a page again to read one of its passages (page_for_visitor),
    not a visitor opening it: a view counts and logs the opening once, not per passage."""
    return g.get("listen_nonce") is not None


def page_for_visitor(path, nonce):
    """The `Listening` of `path` rendered again for the visitor of this request, or None when
    that page does not show (anymore) or is not read aloud."""
    app = current_app._get_current_object()
    headers = {name: request.headers[name] for name in VISITOR_HEADERS if name in request.headers}
    environ = EnvironBuilder(
        path=path,
        base_url=request.host_url,
        headers=headers,
        environ_base={"REMOTE_ADDR": request.remote_addr or ""},
    ).get_environ()
    # A fresh application context: the page gets its own `g` (database, language, listening).
    with app.app_context(), app.request_context(environ):
        g.listen_nonce = nonce
        try:
            response = app.full_dispatch_request()
        except Exception:
            # The route, not the path: a path can hold a key or a name (logging_setup).
            current_app.logger.exception("could not render %s again to read it", route_for_log())
            return None
        listening = g.get("listening")
        if response.status_code != 200 or not getattr(listening, "enabled", False):
            return None
        return listening
