""" "Hør min jobprofil": the page the QR code on a printed job profile opens."""

from app.citizen.profile_link.views import blueprint

__all__ = ["blueprint"]
