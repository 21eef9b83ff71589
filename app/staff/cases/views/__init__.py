"""A case's work: the inbox, the registration page, calls, plans, placements, corrections, duplicates, follow-ups, giving cases to a colleague, the week, the export, the job profile and the voice and photo on it, the recordings.
Importing this package adds their routes to the blueprint."""

from app.staff.cases.views import (  # noqa: F401 - each module adds its routes
    calls,
    corrections,
    duplicates,
    export,
    follow_ups,
    give,
    inbox,
    placements,
    plans,
    profile,
    profile_media,
    registration,
    voice,
    week,
)
