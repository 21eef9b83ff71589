"""The back office's meetings: views above forms above data (docs/architecture.md)."""
