"""A layout's static part written as HTML (web/statichtml.py): text stays text, ids stay with Dash."""

from __future__ import annotations

from dash import dcc, html

from dashboard.web.statichtml import to_html


def test_components_become_their_elements_with_the_attributes_that_style_them():
    node = html.Div([html.H1("Title"), html.Button("Go", id="go", type="button", className="b", hidden=True),
                     dcc.Link("Tour", href="?step=1", className="tour", title="A tour")], className="row")
    assert to_html(node) == ('<div class="row"><h1>Title</h1>'
                             '<button class="b" hidden type="button">Go</button>'
                             '<a href="?step=1" title="A tour" class="tour">Tour</a></div>')


def test_text_and_attributes_are_escaped():
    node = html.P('<script>alert("x")</script>', title='"><b>')
    assert to_html(node) == ('<p title="&quot;&gt;&lt;b&gt;">'
                             '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>')


def test_components_with_behaviour_only_are_left_out():
    assert to_html([dcc.Store(id="s", data=1), html.Span(7), None]) == "<span>7</span>"
