"""What the search knows about each searchable page, straight from the model.

One :class:`SearchDoc` per page a citizen can find: every disclosure item
(信息公开), every gazette article (政府公报), every free page and column
introduction (页面). It carries what a result shows (``meta``), what the filter
pane offers (``filters``), the date sort key, and the *fields* whose words make the
small index that every query reads (title, 文号, 索引号, issuing organisation); see
:mod:`govsite.search.docs`. Everything is a pure function of the model, so a
title-layer rebuild never reads a rendered page (at 100,000 items the model gives
all records in well under a second; reading the pages back took most of a minute).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from govsite.dates import BEIJING, people_date
from govsite.model.site_model import SiteModel

KIND_ITEM = "信息公开"
KIND_ARTICLE = "政府公报"
KIND_PAGE = "页面"


@dataclass(frozen=True)
class SearchDoc:
    url: str
    """Output path of the page, e.g. ``xxgk/czj/2024/00001.html``."""
    title: str
    year: int | None
    """The year whose text shard holds the page (None: the newest year)."""
    month: int
    meta: dict[str, str] = field(default_factory=dict)
    """Shown in a result: title, doc_no (文号), index_no (索引号), org, date_text, issue;
    ``date`` (ISO, ``2024-09-26``) is the result's ``<time datetime>`` and the sort key,
    ``date_text`` (``2024年9月26日``, :func:`govsite.dates.people_date`) what a person reads."""
    filters: dict[str, str] = field(default_factory=dict)
    """类型, 发布机构, 年份, 有效性, 体裁, 主题分类 → value (absent when empty)."""
    fields: tuple[str, ...] = ()
    """Title and organisation: their bigrams are words of the title layer."""
    identifiers: tuple[str, ...] = ()
    """文号 and 索引号: whole keys in the title layer (see :func:`govsite.search.records.identifier_words`)."""

    @property
    def date(self) -> str:
        return self.meta.get("date", "")


def _clean(values: dict[str, str | None]) -> dict[str, str]:
    return {k: v for k, v in values.items() if v}


def collect_docs(model: SiteModel) -> list[SearchDoc]:
    """Every searchable page, in a stable order (items, articles, pages, columns)."""
    taxonomy = model.taxonomy
    docs: list[SearchDoc] = []
    for item in model.items:
        fm = item.fm
        theme = taxonomy.theme_top(item.theme_code).name if item.theme_code else None
        day = fm.publish_date.astimezone(BEIJING).date()  # the day the page shows (a zoned time may be another day in UTC)
        meta = _clean({"title": fm.title, "doc_no": fm.doc_no, "index_no": fm.index_no,
                       "org": item.org.name, "date": day.isoformat(), "date_text": people_date(day)})
        filters = _clean({"类型": KIND_ITEM, "发布机构": item.org.name, "年份": str(item.year),
                          "有效性": fm.validity.value, "体裁": fm.genre, "主题分类": theme})
        docs.append(SearchDoc(item.url, fm.title, item.year, fm.publish_date.month, meta, filters,
                              (fm.title, item.org.name), (fm.doc_no or "", fm.index_no)))
    if model.gazette is not None:
        name = model.gazette.config.name
        for issue in model.gazette.issues:
            for art in issue.articles:
                linked = art.item
                org = art.org.name if art.org else None
                theme = (taxonomy.theme_top(linked.theme_code).name
                         if linked is not None and linked.theme_code else None)
                index_no = linked.fm.index_no if linked is not None else None
                meta = _clean({"title": art.fm.title, "doc_no": art.fm.doc_no, "index_no": index_no,
                               "org": org, "date": f"{issue.fm.date:%Y-%m-%d}",
                               "date_text": people_date(issue.fm.date), "issue": f"《{name}》{issue.label}"})
                filters = _clean({"类型": KIND_ARTICLE, "年份": str(issue.fm.year), "发布机构": org,
                                  "体裁": art.genre,
                                  "有效性": linked.fm.validity.value if linked is not None else None,
                                  "主题分类": theme})
                docs.append(SearchDoc(art.url, art.fm.title, issue.fm.year, issue.fm.date.month, meta,
                                      filters, (art.fm.title, org or ""), (art.fm.doc_no or "", index_no or "")))
    sec = model.config.section_path
    for page in model.pages:
        if page.fm.column is None:
            docs.append(SearchDoc(page.url, page.fm.title, None, 12, {"title": page.fm.title},
                                  {"类型": KIND_PAGE}, (page.fm.title,)))
    for col_id, col in model.columns.items():  # column introductions (a page bound to a column)
        if col_id in model.column_pages:
            url = f"{sec}/{col_id}/index.html"
            docs.append(SearchDoc(url, col.title, None, 12, {"title": col.title}, {"类型": KIND_PAGE}, (col.title,)))
    return docs
