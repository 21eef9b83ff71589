"""The citizen's side of the site: the journey, the pages about it, the meetings."""
