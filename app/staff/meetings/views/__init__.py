"""The jobkaravane meetings and the ambassadors.
Importing this package adds their routes to the blueprint."""

from app.staff.meetings.views import (  # noqa: F401 - each module adds its routes
    ambassadors,
    meetings,
)
