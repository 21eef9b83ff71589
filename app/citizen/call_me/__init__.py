""" "Bed KLAPjob ringe til mig": asking to be called without answering the questions."""

from app.citizen.call_me.views import blueprint

__all__ = ["blueprint"]
