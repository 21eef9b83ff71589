"""A case's SQL and rules: the inbox, changes, plans, placements, corrections, merges; no request."""
