"""The README and the docs: links that lead somewhere, every setting documented, a README a user can read."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import ROOT

PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(page: Path) -> set[str]:
    """GitHub's ids for a page's headings: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    headings = re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_every_relative_link_and_anchor_in_the_docs_leads_somewhere():
    broken = []
    for page in PAGES:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        for target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):  # http(s), mailto: not checked here
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            if not linked.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert not broken, broken


def test_every_environment_variable_the_app_reads_is_in_the_deployment_settings():
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    settings = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "dashboard").rglob("*.py"))
    names = set(re.findall(r"\bFRT_[A-Z_]+", code))
    assert names, "the app reads FRT_* variables"
    documented = re.findall(r"^\| `(FRT_[A-Z_]+)(\*?)` \|", settings, re.MULTILINE)
    exact = {name for name, star in documented if not star}
    prefixes = tuple(name for name, star in documented if star)  # `FRT_CACHE_*`: every flask-caching setting
    missing = sorted(n for n in names if n not in exact and not n.startswith(prefixes))
    assert not missing, f"add a row for each to the Settings table of docs/deployment.md: {missing}"


def test_the_readme_is_short_and_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    assert "pip install -e . && python -m dashboard" in readme
    assert "bash .ci/run" in readme
    # .ci/run ends with the test command the README names
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci.replace("python3", "python") in readme
