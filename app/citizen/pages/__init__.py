"""Start, about, privacy and help pages, and the language switch (blueprint)."""

from app.citizen.pages.views import blueprint

__all__ = ["blueprint"]
