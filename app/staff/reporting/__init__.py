"""The back office's reporting: views above forms above data (docs/architecture.md)."""
