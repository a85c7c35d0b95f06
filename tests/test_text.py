"""text.py: the one place CSV text is made safe for Plotly, links are checked, and CSV cells neutralised."""

from __future__ import annotations

import pytest

from dashboard.data.safe import csv_cell, is_http_url, plotly_text


def test_plotly_text_escapes_markup_with_entities_plotly_decodes():
    assert plotly_text('<b onmouseover="x">Tom & Jerry\'s</b>') == (
        "&lt;b onmouseover=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;")
    assert plotly_text(None) == ""
    assert plotly_text(12) == "12"


def test_plotly_text_uses_only_entities_plotly_shows_as_characters():
    # plotly.js decodes &amp; &lt; &gt; (and a few symbols) and numeric references; &quot; would show as is.
    escaped = plotly_text("\"'<>&")
    assert "&quot;" not in escaped and "&#x27;" not in escaped
    assert escaped == "&#34;&#39;&lt;&gt;&amp;"


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/x"])
def test_http_urls_are_links(url):
    assert is_http_url(url)


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "/relative/path", "relative.html", "//example.org/protocol-relative", "http:///no-host", "https://",
    "https://exa mple.org", "https://example.org/\x00", "mailto:a@example.org", "", "http://[::1",
])
def test_everything_else_is_not_a_link(url):
    assert not is_http_url(url)


@pytest.mark.parametrize("cell", ["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(cell):
    assert csv_cell(cell) == "'" + cell


def test_other_csv_cells_are_unchanged():
    assert csv_cell("IBM exits") == "IBM exits"
    assert csv_cell(None) == ""
    assert csv_cell("a=b") == "a=b"
