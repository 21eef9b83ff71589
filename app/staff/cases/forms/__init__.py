"""staff/cases/forms (see docs/architecture.md)."""
