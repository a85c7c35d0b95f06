"""The one place where text from a CSV is made safe for display, and where links are checked.

Plotly renders a subset of HTML in titles, hover labels, legends and annotations, so every CSV string goes
through `plotly_text` before it reaches a figure. Dash components render strings as text already (React
escapes them), so they take the raw string.
"""

from __future__ import annotations

from urllib.parse import urlsplit

_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Plotly decodes only a few named entities (&amp; &lt; &gt; and some symbols) plus numeric ones, so quotes are
# written as numeric references: `&quot;` would be shown literally.
_PLOTLY_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def plotly_text(value: object) -> str:
    """Escape a string so Plotly shows it as text: `<b>` stays the three characters `<b>`, never bold."""
    return ("" if value is None else str(value)).translate(_PLOTLY_ESCAPES)


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host: the only links the app ever renders."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not any(
        ch.isspace() or ord(ch) < 32 for ch in value.strip()
    )


def csv_cell(value: object) -> str:
    """Neutralise a cell for spreadsheets (OWASP CSV injection): prefix formula starters with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_CSV_FORMULA_START) else text


def truncate(value: str, limit: int) -> str:
    """Shorten text to `limit` characters with an ellipsis."""
    return value if len(value) <= limit else value[: max(limit - 1, 0)].rstrip() + "…"
