"""Pages compressed as they are sent (Flask-Compress): brotli where the browser asks for it,
else gzip. Static files are not compressed here: WhiteNoise sends the forms made ahead of
time (static_files.py).

Only where no one can learn a secret from the compressed length (BREACH): a page that holds
a person's answers or a form token must not also echo what a stranger put in the request.
So only a successful GET with no query string (its address one of our routes, its content
what the server holds), and never the back office, whose lists show many people at once.
"""

from flask import Flask, Response, request
from flask_compress import Compress

SETTINGS = {
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    "COMPRESS_MIMETYPES": ["text/html", "text/plain", "application/json"],
    # Brotli's quality 4 compresses a page in about the time gzip's 6 does, and smaller.
    "COMPRESS_BR_LEVEL": 4,
    # Pages are no-store: no ETag to make, no conditional request to answer.
    "COMPRESS_EVALUATE_CONDITIONAL_REQUEST": False,
    "COMPRESS_STREAMS": False,
    "COMPRESS_REGISTER": False,  # registered below, behind may_compress
}
STAFF_PREFIX = "/staff"


def init_app(app: Flask) -> None:
    """Before every other after_request: Flask runs them last registered first, so the page
    is compressed after the marks for the page reader are taken out (templating.py)."""
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    compress = Compress(app)

    @app.after_request
    def compress_when_safe(response: Response) -> Response:
        return compress.after_request(response) if may_compress(response) else response


def may_compress(response: Response) -> bool:
    return (
        request.method == "GET"
        and not request.query_string
        and response.status_code == 200
        and not request.path.startswith(STAFF_PREFIX)
    )
