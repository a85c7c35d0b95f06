"""Build the JSON body Dash's page posts to `/_dash-update-component`, for route tests without a browser."""

from __future__ import annotations

import json
from typing import Any

from dash import Dash


def callback_key(app: Dash, fragment: str) -> str:
    """The callback_map key of the one callback whose outputs mention `fragment` (e.g. 'timeline.figure')."""
    keys = [k for k in app.callback_map if fragment in k]
    assert len(keys) == 1, (fragment, keys)
    return keys[0]


def prop_id(component: str | dict[str, Any], prop: str) -> str:
    if isinstance(component, dict):
        component = json.dumps(component, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{component}.{prop}"


def _outputs(spec: dict[str, Any]) -> Any:
    outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
    entries = [{"id": o.component_id, "property": o.component_property} for o in outputs]
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
        "outputs": _outputs(spec),
        "inputs": inputs,
        "state": entries(spec["state"]),
        "changedPropIds": default_changed if changed is None else changed,
    }
