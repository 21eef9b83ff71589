"""The citizen's registration journey: a page a question, check answers, sending, saving
for later (the blueprint: blueprint.py; the view modules attach their routes to it)."""

from app.citizen.journey import later, profile, sending, views, voice  # noqa: F401  (routes)
from app.citizen.journey.blueprint import blueprint

__all__ = ["blueprint"]
