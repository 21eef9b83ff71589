"""Static files and pictograms as a browser should get them: under names that carry a hash
of their content (kept for ever: `Cache-Control: public, max-age=31536000, immutable`),
compressed ahead of time with gzip and brotli, and served by WhiteNoise before the request
reaches Flask.

WhiteNoise's hashed names come from Django's storage; for Flask they are made here, once a
process starts: each file of static/ (css, js, the font) and each pictogram (as svgo made it smaller in
scripts/setup) is copied to
instance/assets/ as <name>.<hash>.<ext> (a stylesheet with the addresses of its fonts
hashed in it), with its .gz and .br beside it. A name is a hash of what it holds, so a file
made once is never made again, and processes starting together write the same bytes.
`asset_url()` and `pictogram_url()` give the hashed addresses; the old ones still work.
"""

import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, request, url_for
from werkzeug.datastructures import Headers
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from app.core import codes
from app.domain.pictograms import PICTURES, pictogram_file

PREFIX = "/static/"
YEAR = 365 * 24 * 3600
HASH_LENGTH = 12
EXTENSIONS = (".css", ".js", ".woff2")
CSS_URL = re.compile(r"""url\("?([^")]+)"?\)""")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def hashed_name(name: str, data: bytes) -> str:
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{content_hash(data)}{dot}{extension}"


def write_once(path: Path, data: bytes, compressor: Compressor) -> None:
    """`data` at `path` with its .gz and .br, unless a file of that (hashed) name is there."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{codes.random_name()}")
    temporary.write_bytes(data)
    if compressor.should_compress(path.name):
        for compressed in compressor.compress(str(temporary)):
            os.replace(compressed, f"{path}{Path(compressed).suffix}")
    os.replace(temporary, path)  # last: the file is there only with its compressed forms


class BuiltAssets:
    """{name in static/ or "pictograms/<concept>.svg": its hashed path under `folder`}."""

    def __init__(self, static_folder: str | Path, folder: str | Path) -> None:
        self.static_folder = Path(static_folder)
        self.folder = Path(folder)
        self.names: dict[str, str] = {}
        self.compressor = Compressor(quiet=True)

    def build(self) -> "BuiltAssets":
        files = sorted(p for p in self.static_folder.rglob("*") if p.suffix in EXTENSIONS)
        # Fonts first: the stylesheets name them by their hashed names.
        for path in sorted(files, key=lambda p: p.suffix == ".css"):
            name = path.relative_to(self.static_folder).as_posix()
            data = path.read_bytes()
            if path.suffix == ".css":
                data = self._with_hashed_urls(name, data)
            self._add(name, data)
        for concept in PICTURES:
            smaller = self.static_folder / "vendor" / "pictograms" / f"{concept}.svg"
            source = smaller if smaller.exists() else pictogram_file(concept)
            assert source is not None  # every concept of PICTURES has its file
            self._add(f"pictograms/{concept}.svg", source.read_bytes())
        return self

    def _add(self, name: str, data: bytes) -> None:
        built = hashed_name(name, data)
        write_once(self.folder / built, data, self.compressor)
        self.names[name] = built

    def _with_hashed_urls(self, name: str, data: bytes) -> bytes:
        folder = Path(name).parent

        def hashed(match: re.Match[str]) -> str:
            target = os.path.normpath(folder / match.group(1)).replace(os.sep, "/")
            if target not in self.names:
                return match.group(0)
            return f'url("{os.path.relpath(self.names[target], folder)}")'

        return CSS_URL.sub(hashed, data.decode()).encode()


class StaticFiles(WhiteNoise):
    """Only hashed names are added (init_app): each is kept a year, the most HTTP asks for."""

    def add_cache_headers(self, headers: Headers, path: str, url: str) -> None:
        headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"


def nosniff(headers: Headers, path: str, url: str) -> None:
    # What Flask-Talisman gives every page: these answers never reach Flask.
    headers["X-Content-Type-Options"] = "nosniff"


@cache
def built_assets(static_folder: str, folder: Path) -> BuiltAssets:
    """Built once a process: a name is a hash of what it holds."""
    return BuiltAssets(static_folder, folder).build()


def init_app(app: Flask) -> None:
    folder = Path(app.instance_path) / "assets"
    assert app.static_folder is not None  # the site's app always has static/
    app.extensions["klapjob_assets"] = built_assets(app.static_folder, folder)
    whitenoise = StaticFiles(
        app.wsgi_app,
        allow_all_origins=False,
        add_headers_function=nosniff,
    )
    # Only the hashed names of this build: an old hashed name from before is not served.
    for built in app.extensions["klapjob_assets"].names.values():
        whitenoise.add_file_to_dictionary(PREFIX + built, str(folder / built))
    # Flask's documented way to wrap its WSGI app; mypy sees only a method there.
    app.wsgi_app = whitenoise  # type: ignore[method-assign]


def asset_url(filename: str) -> str:
    """The hashed address of a file of static/ (the plain one for a file not built)."""
    return _address(filename, "static", {"filename": filename})


def pictogram_url(concept: str) -> str:
    return _address(f"pictograms/{concept}.svg", "pictograms.pictogram", {"concept": concept})


def _address(name: str, endpoint: str, values: dict[str, Any]) -> str:
    built = current_app.extensions["klapjob_assets"].names.get(name)
    if built is None:
        return url_for(endpoint, **values)
    return _prefixed(request.script_root, built)


@cache
def _prefixed(script_root: str, built: str) -> str:
    return f"{script_root}{PREFIX}{built}"
