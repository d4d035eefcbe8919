"""Build small gazettes inside the test site."""
from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import SiteFolder


def write_gazette(site: SiteFolder, **over: Any) -> None:
    config: dict[str, Any] = {"name": "测试县人民政府公报", "publisher": "xzf", "first_year": 2025, "frequency": "monthly"}
    config.update(over)
    site.write("content/gazette/gazette.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


def write_issue(site: SiteFolder, year: int, number: int, date: str, special: bool = False, **over: Any) -> str:
    folder = f"content/gazette/{year}/{'zk' if special else ''}{number:02d}"
    fields: dict[str, Any] = {"year": year, "number": number, "date": date}
    if special:
        fields["special"] = True
    fields.update(over)
    site.write(f"{folder}/issue.yaml", yaml.safe_dump(fields, allow_unicode=True, sort_keys=False))
    return folder


def write_article(site: SiteFolder, folder: str, n: int, body: str = "", **fields: Any) -> None:
    front: dict[str, Any] = {"title": f"第{n}篇文章", "section": "县政府文件"}
    front.update(fields)
    site.write(f"{folder}/{n}.md", "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body)
