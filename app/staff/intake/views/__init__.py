"""Registrations taken by phone, and drafts opened by their code.
Importing this package adds their routes to the blueprint."""

from app.staff.intake.views import (  # noqa: F401 - each module adds its routes
    drafts,
    phone_pages,
    taken_by_phone,
)
