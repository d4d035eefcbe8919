"""W-GENRE-MISSING: an item without 体裁 would print “—” in its 信息公开要素 box."""
from __future__ import annotations

from tests.conftest import SiteFolder
from tests.inspect.inspect_helpers import run


def test_an_item_without_a_genre_is_named_on_its_genre_line(site: SiteFolder) -> None:
    path = site.write_item(2, genre=None)
    text = path.read_text(encoding="utf-8")
    if "genre:" not in text:  # the helper may leave the key out: write it as the importer does
        text = text.replace("title:", "genre: null  # 导入时的原值（未在分类表中，请改为分类表中的值）：通告书\ntitle:", 1)
        path.write_text(text, encoding="utf-8")
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith("genre:"))
    rel = path.relative_to(site.root).as_posix()
    found = [ln for ln in run(site).output.splitlines() if "W-GENRE-MISSING" in ln]
    assert found == [f"{rel}:{line}: 警告 W-GENRE-MISSING [genre]: 体裁未填写：信息公开要素中的体裁将显示为“—”，"
                     "站内搜索的体裁筛选也找不到它；请填写 genre（可选值见 govsite list genres）"]
    english = [ln for ln in run(site, "--lang", "en").output.splitlines() if "W-GENRE-MISSING" in ln]
    assert len(english) == 1 and "no genre (体裁)" in english[0]


def test_items_with_a_genre_are_not_named(site: SiteFolder) -> None:
    assert "W-GENRE-MISSING" not in run(site).output
