"""The ambassadors, their matches and talks (the meetings' data is app.domain.meetings)."""
