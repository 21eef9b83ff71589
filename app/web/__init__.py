"""What every blueprint shares: cookies, language, display settings, shared devices,
errors, security headers, the question page, forms helpers, @listenable, the page states."""
