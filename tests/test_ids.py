"""Component ids have one source: dashboard/web/ids.py. The page's scripts read them from the generated
assets/_frt.js, which also defines the one `frt` namespace."""

from __future__ import annotations

import re

from dashboard.web import ids
from tests.conftest import ROOT

ASSETS = ROOT / "assets"


def test_the_generated_ids_file_is_up_to_date():
    """Regenerate with `python -m dashboard.web.ids > assets/_frt.js` after changing dashboard/web/ids.py."""
    assert (ASSETS / ids.SCRIPT).read_text(encoding="utf-8") == ids.javascript()


def test_it_loads_before_the_scripts_that_read_it():
    scripts = sorted(p.name for p in ASSETS.glob("*.js"))
    assert scripts[0] == ids.SCRIPT  # Dash loads assets in name order


def test_no_script_types_a_component_id_again():
    """getElementById, set_props, triggered_id and `#id` selectors name ids through `frt.ids` only."""
    values = {v for k, v in vars(ids).items() if k.isupper() and isinstance(v, str) and k != "SCRIPT"}
    typed = []
    for path in sorted(ASSETS.glob("*.js")):
        if path.name == ids.SCRIPT:
            continue
        text = path.read_text(encoding="utf-8")
        for call in re.findall(r'(?:getElementById|set_props)\(\s*"([^"]+)"|triggered_id === "([^"]+)"'
                               r'|(?:querySelector(?:All)?|closest)\(\s*"#([a-z-]+)', text):
            name = next(n for n in call if n)
            if name in values:
                typed.append((path.name, name))
    assert typed == []


def test_the_namespace_is_defined_in_one_place():
    defining = [p.name for p in ASSETS.glob("*.js") if re.search(r"window\.frt\s*=", p.read_text("utf-8"))]
    assert defining == [ids.SCRIPT]
