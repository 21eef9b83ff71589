"""Synthesis: text in, MP3 and word times out. No Flask (docs/architecture.md)."""
