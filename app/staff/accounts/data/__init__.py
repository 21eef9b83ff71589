"""staff/accounts/data (see docs/architecture.md)."""
