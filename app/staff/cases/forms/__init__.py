"""The forms of a case's work (one module a part of it)."""
