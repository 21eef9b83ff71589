"""staff/data_requests/data (see docs/architecture.md)."""
