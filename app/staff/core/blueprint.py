"""The back office's blueprint: /staff/... (its views: app/staff/<feature>/views/)."""

from flask import Blueprint

blueprint = Blueprint("staff", __name__, url_prefix="/staff")
