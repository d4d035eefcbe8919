"""Helpers shared by the importer tests."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from govsite.importer.run import run_import

FIXTURES = Path(__file__).resolve().parent / "fixtures"

HEADER_ZH = ["索引号", "标题", "文号", "发布机构", "成文日期", "发布日期", "主题分类", "体裁分类", "有效性",
             "主题词", "内容概述", "正文", "原网址", "栏目"]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under content/, by relative path, with its bytes."""
    base = root / "content"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def jsonl_text(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


class Importer:
    """Runs imports against a site and captures what was printed."""

    def __init__(self, site, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
        self.site = site
        self.tmp = tmp_path
        self.capsys = capsys
        self.out = ""
        self.err = ""

    def file(self, name: str, text: str, bom: bool = False) -> Path:
        path = self.tmp / name
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        return path

    def run(self, path: Path, **kw: Any) -> bool:
        self.capsys.readouterr()
        ok = run_import(self.site.root, path, **kw)
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return ok

    def new_files(self, before: dict[str, bytes]) -> dict[str, str]:
        after = snapshot(self.site.root)
        return {k: v.decode("utf-8") for k, v in after.items() if k not in before}
