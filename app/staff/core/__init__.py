"""The back office's core, beneath every feature: the blueprint, who may do what
(permissions, access, health), the accounts and their sessions, the audit log, a case's
history and statuses, the monthly figures, paging, the shared form fields and filters
(docs/architecture.md)."""
