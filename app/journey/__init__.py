"""The citizen's registration journey (blueprint)."""

from flask import Blueprint

blueprint = Blueprint("journey", __name__, url_prefix="/register")

from . import views  # noqa: E402,F401  (routes attach themselves to the blueprint)
