"""Absolute URLs, built in one place: from the configured public URL, else from the request.

A page that names its own address (the oEmbed discovery link, `/oembed`'s iframe and provider URL, the
embed page's head) must not take it from the `Host` header when the operator has said where the app lives:
a forged header would otherwise end up in a page that is cached and served to others.
`--public-url` / `FRT_PUBLIC_URL` sets it; `--trusted-hosts` / `FRT_TRUSTED_HOSTS` makes Flask refuse any
other `Host` header (a 400).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request

from dashboard.data.safe import hidden_character

PUBLIC_URL_VAR = "FRT_PUBLIC_URL"
TRUSTED_HOSTS_VAR = "FRT_TRUSTED_HOSTS"
CONFIG_KEY = "FRT_PUBLIC_URL"


def parse_public_url(value: str | None) -> str | None:
    """'https://example.org/timeline' -> 'https://example.org/timeline/' (the app's root); None when empty.

    Raises:
        ValueError: when the value is not an http(s) address with a host and no query or fragment.
    """
    text = (value or "").strip()
    if not text:
        return None
    parts = urlsplit(text)
    if (parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.query or parts.fragment
            or parts.username or hidden_character(text) or "\\" in text):
        raise ValueError(f"{text!r} is not a public address: give the app's http(s) root, "
                         "e.g. https://timeline.example.org/ (no query, no fragment)")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def parse_trusted_hosts(value: str | None) -> list[str] | None:
    """'example.org, .example.com' -> Flask's TRUSTED_HOSTS list (a leading dot allows subdomains);
    None (any host) when empty."""
    hosts = [h.strip().lower() for h in (value or "").replace(",", " ").split() if h.strip()]
    return hosts or None


def configure(config: dict[str, Any], public_url: str | None, trusted_hosts: str | None,
              environ: Mapping[str, str] | None = None) -> None:
    """Store the public URL and the trusted hosts (arguments first, else the environment) in a Flask
    config. Raises ValueError for a public URL that is not one."""
    env = os.environ if environ is None else environ
    config[CONFIG_KEY] = parse_public_url(public_url if public_url is not None else env.get(PUBLIC_URL_VAR))
    hosts = parse_trusted_hosts(trusted_hosts if trusted_hosts is not None else env.get(TRUSTED_HOSTS_VAR))
    if hosts is not None:
        config["TRUSTED_HOSTS"] = hosts


def configured() -> str | None:
    """The configured public URL (the app's root, ending in '/'), or None."""
    value = current_app.config.get(CONFIG_KEY)
    return value if isinstance(value, str) and value else None


def root() -> str:
    """The app's root URL, ending in '/': the public URL when configured, else the request's."""
    configured = current_app.config.get(CONFIG_KEY)
    return configured if isinstance(configured, str) and configured else request.url_root


def here() -> str:
    """The absolute URL of the current request (path and query) under `root()`."""
    query = request.query_string.decode("utf-8", "replace")
    return root().rstrip("/") + request.path + ("?" + query if query else "")
