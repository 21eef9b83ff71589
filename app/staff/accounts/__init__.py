"""The back office's accounts: views above forms above data (docs/architecture.md)."""
