"""The back office's cases: views above forms above data (docs/architecture.md)."""
