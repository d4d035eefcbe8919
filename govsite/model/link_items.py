"""Phase 2, the items (信息公开条目): each item's organization, columns, theme, genre,
dates, 文号, 索引号 and attachments checked, then its related items (解读, 废止) and
its catalog row linked.

An item with a broken reference is left out of the model (its problem stops the
build); the others become :class:`~govsite.model.linked.Item`.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from govsite.base.safepath import first_url_breaking, resolve_inside
from govsite.dates import BEIJING, today_beijing
from govsite.identifiers import check_doc_no, index_template_regex
from govsite.model.catalog import Catalog
from govsite.model.item import Validity
from govsite.model.link_tree import column_choices, org_choices
from govsite.model.linked import AttachmentFile, Item
from govsite.model.loaded import LoadedSite
from govsite.model.org import Organization
from govsite.model.site import SiteConfig
from govsite.model.source_lines import SourceLines
from govsite.model.taxonomy import Column, Taxonomy
from govsite.problems import ProblemLog
from govsite.valuetext import choice_list


def item_url(config: SiteConfig, source: str) -> str:
    """Stable output path of an item: the file's path under content/items/."""
    rel = source[len("content/items/"):-len(".md")]
    return f"{config.section_path}/{rel}.html"


def link_items(loaded: LoadedSite, config: SiteConfig, taxonomy: Taxonomy, orgs: dict[str, Organization],
               columns: dict[str, Column], catalogs: dict[str, Catalog], problems: ProblemLog, line: SourceLines,
               orgs_unreadable: bool = False) -> list[Item]:
    """Resolve each item's references; when orgs.yaml itself is unreadable, its one
    error is reported instead of an E-REF-ORG for every item."""
    items: list[Item] = []
    by_index: dict[str, Item] = {}
    today = today_beijing()
    allowance = config.options.future_publish_days
    earliest = config.options.earliest_date
    index_rx = index_template_regex(config.index_no.template)
    for doc in loaded.items:
        fm = doc.front
        src = doc.source
        ok = True
        org = orgs.get(fm.issuer)
        if org is None:
            if not orgs_unreadable:
                problems.error("E-REF-ORG", src, line(src, "issuer"), "issuer", fm.issuer, allowed=org_choices(orgs))
            ok = False
        co_orgs: list[Organization] = []
        for i, co_id in enumerate(fm.co_issuers):
            co = orgs.get(co_id)
            if co is None:
                if not orgs_unreadable:
                    problems.error("E-REF-ORG", src, line(src, "co_issuers", i), "co_issuers", co_id,
                                   allowed=org_choices(orgs))
                ok = False
            elif co_id != fm.issuer and co not in co_orgs:
                co_orgs.append(co)
        for i, col in enumerate(fm.columns):
            if col not in columns:
                problems.error("E-REF-COLUMN", src, line(src, "columns", i), "columns", col,
                               allowed=column_choices(columns))
                ok = False
        theme_code = None
        if fm.theme:
            theme_code = taxonomy.resolve_theme(fm.theme)
            if theme_code is None:
                problems.error("E-REF-THEME", src, line(src, "theme"), "theme", fm.theme,
                               allowed=choice_list((t.code, t.name) for t in taxonomy.themes))
        if fm.genre and fm.genre not in taxonomy.genres:
            problems.error("E-REF-GENRE", src, line(src, "genre"), "genre", fm.genre, allowed="、".join(taxonomy.genres))
        if fm.publish_date.astimezone(BEIJING).date() > today + timedelta(days=allowance):
            problems.error("E-FUTURE-DATE", src, line(src, "publish_date"), "publish_date",
                           fm.publish_date.strftime("%Y-%m-%d %H:%M"), today=today.isoformat(), days=allowance)
        for name, day in (("publish_date", fm.publish_date.astimezone(BEIJING).date()), ("written_date", fm.written_date)):
            if day is not None and day < earliest:
                problems.warning("W-DATE-EARLY", src, line(src, name), name, day.isoformat(), earliest=earliest.isoformat())
        if fm.written_date and fm.written_date > fm.publish_date.astimezone(BEIJING).date():
            problems.error("E-DATE-ORDER", src, line(src, "publish_date"), "publish_date",
                           fm.publish_date.date().isoformat(), other=f"成文日期 {fm.written_date.isoformat()}")
        if fm.effective_date and fm.expiry_date and fm.expiry_date < fm.effective_date:
            problems.error("E-DATE-ORDER", src, line(src, "expiry_date"), "expiry_date", fm.expiry_date.isoformat(),
                           other=f"生效日期 {fm.effective_date.isoformat()}")
        if fm.doc_no:
            finding = check_doc_no(fm.doc_no)
            if finding:
                code = {"bracket": "W-DOCNO-BRACKET", "number": "W-DOCNO-NUMBER", "form": "W-DOCNO-FORM"}[finding.kind]
                problems.warning(code, src, line(src, "doc_no"), "doc_no", fm.doc_no, fix=finding.fix)
        if not index_rx.match(fm.index_no):
            problems.warning("W-INDEX-FORMAT", src, line(src, "index_no"), "index_no", fm.index_no,
                             template=config.index_no.template)
        if fm.superseded_by and fm.validity is Validity.VALID:
            problems.error("E-SUPERSEDED-VALIDITY", src, line(src, "validity"), "validity", fm.superseded_by)
        attachments = []
        for i, att in enumerate(fm.attachments):
            path = resolve_inside(loaded.root / "content", att.file)
            if path is None:
                problems.error("E-PATH-ESCAPE", src, line(src, "attachments", i, "file"), f"attachments.{i}.file", att.file)
            elif not path.is_file():
                problems.error("E-ATTACHMENT-MISSING", src, line(src, "attachments", i, "file"), f"attachments.{i}.file", att.file)
            else:
                rel = path.relative_to((loaded.root / "content").resolve()).as_posix()
                bad = first_url_breaking(rel)  # published at files/<rel>
                if bad is not None:
                    problems.error("E-FILENAME", src, line(src, "attachments", i, "file"), f"attachments.{i}.file",
                                   att.file, chars=bad[1])
                attachments.append(AttachmentFile(rel, att.title or Path(rel).name, path.stat().st_size, f"files/{rel}"))
        if fm.index_no in by_index:
            problems.error("E-DUP-INDEX", src, line(src, "index_no"), "index_no", fm.index_no, other=by_index[fm.index_no].source)
            continue
        if not ok or org is None:
            continue
        item = Item(fm, src, doc.digest, item_url(config, src), org, theme_code, attachments, co_orgs)
        by_index[fm.index_no] = item
        items.append(item)
    _link_related(items, by_index, catalogs, problems, line)
    return items


def _link_related(items: list[Item], by_index: dict[str, Item], catalogs: dict[str, Catalog], problems: ProblemLog, line: SourceLines) -> None:
    for item in items:
        fm, src = item.fm, item.source
        for field_name in ("interprets", "superseded_by"):
            ref = getattr(fm, field_name)
            if not ref:
                continue
            if ref == fm.index_no:
                problems.error("E-SELF-REF", src, line(src, field_name), field_name, ref)
                continue
            target = by_index.get(ref)
            if target is None:
                problems.error("E-REF-ITEM", src, line(src, field_name), field_name, ref)
            elif field_name == "interprets":
                item.interprets = target
                target.interpretations.append(item)
            else:
                item.superseded_by = target
                target.supersedes.append(item)
        if fm.catalog_entry:
            cat_id, _, seq = fm.catalog_entry.partition("#")
            catalog = catalogs.get(cat_id)
            entry = next((e for e in catalog.entries if str(e.seq) == seq), None) if catalog else None
            if catalog is None or entry is None:
                problems.error("E-REF-CATALOG", src, line(src, "catalog_entry"), "catalog_entry", fm.catalog_entry,
                               allowed="、".join(catalogs) or "（无）")
            else:
                item.catalog = (catalog, entry)
    for item in items:
        item.interpretations.sort(key=lambda it: it.sort_key)
        item.supersedes.sort(key=lambda it: it.sort_key)
