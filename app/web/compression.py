"""Pages compressed as they are sent (Flask-Compress): brotli where the browser asks for it,
else gzip. Static files are not compressed here: WhiteNoise sends the forms made ahead of
time (static_files.py)."""

from flask_compress import Compress

SETTINGS = {
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    "COMPRESS_MIMETYPES": ["text/html", "text/plain", "application/json"],
    # Brotli's quality 4 compresses a page in about the time gzip's 6 does, and smaller.
    "COMPRESS_BR_LEVEL": 4,
    # Pages are no-store: no ETag to make, no conditional request to answer.
    "COMPRESS_EVALUATE_CONDITIONAL_REQUEST": False,
    "COMPRESS_STREAMS": False,
}


def init_app(app):
    """Before every other after_request: Flask runs them last registered first, so the page
    is compressed after the marks for the page reader are taken out (templating.py)."""
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    Compress(app)
