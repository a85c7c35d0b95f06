"""TimelineJS HTML -> plain text with its http(s) links: nothing rendered, scripts discarded."""

from __future__ import annotations

from dashboard.data.formats.htmltext import html_to_text, text_to_html


def test_tags_are_dropped_entities_decoded_and_blocks_become_lines():
    plain = html_to_text("<p>One &amp; <b>two</b></p><p>three<br>four</p><ul><li>a</li><li>b</li></ul>")
    assert plain.text == "One & two\nthree\nfour\n• a\n• b"


def test_script_and_style_content_is_discarded():
    assert html_to_text("a<script>alert(1)</script><style>p{}</style>b").text == "ab"


def test_only_http_links_are_kept_others_are_reported():
    plain = html_to_text(
        '<a href="https://e.org/1">x</a> <a href="javascript:alert(1)">y</a> '
        '<a href="/relative">z</a> <a href="https://e.org/1">again</a>'
    )
    assert plain.links == ["https://e.org/1"]
    assert plain.dropped == ["javascript:alert(1)", "/relative"]
    assert plain.text == "x y z again"


def test_markup_written_as_text_stays_text():
    assert html_to_text("&lt;b&gt;not bold&lt;/b&gt;").text == "<b>not bold</b>"


def test_text_to_html_and_back_keeps_lines_markup_characters_and_sources():
    text = 'First line with <b> & "quotes"\n\nThird line'
    html = text_to_html(text, ["https://e.org/a", "ftp://not-http"])
    assert "<b>" not in html and "ftp://" not in html
    back = html_to_text(html)
    assert back.text == text
    assert back.links == ["https://e.org/a"]
