"""The import graph runs one way: no cycle between any two modules, and the layer contracts in
pyproject.toml ([tool.importlinter]) hold, so that `make test` enforces them as CI's
`lint-imports` does.

What counts as a cycle: the graph's edges are the imports written in the code, at module
level, inside functions and under ``TYPE_CHECKING`` alike (grimp's graph, the one
import-linter checks); a cycle is a module that reaches itself along them. A package's face
(``__init__``) importing its own submodules is one edge, parent to child, and no cycle by
itself; the implicit "importing a.b runs a/__init__" is not an edge, or every face would be a
cycle. A submodule importing its own package's face while that face imports it back *is* a
cycle: a partly initialised module at run time.
"""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

import grimp
import importlinter.api  # noqa: F401  (importing it configures import-linter's readers)
import pytest
from importlinter.application import use_cases

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
CONTRACTS = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]


def cycles(graph) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.find_modules_directly_imported_by(nxt)))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
    return found


def test_the_cycle_finder_counts_a_loop_and_not_a_face_importing_its_children():
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.d"):
        graph.add_module(module)
    graph.add_import(importer="pkg", imported="pkg.a")  # the face
    graph.add_import(importer="pkg", imported="pkg.b")
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.d")
    assert cycles(graph) == []
    graph.add_import(importer="pkg.d", imported="pkg.b")  # b -> c -> d -> b
    assert cycles(graph) == [frozenset({"pkg.b", "pkg.c", "pkg.d"})]
    graph.add_import(importer="pkg.c", imported="pkg")  # a child back through the face
    assert cycles(graph) == [frozenset({"pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.d"})]


def test_no_module_of_businesscase_or_dashboards_is_part_of_an_import_cycle():
    graph = grimp.build_graph("businesscase", "dashboards", cache_dir=None)
    # The graph is of this work tree, not of an installed copy.
    assert "businesscase.engine.evaluate" in graph.modules
    found = set(cycles(graph))
    assert found == set(), sorted(sorted(c) for c in found)


@pytest.mark.parametrize("contract", [c["id"] for c in CONTRACTS["contracts"]])
def test_the_layer_contract_holds(contract, capsys):
    kept = use_cases.lint_imports(
        config_filename=str(PYPROJECT), limit_to_contracts=(contract,), cache_dir=None, no_logo=True
    )
    assert kept, capsys.readouterr().out


# -- each package's face exports what other packages use, and nothing else ---------------

FACES = [
    "model",
    "io",
    "engine",
    "text",
    "allocation",
    "uncertainty",
    "programme",
    "scenarios",
    "export",
    "cli",
]
USERS = ("businesscase", "dashboards", "tests", "benchmarks", "docs")


def face_imports(package: str) -> set[str]:
    """Every name some module outside businesscase.<package> imports from its face."""
    names: set[str] = set()
    for folder in USERS:
        for path in (ROOT / folder).rglob("*.py"):
            if path.is_relative_to(ROOT / "businesscase" / package):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module == f"businesscase.{package}":
                    names |= {alias.name for alias in node.names}
    return names


@pytest.mark.parametrize("package", FACES)
def test_a_face_exports_only_what_others_use(package):
    face = importlib.import_module(f"businesscase.{package}")
    assert sorted(set(face.__all__) - face_imports(package)) == []


@pytest.mark.parametrize("package", FACES)
def test_what_others_import_from_a_face_is_in_its_all(package):
    face = importlib.import_module(f"businesscase.{package}")
    submodules = {p.stem for p in (ROOT / "businesscase" / package).glob("*.py")}
    assert sorted(face_imports(package) - set(face.__all__) - submodules) == []


def test_across_packages_a_module_imports_only_a_face():
    """`from businesscase.engine import evaluate`, never `from businesscase.engine.lines
    import ...`: a package's inside may change without its users noticing."""
    deep = []
    for folder in ("businesscase", "dashboards"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).parts
            own = rel[1] if rel[0] == "businesscase" and len(rel) > 2 else None
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    parts = node.module.split(".")
                    if parts[0] == "businesscase" and len(parts) > 2 and parts[1] != own:
                        deep.append(f"{'/'.join(rel)}: from {node.module}")
    assert deep == []
