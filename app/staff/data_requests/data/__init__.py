"""A person's data gathered for access and erasure, and their requests; no request."""
