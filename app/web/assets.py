"""Static file URLs that carry a hash of the file, so browsers may keep them for ever."""

import hashlib
from functools import cache

from flask import current_app, url_for


@cache
def _content_hash(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def asset_url(filename):
    path = f"{current_app.static_folder}/{filename}"
    return url_for("static", filename=filename, v=_content_hash(path))
