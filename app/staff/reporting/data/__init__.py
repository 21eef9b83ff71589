"""staff/reporting/data (see docs/architecture.md)."""
