"""staff/intake/data (see docs/architecture.md)."""
