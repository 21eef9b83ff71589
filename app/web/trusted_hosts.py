"""Only the site's own names (app.core.public_address): a request that names another Host
is answered 400 before the application sees it, so nothing the site builds (a link, a
redirect, a mail) can carry a name a stranger wrote.

Flask 3.1 checks TRUSTED_HOSTS itself, but only once the request has begun: the friendly
error page then has no URL adapter and fails with a 500. So the check stands in front."""

from collections.abc import Iterable
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as _
from werkzeug.exceptions import SecurityError
from werkzeug.wrappers import Response
from werkzeug.wsgi import get_host

from app.core.public_address import trusted_hosts


class OwnHostsOnly:
    def __init__(self, app: Flask, wsgi_app: WSGIApplication) -> None:
        self.app, self.wsgi_app = app, wsgi_app

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            get_host(environ, self.app.config["TRUSTED_HOSTS"])
        except SecurityError:
            return self.refusal()(environ, start_response)
        return self.wsgi_app(environ, start_response)

    def refusal(self) -> Response:
        """Nobody's language is known yet: Danish first, then English."""
        texts = []
        with self.app.app_context():
            for language in self.app.config["LANGUAGES"]:
                with force_locale(language):
                    texts.append(_("This address is not KLAPjob's. Check the address."))
        headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
        return Response("\n".join(texts), status=400, mimetype="text/plain", headers=headers)


def init_app(app: Flask) -> None:
    app.config["TRUSTED_HOSTS"] = app.config.get("TRUSTED_HOSTS") or trusted_hosts(app.config)
    # Flask's documented way to wrap its WSGI app; mypy sees only a method there.
    app.wsgi_app = OwnHostsOnly(app, app.wsgi_app)  # type: ignore[method-assign]
