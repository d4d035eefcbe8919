"""Finding a column (栏目) by its id or by its Chinese name.

The importer reads a column from an export as a name (行政法规、规章和规范性文件, or a
path 法定主动公开内容/…); ``govsite new item --column`` takes the name as well as the
code (gfxwj). Both resolve it here, so a name means the same column everywhere."""
from __future__ import annotations

import re
from dataclasses import dataclass

from govsite.model.taxonomy import Column, walk_columns
from govsite.valuetext import choice_list


@dataclass(frozen=True)
class ColumnLookup:
    """Columns by id and by title (a title may be written as a path ``上级/栏目``)."""

    ids: tuple[str, ...]
    by_title: dict[str, tuple[str, ...]]
    titles: tuple[str, ...] = ()

    @classmethod
    def from_tree(cls, columns: list[Column]) -> "ColumnLookup":
        ids: list[str] = []
        by_title: dict[str, list[str]] = {}
        for col, _parent in walk_columns(columns):
            ids.append(col.id)
            by_title.setdefault(re.sub(r"\s+", "", col.title), []).append(col.id)
        titles = tuple(col.title for col, _parent in walk_columns(columns))
        return cls(tuple(ids), {k: tuple(v) for k, v in by_title.items()}, titles)

    def resolve(self, value: str) -> tuple[str | None, tuple[str, ...]]:
        """(column id, ()) when found; (None, candidates) when ambiguous; (None, ()) when unknown."""
        text = value.strip()
        if text in self.ids:
            return text, ()
        key = re.sub(r"\s+", "", text)
        for candidate in (key, re.split(r"[/／>＞\\]", key)[-1]):
            found = self.by_title.get(candidate, ())
            if len(found) == 1:
                return found[0], ()
            if found:
                return None, found
        return None, ()

    def allowed(self) -> str:
        """Every column as ``id（名称）``, separated by ``；`` (govsite.valuetext.choice_list)."""
        return choice_list(zip(self.ids, self.titles))
