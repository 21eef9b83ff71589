"""Absolute links, for mail: a link in a mail must lead to the site's public address, never
to whatever Host a request happened to name (behind a proxy that may be an inside name, or
one a stranger wrote)."""

from typing import Any

from flask import current_app, url_for


def public_url(endpoint: str, **values: Any) -> str:
    """KLAPJOB_PUBLIC_URL and the path when it is set; else (in development: the site does
    not start without it otherwise) this request's own address, whose Host web.trusted_hosts
    has limited to this machine's names (its scheme from a trusted proxy)."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)
