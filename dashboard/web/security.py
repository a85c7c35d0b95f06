"""Serving on the open internet: security headers with a strict Content-Security-Policy, request limits,
a check of Dash callback requests, a 404 for any path the app does not serve, and generic error pages (the
traceback goes to the log, never the client).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, current_app, request
from werkzeug.exceptions import BadRequest, HTTPException, NotFound

from dashboard.data.limits import MAX_REQUEST_BYTES

CALLBACK_PATH = "/_dash-update-component"
_SOURCE = re.compile(  # a CSP host or scheme source, or 'self' / 'none': what --frame-ancestors accepts
    r"^(?:'self'|'none'|https?:|(?:https?://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?)$",
    re.IGNORECASE,
)
# Dash's callback bodies are a few levels deep (an upload's rows: 4); Python's JSON parser recurses, so a
# body nested about a thousand levels raises RecursionError, and anything deep costs every callback a walk.
MAX_JSON_DEPTH = 32
GENERIC_ERROR = ("Something went wrong on the server. Reload the page; if it keeps happening, "
                 "tell the site's owner.")


def content_security_policy(script_hashes: Iterable[str], *, frame_ancestors: str = "'self'") -> str:
    """The policy: everything from this origin only, no inline script but Dash's own (by hash), no plugins.

    - `style-src 'unsafe-inline'`: plotly.js and Dash's components set inline styles on the SVG and HTML they
      draw, and plotly.js adds its stylesheet at run time; style cannot run script in current browsers.
    - `img-src blob:`: plotly.js draws the modebar's "download as PNG" through a blob URL.
    - `img-src data:`: plotly.js draws a heatmap (the density lanes of a large file) as a PNG data URL;
      an image cannot run script.
    """
    directives: dict[str, list[str]] = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "blob:", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": [frame_ancestors],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def template_script_hashes(index_string: str) -> list[str]:
    """CSP hashes of the inline scripts the page's template itself holds (Dash hashes its own)."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(script.encode('utf-8')).digest()).decode()}'"
            for script in re.findall(r"<script>(.*?)</script>", index_string, re.S)]


def parse_frame_ancestors(value: str | None) -> tuple[str, ...]:
    """'https://a.org https://*.b.org self' -> CSP sources; () (any site) when empty.

    Raises:
        ValueError: naming the first value that is not a host, scheme, 'self' or 'none'.
    """
    tokens = [t for t in (value or "").replace(",", " ").split() if t]
    sources = []
    for token in tokens:
        token = {"self": "'self'", "none": "'none'"}.get(token.lower(), token)
        if not _SOURCE.match(token):
            raise ValueError(f"{token!r} is not a site: give hosts such as https://example.org or "
                             "https://*.example.org, separated by spaces (or 'self', 'none')")
        sources.append(token)
    if "'none'" in sources and len(sources) > 1:
        raise ValueError("'none' cannot be combined with other sites")
    if sources and "'self'" not in sources and "'none'" not in sources:
        sources.insert(0, "'self'")  # the app's own pages may still show its embeds
    return tuple(dict.fromkeys(sources))


def headers(policy: str, *, frameable: bool = False) -> dict[str, str]:
    """The headers every response carries. A frameable page (the embed) may be framed by any site."""
    out = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Security-Policy": policy,
    }
    if not frameable:
        out["X-Frame-Options"] = "SAMEORIGIN"
    return out


def _is_prop(item: object) -> bool:
    return isinstance(item, Mapping) and isinstance(item.get("property"), str) and isinstance(
        item.get("id"), (str, Mapping))


def _output_ok(item: object, declared: Any) -> bool:
    """One {id, property} per declared output, a list of them for a pattern-matching (ALL) one."""
    if isinstance(getattr(declared, "component_id", None), Mapping):
        return isinstance(item, list) and all(_is_prop(i) for i in item)
    return _is_prop(item)


def _props_ok(items: object, spec: Sequence[Mapping[str, Any]]) -> bool:
    """One {id, property, value} entry per declared input, a list of them for a pattern-matching (ALL) one."""
    if not isinstance(items, list) or len(items) != len(spec):
        return False
    for item, declared in zip(items, spec, strict=True):
        if str(declared.get("id", "")).startswith("{"):
            if not (isinstance(item, list) and all(_is_prop(i) for i in item)):
                return False
        elif not _is_prop(item):
            return False
    return True


def _prop_ids(items: list[Any]) -> set[str]:
    """`id.property` of each entry, ids written as Dash's client writes them (sorted keys, compact JSON)."""
    out = set()
    for item in items:
        for entry in item if isinstance(item, list) else [item]:
            cid = entry["id"]
            if isinstance(cid, Mapping):
                cid = json.dumps(cid, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            out.add(f"{cid}.{entry['property']}")
    return out


def deeper_than(value: object, limit: int) -> bool:
    """True when lists and objects in `value` nest more than `limit` levels (checked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (list, dict)))
    return False


def callback_body() -> object:
    """The JSON body of the current request, or None when it is not JSON.

    Raises:
        BadRequest: for JSON nested more than MAX_JSON_DEPTH levels (Python's parser would recurse too deep).
    """
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        raise BadRequest(f"Bad callback request: the JSON nests more than {MAX_JSON_DEPTH} levels.") from None
    if deeper_than(body, MAX_JSON_DEPTH):
        raise BadRequest(f"Bad callback request: the JSON nests more than {MAX_JSON_DEPTH} levels.")
    return body


def frameable_path(path: str, frameable_paths: Sequence[str]) -> bool:
    """`path` is one of `frameable_paths`, or a file directly below one (`/embed/embed.css`), never deeper
    (`/embed/x/y`)."""
    for base in frameable_paths:
        base = base.rstrip("/")
        if path == base or (path.startswith(base + "/") and "/" not in path[len(base) + 1:]):
            return True
    return False


def callback_request_problem(body: object, callback_map: Mapping[str, Mapping[str, Any]]) -> str | None:
    """Why a body posted to Dash's callback route does not fit the callback it names, or None.

    Dash answers such bodies with a 500 (a KeyError or TypeError deep in its dispatcher); with this check
    they get a 400, and the callbacks only ever see requests shaped like the ones the page sends.
    """
    if not isinstance(body, Mapping):
        return "the request body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "unknown callback output"
    spec = callback_map[output]
    if "callback" not in spec:
        return "this callback runs in the browser, not on the server"  # a clientside callback
    inputs = body.get("inputs")
    if not _props_ok(inputs, spec.get("inputs", [])):
        return "the inputs do not match the callback"
    if not _props_ok(body.get("state", []), spec.get("state", [])):
        return "the state does not match the callback"
    outputs, indices = body.get("outputs"), spec.get("outputs_indices", 0)
    if isinstance(indices, list):
        output_spec = spec.get("output")
        declared: list[Any] = output_spec if isinstance(output_spec, list) else []
        if not (isinstance(outputs, list) and len(outputs) == len(indices) == len(declared)
                and all(_output_ok(o, d) for o, d in zip(outputs, declared, strict=True))):
            return "the outputs do not match the callback"
    elif not _is_prop(outputs):
        return "the outputs do not match the callback"
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)
            and set(changed) <= _prop_ids(inputs)):  # type: ignore[arg-type]
        return "changedPropIds names something that is not an input of the callback"
    return None


def install(app: Dash, *, frameable_paths: Sequence[str] = (), frame_ancestors: Sequence[str] = ()) -> None:
    """Add headers, limits, the callback check and generic errors to `app`.

    Call it after the callbacks are registered, so the inline-script hashes are final.
    `frameable_paths`: paths (and the files directly below them) other sites may frame: any site, or only
    `frame_ancestors` (as parsed by `parse_frame_ancestors`) when given. Any other path Dash's catch-all
    route would answer (with the whole app) is a 404.
    """
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    server.config["FRAMEABLE_PATHS"] = tuple(frameable_paths)  # read by the tests of every route
    server.config["DEBUG"] = False  # production default; `frt-timeline serve --debug` turns it on
    hashes = [*app.csp_hashes(), *template_script_hashes(app.index_string)]
    own = headers(content_security_policy(hashes))
    framed = headers(content_security_policy(hashes, frame_ancestors=" ".join(frame_ancestors) or "*"),
                     frameable=True)

    catch_all = app.config.routes_pathname_prefix + "<path:path>"

    @server.before_request
    def check_request() -> None:
        rule = request.url_rule
        if rule is not None and rule.rule == catch_all:
            raise NotFound()  # the app is one page: Dash's catch-all would serve it at any path
        if request.path == CALLBACK_PATH and request.method == "POST":
            problem = callback_request_problem(callback_body(), app.callback_map)
            if problem is not None:
                raise BadRequest(f"Bad callback request: {problem}.")

    @server.after_request
    def add_headers(response: Response) -> Response:
        chosen = framed if frameable_path(request.path, frameable_paths) else own
        for name, value in chosen.items():
            response.headers.setdefault(name, value)
        return response

    @server.errorhandler(DependencyException)
    def unknown_script(_error: DependencyException) -> NotFound:
        return NotFound()  # Dash raises this (a 500) for a script path of a library it does not serve

    @server.errorhandler(Exception)
    def generic_error(error: Exception) -> Response | HTTPException:
        if isinstance(error, HTTPException):
            return error  # 400, 404, 413...: Werkzeug's short pages, with no internals
        if current_app.debug:
            raise error  # the developer's debugger shows the traceback (only with --debug)
        current_app.logger.exception("Error on %s %s", request.method, request.path)
        return Response(GENERIC_ERROR, status=500, mimetype="text/plain")
