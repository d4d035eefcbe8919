"""The demo county (示例县) in the repository root is complete, valid and builds."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.model.org import OrgKind
from tests.conftest import REPO


@pytest.fixture(scope="module")
def demo():
    model, problems = load_and_validate(REPO)
    assert model is not None
    return model, problems


def test_demo_has_no_errors_and_only_the_deliberate_gazette_gap(demo) -> None:
    """The demo leaves out 2025 第7期 on purpose (issue 3): the coverage statement must show it."""
    _model, problems = demo
    assert [(p.code, p.file) for p in problems.items] == [("W-GAZETTE-GAP", "content/gazette/gazette.yaml")]
    assert "2025年缺少 第7期" in problems.items[0].format()


def test_demo_organizations_include_a_folded_in_township(demo) -> None:
    model, _ = demo
    kinds = Counter(o.kind for o in model.orgs.values())
    assert len(model.orgs) >= 4
    assert kinds[OrgKind.GOVERNMENT] >= 1 and kinds[OrgKind.OFFICE] >= 1 and kinds[OrgKind.DEPARTMENT] >= 2
    townships = [o for o in model.orgs.values() if o.kind is OrgKind.TOWNSHIP]
    assert townships and all(model.by_org.get(t.id) for t in townships)


def test_demo_items_cover_columns_years_and_states(demo) -> None:
    model, _ = demo
    assert len(model.items) >= 80
    assert len({it.year for it in model.items}) >= 3
    art20 = {c.id for c in model.columns.values() if c.art20}
    assert art20 <= set(model.by_column), "every Art. 20 column has items"
    assert {it.fm.validity.value for it in model.items} == {"有效", "失效", "废止", "已修改"}


def test_demo_has_a_superseded_chain_and_interpretations(demo) -> None:
    model, _ = demo
    chains = [it for it in model.items if it.superseded_by and it.superseded_by.superseded_by]
    assert chains, "a chain of at least three documents"
    assert sum(1 for it in model.items if it.interpretations) >= 4


def test_demo_has_pdf_and_docx_attachments_and_a_catalog(demo) -> None:
    model, _ = demo
    kinds = {a.kind for it in model.items for a in it.attachments}
    assert {"PDF", "DOCX"} <= kinds
    assert any(len(c.entries) >= 10 for c in model.catalogs.values())
    assert model.by_catalog_entry


def test_demo_builds(tmp_path: Path) -> None:
    result = build(REPO, out=tmp_path / "out")
    assert result.ok
    assert (tmp_path / "out/xxgk/xxgkzn/index.html").is_file()
    assert (tmp_path / "out/xxgk/catalog/zdjsxm/index.html").is_file()
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "本站为 govsite 演示站点" in home, "the demo's template override is used"
    # A body table with a "表1：…" title line gets it as its caption and region name.
    stats = (tmp_path / "out/xxgk/tjj/2026/00002.html").read_text(encoding="utf-8")
    assert ('aria-label="表1：2026年上半年全县居民人均可支配收入">\n<table>\n'
            "<caption>表1：2026年上半年全县居民人均可支配收入</caption>") in stats
    assert "<td>　其中：工资性收入</td>" in stats


def test_the_readme_annual_report_example_works_on_the_demo(tmp_path: Path) -> None:
    """Issue 17 §5: the README's `govsite report annual … --init` line, as written, on a copy
    of the demo, then the same line without --init makes the page, and check passes."""
    import shlex

    from click.testing import CliRunner

    from govsite.cli import main
    from tests.serve.serve_helpers import copy_demo

    line = next(ln for ln in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
                if ln.startswith("govsite report annual") and "--init" in ln)
    args = shlex.split(line.split("#")[0])[1:]
    site = copy_demo(tmp_path / "demo")
    runner = CliRunner()
    init = runner.invoke(main, [*args, "--site", str(site)])
    assert init.exit_code == 0, init.output
    page = runner.invoke(main, [*[a for a in args if a != "--init"], "--site", str(site)])
    assert page.exit_code == 0, page.output
    check = runner.invoke(main, ["check", "--site", str(site), "--no-inspect"])
    assert check.exit_code == 0 and "E-ANNUAL" not in check.output, check.output
