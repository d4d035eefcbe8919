"""``govsite serve`` as a subprocess on a copy of the demo site (sub-path
``base_url``), in real Chromium: a save shows up in the open page without a
manual reload, broken YAML shows the error page naming the file and line, and
the next good save brings the page back. Pages whose file did not change stay
put."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Page, expect

from govsite.pipeline.pages import check_site, load_and_validate
from tests.qr.qr_helpers import chromium_browser
from tests.serve.serve_helpers import (
    ServeProcess,
    copy_demo,
    open_events,
    read_event,
    start_serve,
)

WAIT_MS = 60_000
ITEM = "content/items/xzfb/2025/00001.md"
GUIDE_COLUMN = "xxgkzn"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[ServeProcess, Path]]:
    site = copy_demo(tmp_path_factory.mktemp("serve-demo") / "site")
    process = start_serve(site)
    yield process, site
    assert process.stop() == 0, "".join(process.stderr)
    assert "Traceback" not in "".join(process.stdout + process.stderr)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from chromium_browser()


def open_counting(browser, url: str) -> tuple[Page, list[str]]:  # type: ignore[no-untyped-def]
    page = browser.new_context(locale="zh-CN").new_page()
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete'")
    return page, navigations


def save(path: Path, text: str) -> None:
    """Save the way editors do: write a temp file, rename it over the original."""
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)


def test_edit_error_and_recovery_in_the_open_page(served, browser) -> None:  # type: ignore[no-untyped-def]
    process, site = served
    model, _ = load_and_validate(site)
    item = next(it for it in model.items if it.source == ITEM)
    guide = next(p for p in model.pages if p.fm.column == GUIDE_COLUMN)
    page, navigations = open_counting(browser, process.url + item.url)
    other, other_navigations = open_counting(browser, process.url + guide.url)
    expect(page.locator("h1").first).to_contain_text(item.fm.title)
    assert page.locator("script[src='/__govsite/livereload.js']").count() == 1
    # Issue 17 §3: the first (full) build says what govsite check would report.
    assert any(line.startswith("巡检：govsite check 会报告 ") for line in process.stdout), process.stdout

    source = site / ITEM
    original = source.read_text(encoding="utf-8")
    head, body = original.split("\n---\n", 1)

    # 1. Edit the Markdown body: the open page shows the new text by itself.
    save(source, head + "\n---\n\n实时预览：第一次修改后的正文。\n\n" + body)
    expect(page.locator("body")).to_contain_text("实时预览：第一次修改后的正文。", timeout=WAIT_MS)
    assert len(navigations) == 2, navigations  # the first load and one automatic reload
    other.wait_for_timeout(1000)
    assert len(other_navigations) == 1, "a page whose file did not change is not reloaded"

    # 2. Broken YAML front matter: the open pages show the error page with file and line.
    lines = original.split("\n")
    broken_at = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    lines[broken_at - 1] = "title: [未闭合的列表"
    save(source, "\n".join(lines))
    heading = page.locator("h1")
    expect(heading).to_have_text("构建失败：站点内容有错误", timeout=WAIT_MS)
    expected = [p.format("zh") for p in check_site(site).items if p.file == ITEM]
    assert len(expected) == 1 and "E-YAML" in expected[0]
    where = re.match(rf"{re.escape(ITEM)}:(\d+): 错误 E-YAML", expected[0])
    assert where and int(where.group(1)) in (broken_at, broken_at + 1), expected
    expect(page.locator("ol.problems li", has_text=ITEM)).to_have_text(expected[0])
    expect(other.locator("h1")).to_have_text("构建失败：站点内容有错误", timeout=WAIT_MS)
    assert len(navigations) == 3, navigations

    # Saved again with the same mistake: the open error pages stay put (nothing new to show).
    events = open_events(process.url)
    save(source, "\n".join(lines) + "\n")
    name, event = read_event(events)
    assert name == "build" and event["ok"] is False
    page.wait_for_timeout(1000)
    assert len(navigations) == 3 and len(other_navigations) == 2, (navigations, other_navigations)
    events.close()

    # 3. Fix it: the page comes back with the real content and the next edit.
    save(source, head + "\n---\n\n实时预览：修好后的正文。\n\n" + body)
    expect(page.locator("body")).to_contain_text("实时预览：修好后的正文。", timeout=WAIT_MS)
    expect(page.locator("h1").first).to_contain_text(item.fm.title)
    expect(other.locator("h1").first).not_to_have_text("构建失败：站点内容有错误", timeout=WAIT_MS)
    assert len(navigations) == 4, navigations
    assert b"__govsite" not in (site / "output" / item.url).read_bytes()
    page.context.close()
    other.context.close()
