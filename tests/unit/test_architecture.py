"""The core stays free of the UI: importing search/ and briefings/ never loads Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.commands import required_command


def test_importing_the_core_does_not_load_the_ui():
    code = (
        "import sys, importlib, pkgutil, search, briefings\n"
        "for pkg in (search, briefings):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in {'textual', 'rich', 'tui'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_contracts_hold():
    out = subprocess.run([required_command("lint-imports")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def import_cycles(graph) -> list[list[str]]:
    """Every group of modules that import each other in a loop (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_itself_back_through_others():
    import grimp

    graph = grimp.build_graph("tui", "search", "briefings", include_external_packages=False)
    # Imports made only for type checking count too: they are a loop a reader follows.
    assert import_cycles(graph) == []


def test_the_cycle_check_sees_a_loop():
    import grimp

    graph = grimp.ImportGraph()
    for module in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(module)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.x")
    graph.add_import(importer="a.z", imported="a.x")
    assert import_cycles(graph) == [["a.x", "a.y"]]
