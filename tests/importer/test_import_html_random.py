"""Property checks on generated messy HTML: text is never lost, output always renders cleanly."""
from __future__ import annotations

import random

import pytest

from govsite.importer.html2md import html_to_markdown
from govsite.markdown import inspect_markdown

from test_import_html import assert_text_kept

WORDS = ["政府", "信息公开", "工作", "通知", "“两个确保”", "（一）", "《条例》", "第1条", "2019年", "A|B", "x*y_z",
         "&amp;", "&lt;b&gt;", "&nbsp;", "　　", "，", "。", "、", "—", "1. ", "# ", "- ", "[注]", "春节\n期间"]
INLINE = ["span", "font", "b", "strong", "i", "em", "u", "a", "o:p", "sub"]
BLOCK = ["p", "div", "center", "h2", "h3", "blockquote", "li-list", "table", "br", "img", "pre"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _inline(rng: random.Random, depth: int) -> str:
    parts = []
    for _ in range(rng.randint(1, 3)):
        if depth > 0 and rng.random() < 0.5:
            tag = rng.choice(INLINE)
            attrs = ' href="/a b.html"' if tag == "a" else ' style="color:red"'
            parts.append(f"<{tag}{attrs}>{_inline(rng, depth - 1)}</{tag}>")
        else:
            parts.append(_text(rng))
    return "".join(parts)


def _cell(rng: random.Random, depth: int) -> str:
    span = rng.choice(["", "", ' colspan="2"', ' rowspan="2"'])
    inner = _block(rng, depth - 1) if depth > 0 and rng.random() < 0.3 else _inline(rng, 1)
    return f"<td{span}>{inner}</td>"


def _block(rng: random.Random, depth: int) -> str:
    kind = rng.choice(BLOCK)
    if kind == "br":
        return "<br>" * rng.randint(1, 3)
    if kind == "img":
        return rng.choice(['<img src="a.png">', '<img src="b.png" title="示意图">', '<img src="" alt="空">'])
    if kind == "li-list":
        items = "".join(f"<li>{_inline(rng, 2)}</li>" for _ in range(rng.randint(1, 3)))
        return f"<ul>{items}</ul>"
    if kind == "table":
        rows = "".join("<tr>" + "".join(_cell(rng, depth) for _ in range(rng.randint(1, 3))) + "</tr>"
                       for _ in range(rng.randint(1, 3)))
        return f"<table border=1>{rows}</table>"
    inner = _block(rng, depth - 1) if depth > 0 and rng.random() < 0.3 else _inline(rng, 2)
    return f"<{kind} class=MsoNormal>{inner}</{kind}>"


def generate(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(_block(rng, 2) for _ in range(rng.randint(1, 6)))


@pytest.mark.parametrize("seed", range(300))
def test_generated_html(seed: int) -> None:
    html = generate(seed)
    md = html_to_markdown(html)
    assert_text_kept(html, md)
    assert inspect_markdown(md).images_without_alt == []
    assert html_to_markdown(html) == md  # deterministic
