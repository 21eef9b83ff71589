"""Jobkaravane meetings: staff record them, people find the ones near them and sign up."""

from app.citizen.meetings.views import blueprint

__all__ = ["blueprint"]
