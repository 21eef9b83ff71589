"""The site's public address (KLAPJOB_PUBLIC_URL): where every link in a mail leads, and the
name the site answers to.

Without it a link could only be built from the Host a request named, and anybody can name
any Host: KLAPjob's own mail server would then send a link to a stranger's site. So outside
development the site does not start without it, and sends no mail without it; and every
request must name it, or this machine (a health check on 127.0.0.1 behind the proxy, or a
developer's own browser).
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

# Werkzeug's check cuts a trusted name at its first ":", so "[::1]" cannot be one.
THIS_MACHINE = ("127.0.0.1", "localhost")


class NoPublicAddress(RuntimeError):
    """The site was to serve people without KLAPJOB_PUBLIC_URL outside development."""


def in_development(config: Mapping[str, Any]) -> bool:
    """KLAPJOB_DEVELOPMENT (scripts/serve on this machine), or the tests."""
    return bool(config.get("DEVELOPMENT") or config.get("TESTING"))


def public_host(public_url: str) -> str:
    """The host of KLAPJOB_PUBLIC_URL; refuses an address that is not http(s)://host."""
    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"KLAPJOB_PUBLIC_URL must be http(s)://name, not {public_url!r}")
    return parts.hostname


def trusted_hosts(config: Mapping[str, Any]) -> list[str]:
    """The names a request may give as its Host (Flask's TRUSTED_HOSTS; the port is not
    compared)."""
    public_url = config.get("PUBLIC_URL") or ""
    own = [public_host(public_url)] if public_url else []
    return [*own, *THIS_MACHINE]


def mail_has_an_address(config: Mapping[str, Any]) -> bool:
    """Mail may carry links: to the public address, or in development to this machine."""
    return bool(config.get("PUBLIC_URL")) or in_development(config)


def require_public_address(config: Mapping[str, Any]) -> None:
    """Called where the site starts serving people (wsgi.py)."""
    if not mail_has_an_address(config):
        raise NoPublicAddress(
            "Set KLAPJOB_PUBLIC_URL to the site's address (e.g. https://tilmelding.klapjob.dk),"
            " or KLAPJOB_DEVELOPMENT=1 to try the site on this machine."
        )
