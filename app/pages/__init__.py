"""Start, about, privacy and help pages, and the language switch (blueprint)."""
