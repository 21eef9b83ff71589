"""The reports' and statistics' queries over the monthly figures; no request."""
