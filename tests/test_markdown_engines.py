"""The two Markdown engines give the same result (docs/architecture.md, "Dependencies").

markdown-it-pyrs is the engine; markdown-it-py is what govsite switches to when the Rust
wheel cannot be imported. Every demo body (``content/**/*.md`` of the repository) and
every Markdown fixture under ``tests/`` is rendered with each engine explicitly, with
raw HTML off and on: the HTML (heading ids, table regions, sanitising included), the
links with their lines, the images without alt text and the heading ids must be equal.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from govsite.base.yamlsource import split_front_matter
from govsite.markdown import body_links, heading_ids, inspect_markdown, render_markdown
from govsite.markdown_engines import PythonEngine, RustEngine, installed_engine

ROOT = Path(__file__).resolve().parents[1]
BODIES = sorted([*ROOT.glob("content/**/*.md"), *(ROOT / "tests").rglob("*.md")])
RUST, PYTHON = RustEngine(), PythonEngine()


def _body(path: Path) -> tuple[str, int]:
    text = path.read_text(encoding="utf-8")
    split = split_front_matter(text)
    return (split[1], split[2] - 1) if split else (text, 0)


def test_there_are_bodies_to_compare() -> None:
    assert len([p for p in BODIES if p.is_relative_to(ROOT / "content")]) > 100
    assert len([p for p in BODIES if p.is_relative_to(ROOT / "tests")]) >= 10


@pytest.mark.parametrize("allow_html", [False, True], ids=["raw-html-off", "raw-html-on"])
@pytest.mark.parametrize("path", BODIES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_engines_give_the_same_page(path: Path, allow_html: bool) -> None:
    body, offset = _body(path)
    rust = render_markdown(body, allow_html, offset, engine=RUST)
    python = render_markdown(body, allow_html, offset, engine=PYTHON)
    assert python.html == rust.html
    assert python.links == rust.links
    assert python.images_without_alt == rust.images_without_alt
    assert body_links(body, allow_html, offset, engine=PYTHON) == body_links(body, allow_html, offset, engine=RUST)
    assert heading_ids(body, allow_html, engine=PYTHON) == heading_ids(body, allow_html, engine=RUST)


def test_full_width_indentation_of_table_cells_is_kept_by_both() -> None:
    """The one difference found between the engines: markdown-it-py trims a cell's
    full-width spaces (the indentation of 其中 rows); govsite keeps them in both."""
    table = "| 项目 | 金额 |\n| --- | --- |\n| 一般公共预算收入 | 10 |\n| \u3000其中：税收收入 | 8 |\n"
    for engine in (RUST, PYTHON):
        assert "<td>\u3000其中：税收收入</td>" in render_markdown(table, engine=engine).html


def test_lines_of_links_and_images_agree_across_breaks_and_raw_html() -> None:
    body = ("第一段\n[甲](a.html)\n\n> 引用 ![](b.png)\n> [乙](c.html)\n\n"
            "| 表 | 链接 |\n| --- | --- |\n| x | [丙](d.html) |\n\n<p>\n<img src=\"e.png\">\n</p>\n")
    for allow_html in (False, True):
        rust = inspect_markdown(body, allow_html, 10, engine=RUST)
        python = inspect_markdown(body, allow_html, 10, engine=PYTHON)
        assert python.images_without_alt == rust.images_without_alt
        assert body_links(body, allow_html, 10, engine=PYTHON) == body_links(body, allow_html, 10, engine=RUST) == [
            (12, "a.html", "甲"), (15, "c.html", "乙"), (19, "d.html", "丙")]


def test_without_the_rust_wheel_govsite_switches_to_markdown_it_py(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(installed_engine(), RustEngine)  # the engine wherever its wheel installs
    monkeypatch.setitem(sys.modules, "markdown_it_pyrs", None)  # import now raises ImportError
    engine = installed_engine()
    assert isinstance(engine, PythonEngine) and engine.name != RUST.name  # a new cache key too
    assert render_markdown("# 标题\n\n正文", engine=engine).html == '<h2 id="标题">标题</h2>\n<p>正文</p>\n'
