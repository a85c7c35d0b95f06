"""A bounded fuzz of every route with random parameters (hypothesis, Flask test client): never a 5xx.

Routes come from the app's URL map, so a new route is fuzzed without editing this file. The counts of
requests are asserted, so the bound is visible: GET_CASES + CALLBACK_CASES + ENVELOPE_CASES requests.
"""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.app import create_app
from dashboard.web import security
from tests.dash_requests import prop_id

# The only 5xx a route may answer on purpose: oEmbed's spec asks for a 501 when a client asks for a format the
# provider does not serve (e.g. format=xml).
SPEC_5XX = {"/oembed": {501}}

GET_CASES = 300
CALLBACK_CASES = 300
ENVELOPE_CASES = 100

text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
PARAMS = ["company", "category", "start", "end", "q", "context", "event", "theme", "url", "format",
          "maxwidth"]
REALISTIC = ["IBM", "Amazon", "decision", "2020-06-08", "2020-13-45", "0", "1", "ibm-exit", "", "%00", "../x",
             "<script>alert(1)</script>", "javascript:alert(1)", "9" * 40, "2020-06-08T00:00", "dark", "json"]
param_value = st.sampled_from(REALISTIC) | text
query_pairs = st.lists(st.tuples(st.sampled_from(PARAMS) | text, param_value), max_size=8)
raw_query = st.sampled_from(["%zz", "&&==", "a=%ff%fe", "company", "q=%E2%82", ";;;", "a[]=1&a[b]=2"]) | text

leaf = (st.none() | st.booleans() | st.integers(-10**9, 10**9)
        | st.floats(allow_nan=False, allow_infinity=False) | text)
json_value = st.recursive(leaf, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=10)
REALISTIC_PROPS = ["?company=IBM&context=0", "?event=ibm-exit", "?q=%3Cb%3E", "/", "//evil.example/", ["IBM"],
                   ["decision", "protest"], ["on"], [], 1, 0, None, "2020-06-01",
                   {"column": "title", "ascending": False}, {"column": ["x"]},
                   {"points": [{"customdata": "ibm-exit"}]}, {"points": [{"customdata": ["x"]}]},
                   {"points": "x"}]
prop_value = st.sampled_from(REALISTIC_PROPS) | json_value


@pytest.fixture(scope="module")
def app():
    from tests.conftest import DATA

    return create_app(DATA / "valid.csv")


def get_rules(app) -> list[str]:
    return sorted(r.rule for r in app.server.url_map.iter_rules() if "GET" in r.methods)


def test_get_routes_with_random_parameters_never_5xx(app):
    client = app.server.test_client()
    rules = get_rules(app)
    statuses: Counter[int] = Counter()
    covered: set[str] = set()

    @settings(max_examples=GET_CASES, deadline=None, database=None)
    @given(rule=st.sampled_from(rules), path_value=text, pairs=query_pairs, raw=raw_query,
           use_raw=st.booleans())
    def run(rule, path_value, pairs, raw, use_raw):
        path = rule
        for name in ("filename", "path", "package_name", "fingerprinted_path"):
            path = path.replace(f"<path:{name}>", quote(path_value or "x")).replace(
                f"<string:{name}>", quote((path_value or "x").replace("/", "_"), safe=""))
        query = raw if use_raw else urlencode(pairs)
        response = client.get(path, query_string=query)
        statuses[response.status_code] += 1
        covered.add(rule)
        ok = response.status_code < 500 or response.status_code in SPEC_5XX.get(rule, set())
        assert ok, (path, query, response.status_code)

    run()
    # Every route at least once, whatever the random draw picked (more routes than draws can miss some).
    for rule in sorted(set(rules) - covered):
        path = rule
        for name in ("filename", "path", "package_name", "fingerprinted_path"):
            path = path.replace(f"<path:{name}>", "x").replace(f"<string:{name}>", "x")
        response = client.get(path, query_string="company=%00&start=soon")
        statuses[response.status_code] += 1
        covered.add(rule)
        assert response.status_code < 500 or response.status_code in SPEC_5XX.get(rule, set()), rule
    assert sum(statuses.values()) >= GET_CASES
    assert covered == set(rules)
    print(f"\nGET fuzz: {sum(statuses.values())} requests, {len(rules)} routes, statuses {dict(statuses)}")


def _entries(declared, draw_value, draw_ids):
    out = []
    for d in declared:
        if d["id"].startswith("{"):
            kind = json.loads(d["id"])["type"]
            key = next(k for k in json.loads(d["id"]) if k != "type")
            out.append([{"id": {"type": kind, key: cid}, "property": d["property"], "value": draw_value()}
                        for cid in draw_ids()])
        else:
            out.append({"id": d["id"], "property": d["property"], "value": draw_value()})
    return out


def test_callbacks_with_random_inputs_never_5xx(app):
    client = app.server.test_client()
    keys = sorted(app.callback_map)
    statuses: Counter[int] = Counter()
    called: set[str] = set()

    # Every callback gets its share of the cases (drawing the callback too would leave some out by chance).
    per_callback = -(-CALLBACK_CASES // len(keys))

    @settings(max_examples=per_callback, deadline=None, database=None)
    @given(data=st.data())
    def run(key, data):
        spec = app.callback_map[key]

        def draw_value():
            return data.draw(prop_value)

        def draw_ids():
            choices = st.sampled_from(["ibm-exit", "title", "date", "nope"]) | text
            return data.draw(st.lists(choices, max_size=3))

        inputs = _entries(spec["inputs"], draw_value, draw_ids)
        entries = [e for i in inputs for e in (i if isinstance(i, list) else [i])]
        ids = sorted({prop_id(e["id"], e["property"]) for e in entries})
        outputs = [[] if isinstance(o.component_id, dict)
                   else {"id": o.component_id, "property": o.component_property}
                   for o in (spec["output"] if isinstance(spec["output"], list) else [spec["output"]])]
        body = {
            "output": key,
            # (a callback without outputs, such as a clientside one calling set_props, has none to name)
            "outputs": outputs if isinstance(spec["outputs_indices"], list) or not outputs else outputs[0],
            "inputs": inputs,
            "state": _entries(spec["state"], draw_value, draw_ids),
            "changedPropIds": data.draw(st.lists(st.sampled_from(ids), max_size=2)) if ids else [],
        }
        response = client.post(security.CALLBACK_PATH, json=body)
        statuses[response.status_code] += 1
        called.add(key)
        assert response.status_code < 500, (key, body, response.get_data(as_text=True)[:300])

    for key in keys:
        run(key)
    assert sum(statuses.values()) >= CALLBACK_CASES
    assert called == set(keys)
    print(f"\ncallback fuzz: {sum(statuses.values())} requests, {len(keys)} callbacks, "
          f"statuses {dict(statuses)}")


def test_random_callback_envelopes_get_a_4xx_not_a_5xx(app):
    client = app.server.test_client()
    keys = sorted(app.callback_map)
    statuses: Counter[int] = Counter()

    @settings(max_examples=ENVELOPE_CASES, deadline=None, database=None)
    @given(body=st.dictionaries(st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds"]),
                                st.sampled_from(keys) | json_value, max_size=5))
    def run(body):
        response = client.post(security.CALLBACK_PATH, json=body)
        statuses[response.status_code] += 1
        assert response.status_code < 500, (body, response.status_code)

    run()
    assert sum(statuses.values()) >= ENVELOPE_CASES
    print(f"\nenvelope fuzz: {sum(statuses.values())} requests, statuses {dict(statuses)}")
