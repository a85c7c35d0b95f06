"""The docs against the tree: docs/architecture.md maps every module, imports flow one way, and
CONTRIBUTING.md says why each dependency is there."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "dashboard"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# The layers, lowest first: a module may import from its own layer and the layers before it, never after.
# `version.py` imports nothing and anyone may import it; the package root, app.py, cli.py, export.py and
# __main__.py are the top.
LAYERS = ("version", "data", "view", "figures", "text", "web", "top")

# Imports that go the wrong way today, as (importing module, imported module). Listed so the test guards
# against new ones while dashboard/view is being reworked (issue 13); fix the code and delete the entry
# (test_the_allow_list_holds_only_imports_that_still_exist fails until you do).
# (module, what it imports against the layers): none today.
KNOWN_WRONG_WAY: set[tuple[str, str]] = set()


def tree_modules() -> set[str]:
    """Every .py file under dashboard/, relative to it, except an __init__.py that holds only its docstring
    (the map names such a package in a heading)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "__init__.py":
            body = ast.parse(path.read_text(encoding="utf-8")).body
            if all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body):
                continue
        found.add(path.relative_to(PACKAGE).as_posix())
    return found


def map_rows() -> dict[str, str]:
    """The module map's rows: `| `path.py` | job |` -> job."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("\n## Module map\n", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `([\w/]+\.py)` \| (.*) \|$", section, re.MULTILINE))


def test_every_module_is_on_the_map():
    missing = sorted(tree_modules() - set(map_rows()))
    assert not missing, f"add a line for each to the module map in docs/architecture.md: {missing}"


def test_every_module_on_the_map_exists():
    gone = sorted(set(map_rows()) - tree_modules())
    assert not gone, f"these are on the map in docs/architecture.md but not in dashboard/: {gone}"


def test_every_module_on_the_map_says_what_it_does():
    assert all(len(job.strip()) > 15 for job in map_rows().values())


def layer(module: str) -> str:
    """The layer of a dotted module name inside the package: 'dashboard.view.story' -> 'view'."""
    parts = module.split(".")[1:]
    if parts and parts[0] in LAYERS:
        return parts[0]
    return "top"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The package's own modules that `path` imports, anywhere in it (inside functions too), as dotted
    names; relative imports are resolved."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            # `from dashboard.view import story` imports dashboard.view.story; `from x import name` imports x
            names = [f"{base}.{alias.name}" if is_module(f"{base}.{alias.name}") else base
                     for alias in node.names]
        else:
            continue
        found.update(name for name in names if name == "dashboard" or name.startswith("dashboard."))
    return found


def is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def wrong_way_imports() -> set[tuple[str, str]]:
    wrong = set()
    for path in PACKAGE.rglob("*.py"):
        own = layer(module_name(path))
        for imported in imports_of(path):
            if LAYERS.index(layer(imported)) > LAYERS.index(own):
                wrong.add((path.relative_to(PACKAGE).as_posix(), imported))
    return wrong


def test_imports_flow_one_way():
    """data -> view -> figures -> text -> web -> top: no module imports from a layer above its own."""
    new = sorted(wrong_way_imports() - KNOWN_WRONG_WAY)
    assert not new, f"imports against the layers (see docs/architecture.md): {new}"


def test_the_allow_list_holds_only_imports_that_still_exist():
    fixed = sorted(KNOWN_WRONG_WAY - wrong_way_imports())
    assert not fixed, f"fixed: delete these from KNOWN_WRONG_WAY and from docs/architecture.md: {fixed}"


def test_the_layer_check_sees_a_wrong_way_import(tmp_path, monkeypatch):
    """The checker itself: a data module importing the web layer is caught, absolute or relative."""
    fake = tmp_path / "dashboard"
    (fake / "data").mkdir(parents=True)
    (fake / "web").mkdir()
    for init in (fake / "__init__.py", fake / "data" / "__init__.py", fake / "web" / "__init__.py"):
        init.write_text('"""doc"""\n', encoding="utf-8")
    (fake / "web" / "ids.py").write_text("X = 1\n", encoding="utf-8")
    (fake / "data" / "a.py").write_text("def f():\n    from dashboard.web import ids\n", encoding="utf-8")
    (fake / "data" / "b.py").write_text("from ..web.ids import X\n", encoding="utf-8")
    this = sys.modules[__name__]
    monkeypatch.setattr(this, "ROOT", tmp_path)
    monkeypatch.setattr(this, "PACKAGE", fake)
    assert wrong_way_imports() == {("data/a.py", "dashboard.web.ids"), ("data/b.py", "dashboard.web.ids")}


def dependency_names() -> list[str]:
    """Every requirement in pyproject.toml (the package's and each extra's), without its version."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: pytest itself depends on tomli there
        import tomli as tomllib  # type: ignore[no-redef]

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    names = [re.match(r"[A-Za-z0-9_.\-]+(\[[^\]]*\])?", r).group(0) for r in requirements]  # type: ignore[union-attr]
    return sorted(set(names))


def test_contributing_says_why_each_dependency_is_there():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("\n## Dependencies\n", 1)[1].split("\n## ", 1)[0]
    flags = re.MULTILINE | re.IGNORECASE
    missing = [name for name in dependency_names()
               if not re.search(rf"^- \*\*{re.escape(name)}\*\*.*: \S", section, flags)]
    assert not missing, f"add a line '- **name** ...: why' to CONTRIBUTING.md's Dependencies: {missing}"
