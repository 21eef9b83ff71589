"""staff/meetings/data (see docs/architecture.md)."""
