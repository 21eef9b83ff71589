"""Registrations arriving: from the site (the signals' receivers) and taken by phone."""
