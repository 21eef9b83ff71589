"""The back office's data requests: views above forms above data (docs/architecture.md)."""
