"""The pictograms' files: /pictograms/<concept>.svg (the concepts: domain/pictograms.py)."""

from flask import Blueprint, abort, send_file
from flask.typing import ResponseReturnValue

from app.domain.pictograms import pictogram_file
from app.web.listenable import not_listenable

blueprint = Blueprint("pictograms", __name__, url_prefix="/pictograms")


@blueprint.get("/<concept>.svg")
@not_listenable
def pictogram(concept: str) -> ResponseReturnValue:
    path = pictogram_file(concept)
    if path is None:
        abort(404)
    return send_file(str(path), mimetype="image/svg+xml", conditional=True)
