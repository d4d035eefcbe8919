"""docs/accessibility.md names real tests, and docs/screenshots/ holds exactly the set
scripts/screenshots.py writes, small enough for git, with the two README shows."""
from __future__ import annotations

import ast
import importlib.util
import re

from PIL import Image

from tests.conftest import REPO

DOC = (REPO / "docs" / "accessibility.md").read_text(encoding="utf-8")
SHOTS = REPO / "docs" / "screenshots"
REFERENCE = re.compile(r"`((?:tests/[\w/]+/)?test_\w+\.py)((?:::\w+)?)`|`::(\w+)`")
"""`tests/a11y/test_x.py::name`, short `test_x.py` (in tests/a11y/), or `::name` (the file named last)."""


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _names(path) -> set[str]:  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def test_every_test_the_doc_names_exists() -> None:
    """Every test file the doc names exists, and every function it names is in that file."""
    current = None
    checked = 0
    for match in REFERENCE.finditer(DOC):
        file, name, same_file = match.groups()
        if file:
            current = REPO / (file if file.startswith("tests/") else "tests/a11y/" + file)
            assert current.is_file(), file
        name = (name or "").lstrip(":") or same_file
        if name:
            assert current is not None and name in _names(current), f"{current}::{name}"
            checked += 1
    assert checked >= 10


def test_screenshots_are_the_full_set_and_small() -> None:
    script = _script()
    expected = {f"{page}-{width}-{theme}.png" for page in script.PAGES for width, _h in script.SIZES
                for theme in script.THEMES}
    assert {p.name for p in SHOTS.iterdir()} == expected
    for png in SHOTS.iterdir():
        with Image.open(png) as image:
            assert image.format == "PNG" and image.width in (360, 1280), png.name
    assert sum(p.stat().st_size for p in SHOTS.iterdir()) <= 8_000_000


def test_readme_shows_two_screenshots_and_links_the_doc() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r'<img src="(docs/screenshots/[^"]+\.png)"[^>]* alt="[^"]+"', readme)
    assert len(shown) == 2 and all((REPO / s).is_file() for s in shown)
    assert any("-360-" in s for s in shown) and any("-1280-care" in s for s in shown)
    assert "(docs/accessibility.md)" in readme
