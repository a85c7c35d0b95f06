"""Build the JSON body Dash's page posts to `/_dash-update-component`, for route tests without a browser."""

from __future__ import annotations

import json
import re
from typing import Any

from dash import Dash


def server_callbacks(app: Dash) -> list[str]:
    """The callback_map keys of the callbacks that run on the server (clientside ones run in the browser)."""
    return sorted(k for k, spec in app.callback_map.items() if "callback" in spec)


def callback_key(app: Dash, fragment: str) -> str:
    """The callback_map key of the one callback whose outputs mention `fragment` (e.g. 'timeline.figure');
    a key that is exactly `fragment` wins (the chart's figure also has a zoom callback)."""
    if fragment in app.callback_map:
        return fragment
    keys = [k for k in app.callback_map if fragment in k]
    assert len(keys) == 1, (fragment, keys)
    return keys[0]


def prop_id(component: str | dict[str, Any], prop: str) -> str:
    if isinstance(component, dict):
        component = json.dumps(component, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{component}.{prop}"


def _matching(app: Dash, pattern: dict[str, Any]) -> list[dict[str, Any]]:
    """The ids in the page's layout that a pattern-matching (ALL) id matches, in layout order, as the
    browser finds them."""
    layout = app.layout() if callable(app.layout) else app.layout
    fixed = {k: v for k, v in pattern.items() if isinstance(v, (str, int, float, bool))}  # not ALL
    found = []
    for component in layout._traverse():
        cid = getattr(component, "id", None)
        if isinstance(cid, dict) and cid.keys() == pattern.keys():
            if all(cid[k] == v for k, v in fixed.items()):
                found.append(cid)
    return found


def _outputs(app: Dash, spec: dict[str, Any]) -> Any:
    outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
    # A pattern-matching (ALL) output is the list of the page's components it matches.
    entries = [[{"id": cid, "property": o.component_property} for cid in _matching(app, o.component_id)]
               if isinstance(o.component_id, dict)
               else {"id": o.component_id, "property": o.component_property}
               for o in outputs]
    return entries if isinstance(spec["outputs_indices"], list) else entries[0]


def body(app: Dash, key: str, values: dict[str, Any] | None = None, *, changed: list[str] | None = None,
         patterns: dict[str, list[tuple[dict[str, Any], Any]]] | None = None) -> dict[str, Any]:
    """A callback request. `values`: 'id.prop' -> value; `patterns`: 'prop' of a pattern-matching input ->
    [(id, value), ...]; `changed`: the prop ids that triggered it (default: the first input)."""
    spec = app.callback_map[key]
    values, patterns = values or {}, patterns or {}

    def entries(declared: list[dict[str, str]]) -> list[Any]:
        out: list[Any] = []
        for d in declared:
            if d["id"].startswith("{"):
                out.append([{"id": cid, "property": d["property"], "value": v}
                            for cid, v in patterns.get(d["property"], [])])
            else:
                out.append({"id": d["id"], "property": d["property"],
                            "value": values.get(prop_id(d["id"], d["property"]))})
        return out

    inputs = entries(spec["inputs"])
    first = inputs[0]
    default_changed = [prop_id(first["id"], first["property"])] if isinstance(first, dict) else []
    return {
        "output": key,
        "outputs": _outputs(app, spec),
        "inputs": inputs,
        "state": entries(spec["state"]),
        "changedPropIds": default_changed if changed is None else changed,
    }


def render_body(app, search: str = "") -> dict:
    """The request of the callback that renders the count, table and details for a URL."""
    return body(app, callback_key(app, "event-count.children"), {"url.search": search, "url.pathname": "/"})


def example_requests(app, client) -> list[tuple[str, str, str, dict | None]]:
    """One request per route of the app's URL map: (rule, method, url, json body). New routes are picked up
    by themselves; their path parameters get a plain value unless listed here."""
    page = client.get("/").get_data(as_text=True)
    suite = re.search(r'src="(/_dash-component-suites/[^"]+)"', page)
    assert suite is not None
    known = {
        "/assets/<path:filename>": "/assets/style.css",
        "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>": suite.group(1),
        "/<path:path>": "/some/page",
    }
    out = []
    for rule in app.server.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            url = known.get(rule.rule) or re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"\1", rule.rule)
            data = render_body(app) if rule.rule == "/_dash-update-component" else None
            out.append((rule.rule, method, url, data))
    return out
