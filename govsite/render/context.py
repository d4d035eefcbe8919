"""Template contexts for each kind of page.

Builders receive the model and a :class:`PageSpec` and return plain dicts.
Templates get ``url()`` for relative links, so output works under any sub-path.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from govsite.content.reader import read_body
from govsite.markdown import render_markdown
from govsite.model.item import DisclosureMode
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.model.taxonomy import ColumnType
from govsite.render.plan import PageSpec, page_count, paged_path
from govsite.base.urls import absolute_url, relative_url, rooted_url

COLUMN_TYPE_LABELS = {
    ColumnType.NEWS: "动态要闻",
    ColumnType.NOTICE_POLICY: "政策文件",
    ColumnType.PERSONNEL_PLAN: "人事规划",
    ColumnType.STATUTORY: "法定主动公开内容",
    ColumnType.GUIDE: "信息公开指南",
    ColumnType.RULES: "信息公开制度",
    ColumnType.ANNUAL_REPORT: "信息公开年报",
    ColumnType.ON_REQUEST: "依申请公开",
    ColumnType.INTERPRETATION: "政策解读",
    ColumnType.CATALOG: "标准目录",
    ColumnType.GAZETTE: "政府公报",
    ColumnType.OTHER: "信息公开",
}


@dataclass(frozen=True)
class Pager:
    """Pagination state for a listing page."""

    number: int
    count: int
    base: str

    @property
    def prev(self) -> str | None:
        return paged_path(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return paged_path(self.base, self.number + 1) if self.number < self.count else None

    def path(self, n: int) -> str:
        return paged_path(self.base, n)

    def window(self) -> list[int | None]:
        """Page numbers to show, with None for a gap: 1 … 4 5 6 … 12."""
        keep = {1, self.count, self.number - 1, self.number, self.number + 1}
        out: list[int | None] = []
        for n in range(1, self.count + 1):
            if n in keep:
                out.append(n)
            elif out and out[-1] is not None:
                out.append(None)
        return out


def base_context(model: SiteModel, spec: PageSpec, title: str, crumbs: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    cfg = model.config
    if spec.kind == "notfound":
        url: Callable[[str], str] = lambda target: rooted_url(cfg.base_path, target)
    else:
        url = lambda target: relative_url(spec.path, target)
    column = extra.pop("column", None)
    ctx: dict[str, Any] = {
        "site": cfg,
        "model": model,
        "path": spec.path,
        "title": title,
        "breadcrumbs": [("首页", "index.html")] + crumbs,
        "url": url,
        "abs_url": lambda target: absolute_url(cfg.base_url, target),
        "canonical": absolute_url(cfg.base_url, spec.path),
        "section": cfg.section_path,
        "column": column,
        "meta": {
            "ColumnName": column.title if column else title,
            "ColumnType": COLUMN_TYPE_LABELS[column.type] if column else "信息公开",
        },
    }
    ctx.update(extra)
    return ctx


def _section_crumb(model: SiteModel) -> tuple[str, str]:
    return ("政府信息公开", f"{model.config.section_path}/index.html")


def _column_crumbs(model: SiteModel, col_id: str) -> list[tuple[str, str]]:
    chain = []
    current: str | None = col_id
    while current:
        chain.append((model.columns[current].title, f"{model.config.section_path}/{current}/index.html"))
        current = model.column_parent.get(current)
    return [_section_crumb(model)] + chain[::-1]


def _paged(model: SiteModel, spec: PageSpec, items: list[Item], base: str) -> dict[str, Any]:
    size = model.config.options.page_size
    number = spec.args[1]
    pager = Pager(number, page_count(len(items), size), base)
    return {"rows": items[(number - 1) * size : number * size], "pager": pager, "total": len(items)}


def _page_title(title: str, pager: Pager) -> str:
    return title if pager.number == 1 else f"{title}（第{pager.number}页）"


def ctx_home(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    ctx = base_context(model, spec, model.config.name, [], latest=model.items[: model.config.options.home_latest])
    ctx["breadcrumbs"] = []
    return ctx


def ctx_section(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    return base_context(model, spec, "政府信息公开", [("政府信息公开", spec.path)])


def ctx_notfound(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    return base_context(model, spec, "页面未找到", [("页面未找到", spec.path)])


def _markdown_html(model: SiteModel, source: str) -> str:
    body, body_line = read_body((model.root / source).read_bytes())
    return render_markdown(body, model.config.options.allow_html, body_line - 1).html


def ctx_column(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    col_id = spec.args[0]
    col = model.columns[col_id]
    base = f"{model.config.section_path}/{col_id}/index.html"
    paged = _paged(model, spec, model.by_column.get(col_id, []), base)
    page = model.column_pages.get(col_id)
    crumbs = _column_crumbs(model, col_id)
    title = _page_title(page.fm.title if page and paged["pager"].number == 1 else col.title, paged["pager"])
    crumbs[-1] = (title, spec.path)
    return base_context(model, spec, title, crumbs, column=col, col=col, page=page,
                 page_html=_markdown_html(model, page.source) if page and paged["pager"].number == 1 else "",
                 **paged)


def ctx_org(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    org = model.orgs[spec.args[0]]
    base = f"{model.config.section_path}/{org.id}/index.html"
    items = model.by_org.get(org.id, [])
    paged = _paged(model, spec, items, base)
    title = _page_title(org.name, paged["pager"])
    counts = model.org_column_counts(org.id)
    children = [o for o in model.orgs.values() if o.parent == org.id]
    return base_context(model, spec, title, [_section_crumb(model), (title, spec.path)], org=org, column_counts=counts,
                 child_orgs=children, **paged)


def ctx_theme_index(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    return base_context(model, spec, "按主题分类浏览", [_section_crumb(model), ("主题分类", spec.path)])


def ctx_theme(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    code = spec.args[0]
    theme, _ = model.taxonomy.theme_by_code[code]
    sec = model.config.section_path
    paged = _paged(model, spec, model.by_theme.get(code, []), f"{sec}/theme/{code}/index.html")
    title = _page_title(f"主题分类：{theme.name}", paged["pager"])
    return base_context(model, spec, title, [_section_crumb(model), ("主题分类", f"{sec}/theme/index.html"), (theme.name, spec.path)],
                 heading=title, **paged)


def ctx_year_index(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    return base_context(model, spec, "按年份浏览", [_section_crumb(model), ("年份", spec.path)])


def ctx_year(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    year = spec.args[0]
    sec = model.config.section_path
    paged = _paged(model, spec, model.by_year.get(year, []), f"{sec}/year/{year}/index.html")
    title = _page_title(f"{year}年发布的信息", paged["pager"])
    return base_context(model, spec, title, [_section_crumb(model), ("年份", f"{sec}/year/index.html"), (f"{year}年", spec.path)],
                 heading=title, **paged)


def ctx_catalog_index(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    return base_context(model, spec, "基层政务公开标准目录", [_section_crumb(model), ("标准目录", spec.path)])


def ctx_catalog(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    from govsite.model.catalog import CHANNELS

    catalog = model.catalogs[spec.args[0]]
    sec = model.config.section_path
    title = f"{catalog.domain}领域基层政务公开标准目录"
    return base_context(model, spec, title, [_section_crumb(model), ("标准目录", f"{sec}/catalog/index.html"), (catalog.domain, spec.path)],
                 catalog=catalog, channels=CHANNELS, owner=model.orgs.get(catalog.owner),
                 linked={seq: its for (cid, seq), its in model.by_catalog_entry.items() if cid == catalog.id})


def ctx_item(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    item = model.items_by_index[spec.args[0]]
    fm = item.fm
    col = model.columns[fm.columns[0]]
    crumbs = _column_crumbs(model, col.id) + [(fm.title, spec.path)]
    proactive = fm.disclosure_mode is DisclosureMode.PROACTIVE
    body_html = _markdown_html(model, item.source) if proactive else ""  # 依申请公开: catalog entry only
    ctx = base_context(model, spec, fm.title, crumbs, column=col, item=item, body_html=body_html,
                theme_label=model.taxonomy.theme_label(item.theme_code) if item.theme_code else "",
                item_columns=[model.columns[c] for c in fm.columns])
    ctx["meta"].update(
        ArticleTitle=fm.title,
        PubDate=fm.publish_date,
        ContentSource=fm.source or item.org.name,
        Keywords=",".join(fm.keywords),
        Description=fm.summary or fm.title,
    )
    return ctx


def ctx_page(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    page = next(p for p in model.pages if p.source == spec.args[0])
    return base_context(model, spec, page.fm.title, [(page.fm.title, spec.path)], page=page,
                 page_html=_markdown_html(model, page.source))


BUILDERS: dict[str, Callable[[SiteModel, PageSpec], dict[str, Any]]] = {
    "home": ctx_home,
    "section": ctx_section,
    "notfound": ctx_notfound,
    "column": ctx_column,
    "org": ctx_org,
    "theme_index": ctx_theme_index,
    "theme": ctx_theme,
    "year_index": ctx_year_index,
    "year": ctx_year,
    "catalog_index": ctx_catalog_index,
    "catalog": ctx_catalog,
    "item": ctx_item,
    "page": ctx_page,
}

