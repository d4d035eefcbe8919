"""The layers of the package (分层): which part of govsite may import which.

``LAYERS`` is the table of docs/architecture.md ("Layers"): every package and
top-level module of ``govsite`` with the parts it may import. The test walks every
module's imports with :mod:`ast` (those inside functions and ``TYPE_CHECKING`` blocks
too: a deferred import is still a dependency) and fails on any import the table does
not allow, on a part of govsite the table does not name, on a table that is not a
stack of floors (a cycle), on an import cycle between modules, and on a part the
document's picture leaves out.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "govsite"

# Floor 0, the ground: helpers with no knowledge of sites, each importing only what
# is listed before it here.
GROUND: dict[str, set[str]] = {
    "govsite": set(),  # govsite/__init__.py: the version
    "valuetext": set(),
    "i18n": {"valuetext"},  # and the features' message catalogs: MESSAGE_CATALOGS
    "problems": {"i18n", "valuetext"},
    "dates": set(),
    "identifiers": set(),
    "checksums": set(),
    "fill_in": set(),
    "markdown_engines": set(),
    "markdown": {"markdown_engines"},
    "environment_errors": set(),
    "base": {"govsite", "markdown", "problems"},
}
GROUND_ALL = set(GROUND)

LAYERS: dict[str, set[str]] = {
    **GROUND,
    # 1: the model: validated files, the linked site, the phase-2 linker
    "model": GROUND_ALL,
    # 2: phase 1, reading and validating each file; what depends only on the model
    "content": GROUND_ALL | {"model"},
    "years": GROUND_ALL | {"model"},
    # 3: phase 3 and templates: the plan, contexts, the feature registry
    "render": GROUND_ALL | {"model", "content"},
    # 4: features; each plugs into render/registry.py. annual registers an inspection rule.
    "inspect": GROUND_ALL | {"model", "content", "render"},
    "exports": GROUND_ALL | {"model", "content", "render"},
    "feeds": GROUND_ALL | {"model", "content", "render"},
    "redirects": GROUND_ALL | {"model", "content", "render"},
    "search": GROUND_ALL | {"model", "content", "render"},
    "annual": GROUND_ALL | {"model", "content", "years", "render", "inspect"},
    # the provincial portal: pages built from member sites' published output, judged by
    # inspect's column rules, with the feeds' Atom writer and the search's settings
    "portal": GROUND_ALL | {"model", "content", "render", "inspect", "feeds", "search", "exports"},
    # 5: the pipeline runs the phases and links features to the model
    "pipeline": GROUND_ALL | {"model", "content", "render", "annual", "inspect", "redirects", "portal", "exports", "feeds", "search"},
}
BELOW_COMMANDS = set(LAYERS)
COMMAND_PARTS: dict[str, set[str]] = {
    # 6: commands, on top: what the command modules call, then the commands themselves
    "cli_lines": BELOW_COMMANDS,
    "cli_common": BELOW_COMMANDS | {"cli_lines"},
    "cli_progress": BELOW_COMMANDS,
    "newitem": BELOW_COMMANDS,
    "new": BELOW_COMMANDS | {"newitem"},
    "lists": BELOW_COMMANDS,
    "scaffold_site": BELOW_COMMANDS,
    "importer": BELOW_COMMANDS,
    "serve": BELOW_COMMANDS,
    "publish": BELOW_COMMANDS,
    "portalsync": BELOW_COMMANDS | {"publish"},  # govsite portal sync: rclone and the credential check of publish
}
LAYERS |= COMMAND_PARTS
for _path in sorted(PACKAGE.glob("cli_*.py")):  # a command group: cli_build.py, cli_new.py, …
    LAYERS.setdefault(_path.stem, BELOW_COMMANDS | set(COMMAND_PARTS))
LAYERS["cli_group"] = set(LAYERS) - {"cli_group"}  # the click group: registers every command
LAYERS["cli"] = set(LAYERS) - {"cli"}  # the entry point: answers a build with nothing to do, else runs the group

MESSAGE_CATALOGS = {"govsite.annual.messages", "govsite.inspect.messages", "govsite.new.messages",
                    "govsite.redirects.messages", "govsite.model.gazette_messages", "govsite.publish.messages",
                    "govsite.portal.messages"}
"""A feature's problem messages, kept beside the feature but merged by :mod:`govsite.i18n`
on the ground floor: data that imports nothing from govsite (checked below)."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def unit(module: str) -> str:
    """The row of the table a module belongs to: its package or top-level module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports(module: str) -> list[tuple[int, str]]:
    """(line, module) of every govsite module that ``module`` imports, anywhere in it."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return [(line, target) for line, target in imports_in(path.read_text(encoding="utf-8"), package)
            if target != module]


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) of the govsite modules ``source`` imports: at the top, inside
    functions, under ``if TYPE_CHECKING``; relative imports resolved from ``package``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # ``from pkg import sub`` imports the submodule, not the package's __init__
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target:
                found.append((node.lineno, target))
    return found


def test_every_part_of_govsite_has_a_row() -> None:
    missing = sorted({unit(m) for m in MODULES} - set(LAYERS))
    assert not missing, f"add a row to LAYERS (tests/test_layers.py) and to docs/architecture.md for {missing}"


def test_no_module_imports_above_its_floor() -> None:
    wrong = []
    for module in MODULES:
        own = unit(module)
        for line, target in imports(module):
            other = unit(target)
            if other == own or (own == "i18n" and target in MESSAGE_CATALOGS):
                continue
            if other not in LAYERS.get(own, set()):
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line} imports {target} ({own} → {other})")
    assert not wrong, "imports the layer table does not allow:\n" + "\n".join(wrong)


def test_message_catalogs_import_nothing_from_govsite() -> None:
    for module in MESSAGE_CATALOGS:
        assert imports(module) == [], module


def test_the_table_is_a_stack_of_floors() -> None:
    """No two parts may import each other, even through others: the table has no cycle."""
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, "cycle in LAYERS: " + " → ".join(path + [name])
        state[name] = 1
        for below in sorted(LAYERS.get(name, set())):
            visit(below, path + [name])
        state[name] = 2

    for name in sorted(LAYERS):
        visit(name, [])


def test_no_import_cycle_between_modules() -> None:
    """Within a package too: a cycle of modules means one of them has two purposes."""
    graph = {m: {t for _, t in imports(m)} for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def strong(v: str) -> None:  # Tarjan
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in MODULES:
        if module not in index:
            strong(module)
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("name", sorted(set(LAYERS) - {"govsite"}))
def test_the_layers_picture_names_every_part(name: str) -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    picture = text[text.index("## Layers"):]
    picture = picture[: picture.index("\n## ", 1)]
    shown = f"{name}/" if (PACKAGE / name).is_dir() else f"{name}.py"
    if name.startswith("cli_"):
        shown = "cli_*.py"
    assert shown in picture, f"docs/architecture.md, Layers: {shown} is not in the picture"


def test_the_walk_sees_deferred_imports() -> None:
    """The check would pass vacuously if it missed imports inside functions, under
    ``TYPE_CHECKING`` or written relative to the package."""
    source = """
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from govsite.render.plan import PageSpec
def build():
    from govsite.pipeline.build import build as run
    import govsite.search.tokens
from . import digests
from .urls import pretty
"""
    assert sorted(t for _, t in imports_in(source, "govsite.base")) == [
        "govsite.base.digests", "govsite.base.urls", "govsite.pipeline.build", "govsite.render.plan",
        "govsite.search.tokens"]
