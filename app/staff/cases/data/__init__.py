"""staff/cases/data (see docs/architecture.md)."""
