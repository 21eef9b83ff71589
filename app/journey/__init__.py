"""The citizen's registration journey (blueprint)."""
