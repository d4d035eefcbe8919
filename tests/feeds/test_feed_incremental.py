"""Incremental builds: a feed is rewritten exactly when an entry it shows changes,
and two builds of the same input are byte-identical."""
from __future__ import annotations

import filecmp
import os

from govsite.pipeline.build import build
from tests.conftest import SiteFolder
from tests.feeds.feed_helpers import build_ok, feed_files, parse
from tests.feeds.test_feed_content import rich_site


def feeds_written(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {p for p in result.written_paths if p.startswith("feeds/")}


def test_no_change_rebuild_writes_nothing(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    again = build_ok(site)
    assert again.written_paths == [] and again.written == 0


def test_new_item_updates_exactly_the_feeds_that_show_it(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    site.write_item(8, columns=["xzxk"], theme="4.2", publish_date="2025-08-01 09:00")
    result = build_ok(site)
    assert feeds_written(result) == {"feeds/latest.xml", "feeds/org/xzfb.xml", "feeds/column/xzxk.xml",
                                     "feeds/column/fdzdgknr.xml", "feeds/theme/4.xml"}
    assert "subscribe/index.html" not in result.written_paths  # no new feed
    assert parse(site.out, "feeds/column/xzxk.xml").entries[0].link.endswith("/xxgk/xzfb/2025/00008.html")


def test_item_in_a_new_column_creates_its_feed_and_updates_the_subscribe_page(site: SiteFolder) -> None:
    build_ok(site)
    site.write_item(9, issuer="xzf", columns=["zcjd"], theme="5", publish_date="2025-08-01 09:00")
    result = build_ok(site)
    assert feeds_written(result) == {"feeds/latest.xml", "feeds/org/xzf.xml", "feeds/column/zcjd.xml",
                                     "feeds/theme/5.xml"}
    assert "subscribe/index.html" in result.written_paths
    assert "feeds/column/zcjd.xml" in site.read_out("subscribe/index.html")


def test_item_older_than_the_newest_entries_leaves_full_feeds_alone(site: SiteFolder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from govsite.feeds import catalog

    monkeypatch.setattr(catalog, "FEED_SIZE", 3)
    build_ok(site)
    site.write_item(10, columns=["gfxwj", "xzxk"], publish_date="2024-01-05 09:00", written_date="2024-01-02")
    result = build_ok(site)
    # latest, xzfb, gfxwj, fdzdgknr and theme 2 already hold three newer items; xzxk is new.
    assert feeds_written(result) == {"feeds/column/xzxk.xml"}


def test_title_edit_updates_its_feeds_body_edit_with_summary_does_not(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    site.write_item(4, issuer="xzf", columns=["zcjd"], theme="3.1", publish_date="2025-06-01 10:00",
                    summary="县政府关于第4项工作的内容概述。", body="改写后的正文。")
    result = build_ok(site)
    assert feeds_written(result) == set()
    assert "xxgk/xzfb/2025/00004.html" in result.written_paths
    site.write_item(4, issuer="xzf", columns=["zcjd"], theme="3.1", publish_date="2025-06-01 10:00",
                    summary="县政府关于第4项工作的内容概述。", body="改写后的正文。", title="新的标题")
    result = build_ok(site)
    assert feeds_written(result) == {"feeds/latest.xml", "feeds/org/xzf.xml", "feeds/column/zcjd.xml",
                                     "feeds/theme/3.xml"}


def test_body_edit_without_summary_updates_the_excerpt(site: SiteFolder) -> None:
    build_ok(site)
    site.write_item(2, body="新的正文第一句。")
    result = build_ok(site)
    assert feeds_written(result) == {"feeds/latest.xml", "feeds/org/xzfb.xml", "feeds/column/gfxwj.xml",
                                     "feeds/column/fdzdgknr.xml", "feeds/theme/2.xml"}
    by_link = {e.link[-10:]: e.summary for e in parse(site.out, "feeds/latest.xml").entries}
    assert by_link["00002.html"] == "新的正文第一句。"


def test_deleted_item_leaves_its_feeds_and_an_emptied_feed_is_removed(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    (site.root / "content/items/xzfb/2025/00004.md").unlink()
    site.write("redirects.yaml", "/xxgk/xzfb/2025/00004.html: ~\n")  # withdrawn, on record (docs/urls.md)
    result = build_ok(site)
    assert {"feeds/org/xzf.xml", "feeds/column/zcjd.xml", "feeds/theme/3.xml"} <= set(result.deleted_paths)
    assert feeds_written(result) == {"feeds/latest.xml"}
    assert "feeds/org/xzf.xml" not in feed_files(site.out)
    assert "feeds/org/xzf.xml" not in site.read_out("subscribe/index.html")


def test_base_url_change_rewrites_every_feed(site: SiteFolder) -> None:
    build_ok(site)
    result = build_ok(site, base_url="https://new.test.gov.cn/sub/")
    assert feeds_written(result) == set(feed_files(site.out))
    assert parse(site.out, "feeds/latest.xml").feed.id == "https://new.test.gov.cn/sub/feeds/latest.xml"


def test_two_builds_are_byte_identical(site: SiteFolder) -> None:
    rich_site(site)
    one, two = site.root.parent / "one", site.root.parent / "two"
    assert build(site.root, out=one).ok
    os.utime(site.root / "content/items/xzfb/2025/00001.md", (0, 0))  # different mtimes, same bytes
    assert build(site.root, out=two, jobs=2).ok
    for rel in feed_files(one) + ["subscribe/index.html"]:
        assert filecmp.cmp(one / rel, two / rel, shallow=False), rel
    assert feed_files(one) == feed_files(two)


def test_only_the_feeds_that_show_a_new_item_are_rendered_at_all(site: SiteFolder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import govsite.feeds as feeds

    rich_site(site)
    build_ok(site)
    rendered: list[str] = []
    real = feeds.RENDERERS["feed"]

    def spy(model, spec):  # type: ignore[no-untyped-def]
        rendered.append(spec.path)
        return real(model, spec)

    monkeypatch.setitem(feeds.RENDERERS, "feed", spy)
    site.write_item(8, issuer="xzf", columns=["zcjd"], theme="3.2", publish_date="2025-08-01 09:00")
    build_ok(site, jobs=1)
    assert sorted(rendered) == ["feeds/column/zcjd.xml", "feeds/latest.xml", "feeds/org/xzf.xml", "feeds/theme/3.xml"]
