"""The back office's intake: views above forms above data (docs/architecture.md)."""
