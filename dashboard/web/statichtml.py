"""A layout's static part as HTML, for the page's HTML before Dash has built the page (web/predraw.py).

Only what the header is made of is written: html.* components and dcc.Link, their text (escaped: data is
never markup) and the attributes that decide how they look. Ids are left out, so the copy never shares an
id with the element Dash renders; event handlers and other components (stores, graphs) are not written.
"""

from __future__ import annotations

from html import escape
from typing import Any

from dash.development.base_component import Component

ATTRIBUTES = {"className": "class", "hidden": "hidden", "type": "type", "title": "title", "href": "href",
              "role": "role", "tabIndex": "tabindex"}
VOID = frozenset({"br", "hr", "img", "input", "wbr"})


def _attributes(props: dict[str, Any]) -> str:
    out = []
    for name, value in props.items():
        attribute = ATTRIBUTES.get(name) or (name if name.startswith(("aria-", "data-")) else None)
        if attribute is None or value is None or value is False:
            continue
        out.append(f" {attribute}" if value is True else f' {attribute}="{escape(str(value))}"')
    return "".join(out)


def to_html(node: Any) -> str:
    """`node` (a component, a list of them, text or a number) as HTML."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    if not isinstance(node, Component):
        return escape(str(node))
    if node._namespace == "dash_html_components":
        tag = node._type.lower()
    elif node._namespace == "dash_core_components" and node._type == "Link":
        tag = "a"
    else:
        return ""
    props = {name: getattr(node, name) for name in node._prop_names if getattr(node, name, None) is not None}
    opening = f"<{tag}{_attributes(props)}>"
    return opening if tag in VOID else f"{opening}{to_html(props.get('children'))}</{tag}>"
