"""The layout holds: apps import downward only, no import circle between files, `core` knows no domain.

The layers, from the bottom (docs/architecture.md): an app may import its own modules and
those of any app on a lower layer, never one beside it or above it. `rec_portal` is wiring
and may import anything; migrations and tests are not application code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LAYERS: list[set[str]] = [
    {"core"},
    {"mailqueue"},
    {"accounts"},
    {"members"},
    {"workinggroups"},
    {"meetings", "news"},
    {"directory", "publicsite", "opendata"},
    {"demo"},
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
MAX_LINES = 900


def _source_files() -> list[Path]:
    files = []
    for app in [*RANK, "rec_portal"]:
        folder = ROOT / app
        if folder.is_dir():
            files += [p for p in folder.rglob("*.py") if "migrations" not in p.parts]
    return sorted(files)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Return the first-party modules `path` imports, at the top or inside functions alike."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    first_party = (*RANK, "rec_portal")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from meetings import access` imports the module meetings.access.
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name for name in names if name.split(".")[0] in first_party}
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in _source_files()}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_core_imports_no_domain_app(graph):
    wrong = {(module, target) for module, targets in graph.items() for target in targets if module.startswith("core")}
    assert {(m, t) for m, t in wrong if not t.startswith("core")} == set()


def test_each_app_imports_only_itself_and_lower_layers(graph):
    upward = []
    for module, targets in graph.items():
        app = module.split(".")[0]
        if app == "rec_portal":
            continue
        for target in targets:
            other = target.split(".")[0]
            if other != app and (other == "rec_portal" or RANK[other] >= RANK[app]):
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_no_import_circle_between_files(graph):
    # Tarjan's strongly connected components: any component of two or more files is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    assert circles == []


def test_no_source_file_is_over_900_lines():
    long = {str(p.relative_to(ROOT)): n for p in _source_files() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_the_online_link_is_read_only_by_the_policy():
    # Pages, e-mails and feeds get the link from `access.online_url_for`; nothing else reads the field.
    pattern = re.compile(r"\.online_url\b")
    readers = [str(p.relative_to(ROOT)) for p in _source_files() if pattern.search(p.read_text())]
    templates = [str(p.relative_to(ROOT)) for p in (ROOT / "templates").rglob("*.*") if pattern.search(p.read_text())]
    assert readers == ["meetings/access.py"]
    assert templates == []


def test_templates_leave_levels_to_the_policy():
    # A template asks `levels` tags (`is_confidential`, `level_badge`, `level_why`); it never compares levels.
    pattern = re.compile(r"\.level\s*(==|!=)|level\s*(==|!=)\s*[\"']")
    deciding = [str(p.relative_to(ROOT)) for p in (ROOT / "templates").rglob("*.html") if pattern.search(p.read_text())]
    assert deciding == []
