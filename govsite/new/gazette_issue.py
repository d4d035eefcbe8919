"""``govsite new gazette-issue --year Y --number N``: a new issue folder of the 政府公报.

Writes ``content/gazette/<Y>/<NN>/issue.yaml`` (``zk<NN>`` for a special edition)
with its 出版日期, and 卷/总第N期 continued from the issue before it when the
gazette numbers them. Each ``--item INDEX_NO`` adds an article ``<n>.md`` that
points at that catalog item (the text lives once, in the item).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from govsite.content.itemfile import write_new_file
from govsite.content.loader import load_site
from govsite.model.loaded import GAZETTE_FILE
from govsite.base.yamlsource import dump_yaml
from govsite.model.gazette import IssueFile
from govsite.dates import today_beijing
from govsite.newitem import NewItemError
from govsite.years import gazette_issue_years


def _continued(issues: list[IssueFile], year: int, number: int) -> dict[str, int]:
    """卷 and 总第N期 following the latest regular issue before (year, number)."""
    before = [i for i in issues if not i.special and (i.year, i.number) < (year, number)]
    if not before:
        return {}
    last = max(before, key=lambda i: (i.year, i.number))
    out: dict[str, int] = {}
    if last.volume is not None:
        out["volume"] = last.volume + (year - last.year)
    if last.cumulative_number is not None:
        out["cumulative_number"] = last.cumulative_number + 1
    return out


def _article(item, section: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    fm = item
    art: dict[str, object] = {"title": fm.title, "section": section}
    for name in ("doc_no", "issuer", "genre"):
        if getattr(fm, name):
            art[name] = getattr(fm, name)
    if fm.written_date:
        art["written_date"] = fm.written_date.isoformat()
    if fm.keywords:
        art["keywords"] = list(fm.keywords)
    art["item"] = fm.index_no
    return art


def create_issue(site: Path, year: int, number: int, issue_date: str | None, special: bool,
                 items: tuple[str, ...], section: str | None) -> list[Path]:
    """Write the issue (and its articles); returns the files written, relative to ``site``."""
    years = gazette_issue_years(today_beijing())
    if year not in years:
        raise NewItemError("E-YEAR-RANGE", field="--year", **years.params(year))
    site = site.resolve()
    loaded = load_site(site)
    if loaded.gazette is None:
        raise NewItemError("E-MISSING", field=GAZETTE_FILE)
    try:
        when = date.fromisoformat(issue_date) if issue_date else today_beijing()
    except ValueError:
        raise NewItemError("E-DATE", value=issue_date) from None
    sections = loaded.gazette.sections
    chosen = section or ("其他" if "其他" in sections else sections[-1])
    if chosen not in sections:
        raise NewItemError("E-ENUM", field="--section", value=chosen, allowed="、".join(sections))
    by_index = {doc.front.index_no: doc.front for doc in loaded.items}
    for index_no in items:
        if index_no not in by_index:
            raise NewItemError("E-REF-ITEM", value=index_no)
    slug = f"zk{number:02d}" if special else f"{number:02d}"
    folder = site / "content" / "gazette" / str(year) / slug
    if folder.exists():
        raise NewItemError("E-DUP-ID", field="number", value=f"{year}/{slug}", other=folder.relative_to(site).as_posix())
    fields: dict[str, object] = {"year": year, "number": number, "date": when.isoformat()}
    if not special:
        fields.update(_continued([fm for fm, _ in loaded.issues], year, number))
    else:
        fields["special"] = True
    label = f"{year}年{'增刊' if special else ''}第{number}期"
    if "cumulative_number" in fields:
        label += f"（总第{fields['cumulative_number']}期）"
    written = [folder / "issue.yaml"]
    write_new_file(written[0], f"# 《{loaded.gazette.name}》{label}\n" + dump_yaml(fields))
    for n, index_no in enumerate(items, start=1):
        path = folder / f"{n}.md"
        write_new_file(path, "---\n" + dump_yaml(_article(by_index[index_no], chosen)) + "---\n")
        written.append(path)
    return [p.relative_to(site) for p in written]
