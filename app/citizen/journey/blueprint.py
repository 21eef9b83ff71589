"""The journey's blueprint: /register/... (its views: views.py, sending.py, later.py)."""

from flask import Blueprint

blueprint = Blueprint("journey", __name__, url_prefix="/register")
