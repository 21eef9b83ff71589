"""A consultant's work on registrations: who may see which, changes, follow-ups."""
