"""A test site with everything the exports show: two years, attachments, a
依申请公开 item, an interpretation, a catalog, free pages and a gazette issue,
served from a sub-path."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

from govsite.pipeline.build import BuildResult, build
from tests.conftest import OFFICE_CODE, SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

BASE_URL = "https://www.test.gov.cn/county/xxgk/"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

CATALOG: dict[str, Any] = {
    "id": "zdjsxm",
    "domain": "重大建设项目",
    "owner": "xzf",
    "version": "2025版",
    "last_reviewed": "2025-02-10",
    "levels": ["县级", "乡级"],
    "entries": [
        {"seq": 1, "stage": "决策", "item_l1": "批准服务信息", "item_l2": "审批结果", "content": "项目名称、审批结果",
         "basis": "《政府信息公开条例》", "time_limit": "信息形成之日起20个工作日内", "subject": "县发展改革局",
         "channels": ["政府网站", "政务服务中心", "其他"], "channels_other": "投资项目在线审批监管平台",
         "audience": ["全社会"], "mode": ["主动"], "level": ["县级"]},
        {"seq": 2, "item_l1": "征收土地信息", "item_l2": "征地公告", "content": "征地公告",
         "basis": "《土地管理法》", "time_limit": "及时公开", "subject": "县自然资源局",
         "channels": ["政府网站", "社区/企事业单位/村公示栏（电子屏）"], "audience": ["全社会", "特定群体"],
         "mode": ["主动", "依申请"], "level": ["县级", "乡级"]},
    ],
}


def idx(n: int, year: int = 2025) -> str:
    return f"{OFFICE_CODE}/{year}-{n:05d}"


def fill_site(site: SiteFolder) -> SiteFolder:
    """Add the exported material to the ``site`` fixture (items 1–3 of 2025 exist)."""
    site.write("content/catalogs/zdjsxm.yaml", yaml.safe_dump(CATALOG, allow_unicode=True, sort_keys=False))
    site.write("content/attachments/2025/fangan.pdf", b"%PDF-1.4\n" + b"0" * 2400)
    site.write_item(1, attachments=[{"file": "attachments/2025/fangan.pdf", "title": "实施方案"}],
                    keywords=["营商环境", "改革"], summary="印发实施方案。\n第二行概述。", catalog_entry="zdjsxm#1",
                    stage="决策", effective_date="2025-04-01", source="测试县发展和改革局", legacy_url="http://old.test.gov.cn/art/1.html",
                    body="## 一、总体要求\n\n正文第一段，含“引号”、逗号,和分号;\n\n| 表头 | 值 |\n|---|---|\n| a | 1 |\n")
    site.write_item(2, validity="废止", expiry_date="2025-06-30", superseded_by=idx(3), publish_date="2025-03-03")
    site.write_item(5, disclosure_mode="依申请公开", body="这段正文只提供给申请人。", columns=["ysqgk"], theme=None,
                    genre=None, doc_no=None, written_date=None)
    site.write_item(8, columns=["zcjd"], genre="解读", interprets=idx(1), title="《第1项工作的通知》政策解读", doc_no=None,
                    publish_date="2025-04-15 10:30")
    site.write_item(11, rel="content/items/xzf/2024/00011.md", issuer="xzf", index_no=idx(11, 2024),
                    publish_date="2024-12-31 23:59:30", written_date="2024-12-30", theme="13.1", columns=["tjxx", "gfxwj"],
                    title="测试县2024年统计公报")
    site.write("content/pages/zhidu.md", "---\ntitle: 政府信息公开制度\nupdated: 2025-01-05 08:00\n---\n制度正文。\n")
    write_gazette(site, first_year=2025)
    folder = write_issue(site, 2025, 1, "2025-05-20")
    write_article(site, folder, 1, item=idx(1))
    return site


def build_ok(site: SiteFolder, **kw: Any) -> BuildResult:
    kw.setdefault("base_url", BASE_URL)
    result = build(site.root, **kw)
    assert result.ok, [p.format() for p in result.problems.items]
    return result


def sitemap_urls(out: Path, name: str = "sitemap.xml") -> dict[str, str | None]:
    """loc → lastmod text (None when absent) of one urlset file."""
    root = ET.parse(out / name).getroot()
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {u.findtext("sm:loc", namespaces=NS): u.findtext("sm:lastmod", namespaces=NS) for u in root.findall("sm:url", NS)}


def html_pages(out: Path) -> set[str]:
    """Output paths of every HTML file built."""
    return {p.relative_to(out).as_posix() for p in out.rglob("*.html")}


def is_redirect_stub(out: Path, path: str) -> bool:
    """A page that only forwards the reader elsewhere (``<meta http-equiv="refresh">``)."""
    return 'http-equiv="refresh"' in (out / path).read_text(encoding="utf-8")


def listable_pages(out: Path) -> set[str]:
    """The pages a sitemap should list: every HTML page but 404.html, redirect stubs and
    the private inspection report (``_report/``, never deployed)."""
    return {p for p in html_pages(out) - {"404.html"} if not is_redirect_stub(out, p) and not p.startswith("_report/")}


def page_url(path: str, base: str = BASE_URL) -> str:
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
