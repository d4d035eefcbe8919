"""Shared fixtures: small throw-away sites written into tmp folders."""
from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from govsite.identifiers import uscc_check_char

os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")

REPO = Path(__file__).resolve().parent.parent


def uscc(body17: str) -> str:
    """A valid 统一社会信用代码 from 17 body characters."""
    return body17 + uscc_check_char(body17)


GOV_CODE = uscc("11999900MB000001" + "0")
OFFICE_CODE = uscc("11999900MB000002" + "0")

SITE_YAML: dict[str, Any] = {
    "name": "测试县人民政府",
    "base_url": "https://www.test.gov.cn/",
    "footer": {
        "host": "测试县人民政府办公室",
        "contact": {"phone": "0000-1234567", "email": "xxgk@test.gov.cn", "address": "测试县测试路1号"},
        "site_id_code": "9999990002",
        "icp": "测ICP备00000002号-1",
        "psb": "测公网安备 99999902000002号",
    },
}

ORGS: list[dict[str, Any]] = [
    {"id": "xzf", "name": "测试县人民政府", "short_name": "县政府", "code": GOV_CODE, "kind": "government"},
    {"id": "xzfb", "name": "测试县人民政府办公室", "short_name": "县政府办", "code": OFFICE_CODE, "kind": "office", "parent": "xzf"},
]


def item_text(**fields: Any) -> str:
    """An item file; ``body`` is the Markdown body, other keys are front matter."""
    body = fields.pop("body", "正文内容。")
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"


def default_item(n: int, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "index_no": f"{OFFICE_CODE}/2025-{n:05d}",
        "title": f"测试县人民政府办公室关于第{n}项工作的通知",
        "doc_no": f"测政办发〔2025〕{n}号",
        "issuer": "xzfb",
        "written_date": "2025-03-01",
        "publish_date": f"2025-03-{(n % 27) + 2:02d} 09:00",
        "theme": "2.1",
        "genre": "通知",
        "columns": ["gfxwj"],
    }
    fields.update(over)
    return fields


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (POSIX relative path → bytes), to compare outputs."""
    files = {}
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            full = Path(dirpath) / name
            files[full.relative_to(folder).as_posix()] = full.read_bytes()
    return files


class SiteFolder:
    """A site folder under construction in a test."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def write_item(self, n: int, rel: str | None = None, **over: Any) -> Path:
        return self.write(rel or f"content/items/xzfb/2025/{n:05d}.md", item_text(**default_item(n, **over)))

    @property
    def out(self) -> Path:
        return self.root / "output"

    def read_out(self, rel: str) -> str:
        return (self.out / rel).read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> SiteFolder:
    """A valid minimal site with two organizations and three items."""
    folder = SiteFolder(tmp_path / "site")
    folder.write("site.yaml", yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False))
    folder.write("content/orgs.yaml", yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False))
    for n in (1, 2, 3):
        folder.write_item(n)
    folder.write("content/pages/zhinan.md", textwrap.dedent("""\
        ---
        title: 政府信息公开指南
        column: xxgkzn
        ---
        ## 一、主动公开

        指南正文。
        """))
    return folder


def written_groups(paths: list[str]) -> dict[str, set[str]]:
    """Output paths of a build, grouped the way a reader thinks of them:
    ``pages`` (HTML), ``feeds``, ``data`` (open data, sitemap, robots),
    ``search`` (the Pagefind bundles touched: ``titles`` or a title tier, a text shard's name, ``core``, or a file of ``pagefind/``), ``report`` (``_report/``) and ``other``."""
    groups: dict[str, set[str]] = {"pages": set(), "feeds": set(), "data": set(), "search": set(), "other": set(),
                                   "report": set()}
    for path in paths:
        if path.startswith("_report/"):  # the private inspection report (govsite/inspect/page.py)
            groups["report"].add(path)
        elif path.startswith("pagefind/text/"):  # a text shard: its name
            groups["search"].add(path.split("/")[2])
        elif path.startswith("pagefind/"):  # the title layer, or a file of the runtime bundle
            parts = path.split("/")
            groups["search"].add(parts[1] if parts[1].startswith("titles") else "core" if len(parts) > 2 else parts[1])
        elif path.startswith("feeds/"):
            groups["feeds"].add(path)
        elif path.startswith("data/") or path in ("sitemap.xml", "robots.txt") or path.startswith("sitemap"):
            groups["data"].add(path)
        elif path.endswith(".html"):
            groups["pages"].add(path)
        else:
            groups["other"].add(path)
    return groups


DEMO_FILES = ("site.yaml", "redirects.yaml", "urls.txt")
DEMO_FOLDERS = ("content", "templates", "static")


def copy_demo_site(target: Path) -> Path:
    """The demo county's site files (the repository root's), copied to ``target``, not built."""
    target.mkdir(parents=True, exist_ok=True)
    for name in DEMO_FILES:
        if (REPO / name).is_file():
            shutil.copyfile(REPO / name, target / name)
    for name in DEMO_FOLDERS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
    return target


def snapshot(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime_ns) of every output file: what a build that writes nothing leaves alone."""
    result = {}
    for dirpath, _dirs, names in os.walk(out):
        for name in names:
            st = os.stat(os.path.join(dirpath, name))
            result[os.path.relpath(os.path.join(dirpath, name), out)] = (st.st_ino, st.st_mtime_ns)
    return result
