"""The municipalities' reports and the statistics.
Importing this package adds their routes to the blueprint."""

from app.staff.reporting.views import (  # noqa: F401 - each module adds its routes
    reports,
    statistics,
)
