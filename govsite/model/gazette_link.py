"""Phase 2 for the 政府公报 (gazette): link issues, articles, organizations and items;
check numbering, dates, files, the one-copy rule, coverage and 应登尽登.

Apart from the data classes (:mod:`govsite.model.gazette_model`) so that the pages
that show a gazette do not carry the checks that build it."""
from __future__ import annotations

from collections import defaultdict
from functools import partial
from datetime import date, timedelta
from typing import Callable

from govsite.checksums import file_digest
from govsite.base.cache import ReadCache
from govsite.model.loaded import GAZETTE_FILE, LoadedSite
from govsite.base.safepath import resolve_inside, url_breaking_chars
from govsite.dates import BEIJING
from govsite.model.coverage import Coverage, compute_coverage
from govsite.model.gazette import GazetteConfig
from govsite.model.gazette_model import (
    NORMATIVE_GENRES,
    Article,
    GazetteFile,
    GazetteModel,
    Issue,
    issue_slug,
)
from govsite.model.linked import Item
from govsite.model.org import Organization
from govsite.problems import ProblemLog
from govsite.valuetext import choice_list


def link_gazette(loaded: LoadedSite, orgs: dict[str, Organization], items_by_index: dict[str, Item],
                 problems: ProblemLog, line: Callable[..., int | None], today: date) -> GazetteModel | None:
    """The linked gazette, or None when the site has none."""
    config = loaded.gazette
    if config is None:
        if loaded.issues or loaded.articles:
            problems.error("E-MISSING", GAZETTE_FILE, None, GAZETTE_FILE, None)
        return None
    publisher = orgs.get(config.publisher)
    if publisher is None:
        problems.error("E-REF-ORG", GAZETTE_FILE, line(GAZETTE_FILE, "publisher"), "publisher", config.publisher,
                       allowed=choice_list((i, o.name) for i, o in orgs.items()))
    for i, org_id in enumerate(config.covers_orgs):
        if org_id not in orgs:
            problems.error("E-REF-ORG", GAZETTE_FILE, line(GAZETTE_FILE, "covers_orgs", i), "covers_orgs", org_id,
                           allowed=choice_list((k, o.name) for k, o in orgs.items()))
    files = ReadCache(loaded.root, "sha256", name="sha256")
    issues = _link_issues(loaded, config, problems, line, files)
    _link_articles(loaded, config, issues, orgs, items_by_index, problems, line)
    files.save()
    regular = sorted((i for i in issues.values() if not i.fm.special), key=lambda i: (i.fm.year, i.fm.number))
    for before, after in zip(regular, regular[1:]):
        if after.fm.date < before.fm.date:
            problems.error("E-GAZETTE-ORDER", after.source, line(after.source, "date"), "date", after.fm.date.isoformat(),
                           other=f"{before.label}（{before.fm.date.isoformat()}）")
    ordered = sorted(issues.values(), key=lambda i: (i.fm.date, i.fm.year, i.fm.special, i.fm.number))
    for before, after in zip(ordered, ordered[1:]):
        before.next, after.prev = after, before
    specials: dict[int, int] = defaultdict(int)
    for issue in ordered:
        if issue.fm.special:
            specials[issue.fm.year] += 1
    coverage = compute_coverage(config.first_year, config.first_number, config.frequency,
                                [(i.fm.year, i.fm.number, i.fm.date) for i in regular], dict(specials), today,
                                config.overdue_grace_days)
    _report_coverage(config, coverage, problems, today)
    by_item: dict[str, list[Article]] = defaultdict(list)
    for issue in ordered:
        for art in issue.articles:
            if art.item is not None:
                by_item[art.item.fm.index_no].append(art)
    model = GazetteModel(config, publisher, ordered, coverage, dict(by_item))
    _check_registration(model, orgs, items_by_index, problems, today)
    return model


def _warn_early(loaded: LoadedSite, problems: ProblemLog, src: str, line: Callable[..., int | None], name: str,
                day: date | None) -> None:
    """W-DATE-EARLY: a date before site.yaml's ``options.earliest_date`` (as for items)."""
    earliest = loaded.config.options.earliest_date if loaded.config else None
    if day is not None and earliest is not None and day < earliest:
        problems.warning("W-DATE-EARLY", src, line(src, name), name, day.isoformat(), earliest=earliest.isoformat())


def _link_issues(loaded: LoadedSite, config: GazetteConfig, problems: ProblemLog, line, files: ReadCache) -> dict[str, Issue]:
    issues: dict[str, Issue] = {}
    seen: dict[tuple[int, bool, int], str] = {}
    content = (loaded.root / "content").resolve()
    for fm, src in loaded.issues:
        folder = src[: -len("/issue.yaml")]
        slug = issue_slug(fm)
        expected_folder = f"content/gazette/{fm.year}/{slug}"
        if folder != expected_folder:
            problems.error("E-GAZETTE-FOLDER", src, line(src, "number"), "number", f"{fm.year}/{fm.number}",
                           expected=expected_folder)
            continue
        key = (fm.year, fm.special, fm.number)
        if key in seen:
            problems.error("E-DUP-ID", src, line(src, "number"), "number", fm.number, other=seen[key])
            continue
        seen[key] = src
        issue = Issue(fm, src, slug)
        _warn_early(loaded, problems, src, line, "date", fm.date)
        for field_name in ("pdf", "cover"):
            rel = getattr(fm, field_name)
            if not rel:
                continue
            path = resolve_inside(loaded.root / "content", rel)
            if path is None:
                problems.error("E-PATH-ESCAPE", src, line(src, field_name), field_name, rel)
            elif not path.is_file():
                problems.error("E-ATTACHMENT-MISSING", src, line(src, field_name), field_name, rel)
            else:
                chars = url_breaking_chars(path.name)  # published at <issue folder>/<name>
                if chars:
                    problems.error("E-FILENAME", src, line(src, field_name), field_name, rel, chars=chars)
                st = path.stat()
                digest = files.get(str(path), st, partial(file_digest, path))
                source = path.relative_to(content).as_posix()
                setattr(issue, field_name, GazetteFile(source, issue.path + path.name, st.st_size, digest))
        if fm.cover and not fm.cover_alt.strip():
            problems.error("E-MISSING", src, line(src, "cover"), "cover_alt", None)
        issues[folder] = issue
    return issues


def _link_articles(loaded: LoadedSite, config: GazetteConfig, issues: dict[str, Issue], orgs, items_by_index,
                   problems: ProblemLog, line) -> None:
    for doc in loaded.articles:
        fm = doc.front
        src = doc.source
        folder, _, name = src.rpartition("/")
        issue = issues.get(folder)
        stem = name[: -len(".md")]
        if issue is None or not stem.isdigit() or stem.startswith("0"):
            problems.error("E-GAZETTE-ORPHAN", src, None, None, src)
            continue
        order = issue.fm.sections or config.sections
        if fm.section not in order:
            problems.error("E-ENUM", src, line(src, "section"), "section", fm.section, allowed="、".join(order))
            continue
        org = None
        if fm.issuer:
            org = orgs.get(fm.issuer)
            if org is None:
                problems.error("E-REF-ORG", src, line(src, "issuer"), "issuer", fm.issuer,
                               allowed=choice_list((k, o.name) for k, o in orgs.items()))
        _warn_early(loaded, problems, src, line, "written_date", fm.written_date)
        article = Article(fm, src, doc.digest, int(stem), issue, org, doc.body_chars > 0)
        if fm.item:
            target = items_by_index.get(fm.item)
            if target is None:
                problems.error("E-REF-ITEM", src, line(src, "item"), "item", fm.item)
            elif doc.body_chars:
                problems.error("E-GAZETTE-TWO-COPIES", src, line(src, "item"), "item", fm.item, other=target.source)
            else:
                article.item = target
        issue.articles.append(article)
    for issue in issues.values():
        issue.articles.sort(key=lambda a: a.number)


def _report_coverage(config: GazetteConfig, coverage: Coverage, problems: ProblemLog, today: date) -> None:
    for year in coverage.years:
        if year.missing:
            problems.warning("W-GAZETTE-GAP", GAZETTE_FILE, None, None, year.year,
                             numbers_zh="、".join(f"第{n}期" for n in year.missing),
                             numbers_en=", ".join(f"no. {n}" for n in year.missing))
    if coverage.overdue and coverage.next_due:
        problems.warning("W-GAZETTE-OVERDUE", GAZETTE_FILE, None, None, coverage.next_due.isoformat(),
                         last=coverage.last_date.isoformat() if coverage.last_date else "", today=today.isoformat())


def _check_registration(model: GazetteModel, orgs: dict[str, Organization], items_by_index, problems: ProblemLog,
                        today: date) -> None:
    """应登尽登: 规章 and 规范性文件 of the covered organizations appear in an issue in time."""
    config = model.config
    covered = set(config.covers_orgs) or {config.publisher} | {o.id for o in orgs.values() if o.parent == config.publisher}
    if not model.issues:
        return
    started = min(i.fm.date for i in model.issues)
    window = timedelta(days=config.registration_days)
    for item in items_by_index.values():
        if item.fm.genre not in NORMATIVE_GENRES or item.org.id not in covered:
            continue
        published = item.fm.publish_date.astimezone(BEIJING).date()
        if published < started:
            continue  # before the gazette existed
        articles = model.articles_by_item.get(item.fm.index_no, [])
        if not articles:
            if today > published + window:
                problems.warning("W-GAZETTE-UNREGISTERED", item.source, None, "index_no", item.fm.index_no,
                                 title=item.fm.title, days=config.registration_days)
        elif min(a.issue.fm.date for a in articles) > published + window:
            first = min(articles, key=lambda a: a.issue.fm.date)
            problems.warning("W-GAZETTE-LATE", item.source, None, "index_no", item.fm.index_no, title=item.fm.title,
                             issue=first.issue.label, days=config.registration_days)
