"""A person's data and their requests: the printout, deletion, requests.
Importing this package adds their routes to the blueprint."""

from app.staff.data_requests.views import (  # noqa: F401 - each module adds its routes
    person,
    person_requests,
)
