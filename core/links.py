"""The portal's own address, the one source of every absolute link sent outside a page (e-mails, invitations)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def portal_url() -> str:
    """Return the portal's public address without a trailing slash, from PORTAL_URL (never from a request's host)."""
    configured = getattr(settings, "PORTAL_URL", "")
    if configured:
        return configured.rstrip("/")
    hosts = [host for host in settings.ALLOWED_HOSTS if host and host[0] not in ".*["]
    return f"https://{hosts[0]}" if hosts else "http://localhost:8000"


def absolute_url(path: str) -> str:
    """Return `path` (an absolute path such as /en/meetings/x/) as a full address on the portal."""
    return f"{portal_url()}/{path.lstrip('/')}"


def portal_host() -> str:
    """Return the host name of the portal's address (for Message-IDs)."""
    return urlsplit(portal_url()).hostname or "localhost"
