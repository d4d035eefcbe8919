"""Flatten legacy HTML tables into simple grids that GFM pipe tables can hold.

- A table that contains another table, or has a single column, is a layout
  table: its cells become ``div`` blocks and the table disappears.
- ``rowspan``: the cell's content is repeated in each spanned row (every row
  stays complete when read on its own); ``colspan``: the spanned cells are blank.
- Leading/trailing rows made of one cell spanning the whole width (a title
  such as “2019年部门预算表” or a note “注：…”) become paragraphs before/after
  the table, as does ``<caption>``.
- The first remaining row becomes the header row (GFM requires one).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

MAX_SPAN = 50


@dataclass
class Slot:
    """One position of the grid: the cell that covers it, and how."""

    cell: Tag
    kind: str
    """``origin``, ``colspan`` (blank) or ``rowspan`` (repeat when in the origin's column)."""
    origin_col: int


def _span(cell: Tag, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(cell.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _own_rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _own_cells(tr: Tag) -> list[Tag]:
    return tr.find_all(["td", "th"], recursive=False)


def _unwrap_layout(table: Tag) -> None:
    """Replace a layout table by its cells' content, one ``div`` per cell."""
    for caption in table.find_all("caption", recursive=False):
        caption.name, caption.attrs = "p", {}
    for tr in _own_rows(table):
        for cell in _own_cells(tr):
            cell.name, cell.attrs = "div", {}
        tr.unwrap()
    for part in table.find_all(["thead", "tbody", "tfoot"], recursive=False):
        part.unwrap()
    table.name, table.attrs = "div", {}


def build_grid(table: Tag) -> list[list[Slot | None]]:
    """Place every cell of ``table`` on a rectangular grid, honouring spans."""
    rows = _own_rows(table)
    taken: dict[tuple[int, int], Slot] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in _own_cells(tr):
            while (r, c) in taken:
                c += 1
            rowspan = min(_span(cell, "rowspan"), len(rows) - r)
            colspan = _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    kind = "origin" if dr == dc == 0 else ("rowspan" if dr and not dc else "colspan")
                    taken[(r + dr, c + dc)] = Slot(cell, kind, c)
            c += colspan
    width = max((c + 1 for _, c in taken), default=0)
    return [[taken.get((r, c)) for c in range(width)] for r in range(len(rows))]


def _is_full_width(row: list[Slot | None]) -> bool:
    first = row[0]
    return (
        len(row) > 1 and first is not None and first.kind == "origin" and _span(first.cell, "rowspan") == 1
        and all(s is not None and s.cell is first.cell for s in row)
    )


def _has_content(tag: Tag) -> bool:
    return bool(tag.get_text(strip=True)) or tag.find("img") is not None


def _as_paragraph(soup: BeautifulSoup, cell: Tag) -> Tag:
    p = soup.new_tag("p")
    for child in list(cell.contents):
        p.append(child.extract())
    return p


def _full_width_cell(row: list[Slot | None]) -> Tag:
    """The one cell of a row :func:`_is_full_width` accepted (its first slot is that cell's origin)."""
    first = row[0]
    assert first is not None
    return first.cell


def _rebuild(soup: BeautifulSoup, table: Tag, grid: list[list[Slot | None]]) -> None:
    before: list[Tag] = []
    after: list[Tag] = []
    for caption in table.find_all("caption", recursive=False):
        before.append(_as_paragraph(soup, caption))
    while grid and _is_full_width(grid[0]):
        before.append(_as_paragraph(soup, _full_width_cell(grid.pop(0))))
    while grid and _is_full_width(grid[-1]):
        after.insert(0, _as_paragraph(soup, _full_width_cell(grid.pop())))
    new_table = soup.new_tag("table")
    moved: dict[int, Tag] = {}
    for r, row in enumerate(grid):
        if r <= 1:  # the header row, then one body for every other row
            section = soup.new_tag("thead" if r == 0 else "tbody")
            new_table.append(section)
        tr = soup.new_tag("tr")
        section.append(tr)
        for c, slot in enumerate(row):
            cell = soup.new_tag("th" if r == 0 else "td")
            tr.append(cell)
            if slot is None or slot.kind == "colspan":
                continue
            if slot.kind == "origin":
                for child in list(slot.cell.contents):
                    cell.append(child.extract())
                moved[id(slot.cell)] = cell
            elif slot.kind == "rowspan" and c == slot.origin_col and id(slot.cell) in moved:
                for child in moved[id(slot.cell)].contents:
                    cell.append(copy.copy(child))
    for p in before:
        table.insert_before(p)
    for p in reversed(after):
        table.insert_after(p)
    if grid and any(_has_content(c) for c in new_table.find_all(["th", "td"])):
        table.replace_with(new_table)
    else:
        table.decompose()


def flatten_tables(soup: BeautifulSoup) -> None:
    """Unwrap layout tables and turn data tables into span-free grids."""
    for table in soup.find_all("table"):
        if table.find("table") is not None:
            _unwrap_layout(table)
    for table in soup.find_all("table"):
        grid = build_grid(table)
        if len(grid[0] if grid else []) <= 1:
            _unwrap_layout(table)
        else:
            _rebuild(soup, table, grid)
