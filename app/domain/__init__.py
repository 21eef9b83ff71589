"""The business: the questions, drafts and registrations, the callback promise, meetings,
municipalities and places. No request, no Flask (docs/architecture.md)."""
