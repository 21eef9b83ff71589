"""Infrastructure that knows no business and no request: the clock, codes, the database,
mail, phone numbers, limits, the site's own texts, backups (docs/architecture.md)."""
