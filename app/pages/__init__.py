"""Start, about, privacy and help pages, and the language switch (blueprint)."""

from flask import Blueprint

blueprint = Blueprint("pages", __name__)

from . import views  # noqa: E402,F401  (routes attach themselves to the blueprint)
