"""The layering the README describes, checked on the source: data flows one way, and no module imports itself
back through others (every import statement counts, inside functions and under TYPE_CHECKING too)."""

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("flows", "transforms", "warehouse", "expectations")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Every project module and the project modules it imports, by any import statement anywhere in it."""
    modules = {module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles (each as the path that closes it), found by depth-first search."""
    found, state = [], dict.fromkeys(graph, 0)  # 0 unseen, 1 on the path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for other in sorted(graph[node]):
            if state[other] == 1:
                found.append([*path[path.index(other) :], other])
            elif state[other] == 0:
                visit(other, [*path, other])
        state[node] = 2

    for node in sorted(graph):
        if state[node] == 0:
            visit(node, [node])
    return found


def test_no_import_circle_among_the_projects_modules():
    assert cycles(imports()) == []


def test_an_import_circle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        # Pure transforms: frames in, frames out.
        ("transforms", ("prefect", "duckdb", "great_expectations", "flows", "warehouse", "expectations")),
        # The warehouse and the gate know nothing of the orchestration.
        ("warehouse", ("prefect", "flows", "expectations")),
        ("expectations", ("prefect", "flows", "warehouse", "duckdb")),
    ],
)
def test_data_flows_one_way(package, forbidden):
    for path in (REPO / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path.relative_to(REPO)} imports {name}"
